/**
 * Leaks that need no solver: what a published row, reference or message says on its face.
 * "Person-level" rows: an `events` or `episodes` source, or any source whose rows some indicator counts.
 */
import type { ArithIR, IndicatorIR, MeasureIR, ProgramIR, ResultRow } from '@monitor/ir';
import type { CellTable } from './cell-table.js';
import type { AuditFinding, PublishedMonitor } from './audit-types.js';
import { conjuncts, countLike, countParts, locate } from './collect-cells.js';

type Finding = Omit<AuditFinding, 'monitor'>;

function personLevel(program: ProgramIR, source: string): boolean {
    const shape = program.sources.find((s) => s.name === source)?.shape.kind;
    if (shape === 'events' || shape === 'episodes') return true;
    return program.indicators.some((i) => countParts(program, i).some(([, m]) => m.isCount && m.source === source));
}

const cellText = (r: ResultRow) => {
    const where = Object.entries(r.dimensions).filter(([, v]) => v !== undefined).map(([d, v]) => `${d}=${v ?? '(no value)'}`).join(', ');
    return `${r.indicator}${r.series !== 'actual' ? ` "${r.series}"` : ''} ${r.period}${where ? ` ${where}` : ''}`;
};

/** `a - b` where b counts a subset of a's rows: the difference is itself a count. */
function nestedDifference(program: ProgramIR, e: ArithIR): boolean {
    if (e.kind !== 'binary' || e.op !== '-' || e.left.kind !== 'indicator' || e.right.kind !== 'indicator') return false;
    const measureOf = (name: string): MeasureIR | null => {
        const v = program.indicators.find((i) => i.name === name)?.value;
        return v?.kind === 'measure' && v.measure.isCount ? v.measure : null;
    };
    const a = measureOf(e.left.name);
    const b = measureOf(e.right.name);
    if (!a || !b || a.having || b.having || a.aggregate !== b.aggregate) return false;
    const same = (x: MeasureIR) => JSON.stringify({ ...x, filter: null, span: null });
    if (same(a) !== same(b)) return false;
    const inB = new Set(conjuncts(b.filter).map((c) => JSON.stringify(c)));
    return conjuncts(a.filter).every((c) => inB.has(JSON.stringify(c)));
}

function belowMinimum(program: ProgramIR, rows: ResultRow[], minimum: number): Finding[] {
    const out: Finding[] = [];
    const byName = new Map(program.indicators.map((i) => [i.name, i]));
    for (const r of rows) {
        const indicator = byName.get(r.indicator);
        if (!indicator || r.series !== 'actual' || r.suppressed) continue;
        const parts: ['numerator' | 'denominator' | 'value', string][] = countParts(program, indicator).map(([p]) => [p, p === 'denominator' ? ' (denominator)' : '']);
        if (indicator.value.kind === 'expression' && nestedDifference(program, indicator.value.expression)) parts.push(['value', ' (a difference of nested counts)']);
        for (const [part, what] of parts) {
            const v = r[part];
            if (v === null || v >= minimum) continue;
            out.push({
                kind: 'below-minimum', subject: `${cellText(r)}${what}`, givenBy: [cellText(r)],
                message: `${cellText(r)}${what} publishes the count ${v}, below the minimum ${minimum}.`,
                messageNl: `${cellText(r)}${what} publiceert de telling ${v}, onder het minimum ${minimum}.`,
            });
        }
    }
    return out;
}

function indicatorMeasures(i: IndicatorIR): MeasureIR[] {
    return i.value.kind === 'measure' ? [i.value.measure] : i.value.kind === 'rate' ? [i.value.numerator, i.value.denominator] : [];
}

