/** The audit's findings as text for a terminal, in English or Dutch. */
import type { AuditResult } from './audit-types.js';

/** One line per finding (`monitor: kind: message`), then a summary line. */
export function auditText(result: AuditResult, locale: 'en' | 'nl'): string {
    const nl = locale === 'nl';
    const lines = result.findings.map((f) => `${f.monitor}: ${f.kind}: ${nl ? f.messageNl : f.message}`);
    for (const i of result.inconsistent) lines.push(nl ? `waarschuwing: model van de audit klopt niet: ${i}` : `warning: the audit's model does not fit: ${i}`);
    const { hidden, cells, relations } = result.checked;
    lines.push(nl
        ? `${result.findings.length} lek(ken) gevonden; ${hidden} verborgen tellingen begrensd over ${cells} cellen en ${relations} relaties.`
        : `${result.findings.length} leak(s) found; ${hidden} hidden counts bounded over ${cells} cells and ${relations} relations.`);
    return `${lines.join('\n')}\n`;
}
