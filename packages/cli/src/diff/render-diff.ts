/** The diff summary as Markdown for a pull request, or as JSON for tools. */
import { t, type Lang } from './describe-ir.js';
import type { FileDiff } from './compare-program.js';

/** The whole diff of two sides. */
export interface DiffReport {
    old: string;
    new: string;
    files: FileDiff[];
    /** Files that could not be compared on a side because they have errors. */
    skipped: Array<{ file: string; side: 'old' | 'new'; errors: number }>;
}

function number(x: number | null, lang: Lang): string {
    if (x === null) return '—';
    return x.toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
}

/** Markdown that reads well pasted into a pull request. */
export function diffMarkdown(report: DiffReport, lang: Lang): string {
    const lines = [`### ${t(lang, 'Monitor changes', 'Wijzigingen in de monitor')}: \`${report.old}\` → \`${report.new}\``, ''];
    const flag = t(lang, '⚠️ changes past values', '⚠️ verandert eerdere cijfers');
    for (const f of report.files) {
        lines.push(`**${f.file}**`, '');
        for (const i of f.indicators) {
            const title = i.title ? ` — ${i.title}` : '';
            if (i.kind === 'added') lines.push(`- ${t(lang, 'added indicator', 'indicator toegevoegd')} **${i.name}**${title}`);
            else if (i.kind === 'removed') lines.push(`- ${t(lang, 'removed indicator', 'indicator verwijderd')} **${i.name}**${title}`);
            else if (i.kind === 'renamed') lines.push(`- ${t(lang, 'renamed indicator', 'indicator hernoemd')} **${i.from}** → **${i.name}** ${t(lang, '(same definition)', '(zelfde definitie)')}`);
            else lines.push(`- **${i.name}**${title}${i.altersPastValues ? ` — ${flag}` : ''}`);
            for (const c of i.changes) lines.push(`  - ${c}`);
            if (i.values) {
                const delta = i.values.old !== null && i.values.new !== null ? ` (${i.values.new - i.values.old >= 0 ? '+' : ''}${number(i.values.new - i.values.old, lang)})` : '';
                lines.push(`  - ${t(lang, 'latest value', 'laatste waarde')} ${i.values.period ?? ''}: ${number(i.values.old, lang)} → ${number(i.values.new, lang)}${delta}`);
            }
        }
        for (const o of f.other) lines.push(`- ${o.text}${o.altersPastValues ? ` — ${flag}` : ''}`);
        lines.push('');
    }
    for (const s of report.skipped) {
        lines.push(`- ${s.file}: ${t(lang, `not compared, ${s.errors} file(s) with errors on the ${s.side} side (run monitor check)`,
            `niet vergeleken, ${s.errors} bestand(en) met fouten aan de ${s.side === 'old' ? 'oude' : 'nieuwe'} kant (draai monitor check)`)}`);
    }
    if (report.files.length === 0 && report.skipped.length === 0) lines.push(t(lang, 'No changes in meaning.', 'Geen inhoudelijke wijzigingen.'));
    return lines.join('\n').trimEnd() + '\n';
}

/** The report as pretty-printed JSON. */
export function diffJson(report: DiffReport): string {
    return JSON.stringify(report, null, 2) + '\n';
}