function perIndicator(program: ProgramIR, rows: ResultRow[], table: CellTable, minimum: number): Finding[] {
    const out: Finding[] = [];
    for (const indicator of program.indicators) {
        const shown = rows.filter((r) => r.indicator === indicator.name && r.series === 'actual' && !r.suppressed && r.value !== null);
        for (const m of indicatorMeasures(indicator)) {
            if (!personLevel(program, m.source) || shown.length === 0) continue;
            if (m.aggregate === 'min' || m.aggregate === 'max') {
                out.push({
                    kind: 'single-value', subject: indicator.name, givenBy: shown.slice(0, 3).map(cellText),
                    message: `${indicator.name} publishes the ${m.aggregate} of ${m.column?.column ?? 'duration'} over person-level rows of ${m.source}: that is one person's value.`,
                    messageNl: `${indicator.name} publiceert het ${m.aggregate === 'min' ? 'minimum' : 'maximum'} van ${m.column?.column ?? 'duur'} over rijen per persoon van ${m.source}: dat is de waarde van één persoon.`,
                });
            }
            if (m.aggregate === 'avg' && !m.duration && indicator.value.kind === 'measure' && countLike(program, { ...m, aggregate: 'sum' })) {
                const count: MeasureIR = { ...m, aggregate: 'count', column: null, isCount: true };
                for (const r of shown) {
                    const at = locate(program, count, r, indicator.name);
                    const cell = at ? table.get(at.info.key, r.period, at.coords) : undefined;
                    if (!cell?.published) continue;
                    const implied = r.value! * cell.published.high;
                    if (implied >= minimum) continue;
                    out.push({
                        kind: 'implied-count', subject: cellText(r), givenBy: [cellText(r), cell.label],
                        message: `${cellText(r)}, an average of ${m.column!.column} over person-level rows, times the published count ${cell.label} gives about ${Math.round(implied)}, below the minimum ${minimum}.`,
                        messageNl: `${cellText(r)}, een gemiddelde van ${m.column!.column} over rijen per persoon, maal de gepubliceerde telling ${cell.label} geeft ongeveer ${Math.round(implied)}, onder het minimum ${minimum}.`,
                    });
                }
            }
        }
        for (const ref of indicator.references) {
            const refRows = rows.filter((r) => r.indicator === indicator.name && r.series === ref.series && !r.suppressed && r.value !== null);
            if (refRows.length === 0 || !personLevel(program, ref.source)) continue;
            out.push({
                kind: 'person-reference', subject: `${indicator.name} "${ref.series}"`, givenBy: refRows.slice(0, 3).map(cellText),
                message: `Reference "${ref.series}" of ${indicator.name} publishes ${ref.value.column} read from person-level rows of ${ref.source}, with no minimum of persons behind each value.`,
                messageNl: `Referentie "${ref.series}" van ${indicator.name} publiceert ${ref.value.column} uit rijen per persoon van ${ref.source}, zonder minimum aantal personen achter elke waarde.`,
            });
        }
    }
    return out;
}

function sideChannels(rows: ResultRow[], messages: { code: string; text: string }[]): Finding[] {
    const out: Finding[] = [];
    for (const r of rows) {
        if (r.series !== 'actual' || !r.suppressed || r.provisional !== true || Object.keys(r.dimensions).length === 0) continue;
        out.push({
            kind: 'provisional-flag', subject: cellText(r), givenBy: [cellText(r)],
            message: `${cellText(r)} is hidden but marked provisional: that says it holds at least one record.`,
            messageNl: `${cellText(r)} is verborgen maar gemarkeerd als voorlopig: dat zegt dat er minstens één record in zit.`,
        });
    }
    const status = new Map<string, { hidden: boolean; shown: boolean }>();
    for (const r of rows) {
        if (r.series !== 'actual') continue;
        for (const [d, v] of Object.entries(r.dimensions)) {
            if (v === null || v === undefined) continue;
            const s = status.get(`${d}\u0000${v}`) ?? { hidden: false, shown: false };
            if (r.suppressed) s.hidden = true; else if (r.value !== null) s.shown = true;
            status.set(`${d}\u0000${v}`, s);
        }
    }
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const [k, s] of status) {
        if (!s.hidden || s.shown) continue;
        const [d, v] = k.split('\u0000');
        for (const m of messages) {
            if (!new RegExp(`(^|[^\\p{L}\\p{N}_])${escape(v)}($|[^\\p{L}\\p{N}_])`, 'u').test(m.text)) continue;
            out.push({
                kind: 'message-names-hidden', subject: `${d}=${v}`, givenBy: [`${m.code}: ${m.text}`],
                message: `The message ${m.code} names ${d} ${v}, whose cells are all hidden.`,
                messageNl: `De melding ${m.code} noemt ${d} ${v}, waarvan alle cellen verborgen zijn.`,
            });
        }
    }
    return out;
}

/** Every finding one monitor's rows and messages show without solving anything. */
export function sanityChecks(published: PublishedMonitor, table: CellTable): Finding[] {
    const { program, rows } = published;
    const minimum = program.monitor.privacy?.minimum ?? 0;
    const out: Finding[] = [];
    const counted = program.indicators.filter((i) => countParts(program, i).some(([, m]) => m.isCount && personLevel(program, m.source)));
    if (minimum <= 1 && counted.length > 0) {
        const rule = program.monitor.privacy ? `privacy { round ${program.monitor.privacy.round} } (minimum ${minimum})` : 'no privacy block';
        out.push({
            kind: 'no-minimum', subject: program.monitor.name, givenBy: counted.map((i) => i.name),
            message: `Monitor ${program.monitor.name} publishes counts of person-level rows with ${rule}: every small count is shown.`,
            messageNl: `Monitor ${program.monitor.name} publiceert tellingen van rijen per persoon met ${rule.replace('no privacy block', 'geen privacy-blok')}: elke kleine telling is zichtbaar.`,
        });
    }
    if (minimum > 1) out.push(...belowMinimum(program, rows, minimum));
    out.push(...perIndicator(program, rows, table, Math.max(minimum, 1)));
    out.push(...sideChannels(rows, published.messages ?? []));
    return out;
}
