/**
 * A semantic diff of two lowered programs: indicators added, removed, renamed and changed, with
 * the changes in words and a flag on every change that alters past values. Compared on the IR,
 * so layout and comments never show up.
 */
import { indicatorDecimals, type IndicatorIR, type ProgramIR, type SourceIR, type TargetIR } from '@monitor/ir';
import { compareValues } from './compare-measures.js';
import { compareSources } from './compare-sources.js';
import { plain, t, targetPoint, type Lang } from './describe-ir.js';

/** One indicator's change. */
export interface IndicatorChange {
    name: string;
    kind: 'added' | 'removed' | 'renamed' | 'changed';
    /** The old name of a renamed indicator. */
    from?: string;
    title: string | null;
    /** True when the change alters values already published (a definition change, not a target or text). */
    altersPastValues: boolean;
    changes: string[];
    /** With `--values`: the latest value by the old and the new definition, on today's data. */
    values?: { period: string | null; old: number | null; new: number | null };
}

/** Changes outside indicators: sources, the monitor header. */
export interface OtherChange {
    text: string;
    altersPastValues: boolean;
}

/** The semantic diff of one file. */
export interface FileDiff {
    file: string;
    indicators: IndicatorChange[];
    other: OtherChange[];
}

function definitionKey(i: IndicatorIR): string {
    return plain({ value: i.value, grain: i.grain });
}

/** Sources an indicator reads, directly or through the indicators its expression uses. */
function sourcesOf(i: IndicatorIR, program: ProgramIR, seen = new Set<string>()): Set<string> {
    const out = new Set<string>();
    if (seen.has(i.name)) return out;
    seen.add(i.name);
    const v = i.value;
    if (v.kind === 'measure') out.add(v.measure.source);
    if (v.kind === 'rate') out.add(v.numerator.source).add(v.denominator.source);
    if (v.kind === 'expression') {
        const walk = (e: typeof v.expression): void => {
            if (e.kind === 'binary') { walk(e.left); walk(e.right); }
            const used = e.kind === 'indicator' ? program.indicators.find(x => x.name === e.name) : undefined;
            if (used) for (const s of sourcesOf(used, program, seen)) out.add(s);
        };
        walk(v.expression);
    }
    return out;
}

/** A copy of an indicator whose expression refers to renamed indicators by their new names. */
function withRenames(i: IndicatorIR, renames: Map<string, string>): IndicatorIR {
    return JSON.parse(JSON.stringify(i), (key, v) => (key === 'name' && typeof v === 'string' && renames.has(v) && v !== i.name ? renames.get(v) : v));
}

function compareTargets(a: TargetIR | null, b: TargetIR | null, lang: Lang): string[] {
    if (!a && !b) return [];
    if (!a) return [t(lang, 'target added', 'doel toegevoegd')];
    if (!b) return [t(lang, 'target removed', 'doel verwijderd')];
    const lines: string[] = [];
    if (a.baseline !== b.baseline) lines.push(t(lang, `baseline changed from ${a.baseline ?? 'none'} to ${b.baseline ?? 'none'}`,
        `basisperiode gewijzigd van ${a.baseline ?? 'geen'} in ${b.baseline ?? 'geen'}`));
    for (const p of b.points) {
        const old = a.points.find(x => x.period === p.period);
        if (!old) lines.push(t(lang, `target ${p.period} added: ${targetPoint(p, lang)}`, `doel ${p.period} toegevoegd: ${targetPoint(p, lang)}`));
        else if (targetPoint(old, lang) !== targetPoint(p, lang)) lines.push(t(lang, `target ${p.period} changed from ${targetPoint(old, lang)} to ${targetPoint(p, lang)}`,
            `doel ${p.period} gewijzigd van ${targetPoint(old, lang)} in ${targetPoint(p, lang)}`));
    }
    for (const p of a.points.filter(x => !b.points.some(y => y.period === x.period))) {
        lines.push(t(lang, `target ${p.period} removed`, `doel ${p.period} verwijderd`));
    }
    const tol = (x: TargetIR) => (x.tolerance ? `${x.tolerance.value}${x.tolerance.relative ? ' %' : ''}` : t(lang, 'none', 'geen'));
    if (tol(a) !== tol(b)) lines.push(t(lang, `tolerance changed from ${tol(a)} to ${tol(b)}`, `marge gewijzigd van ${tol(a)} in ${tol(b)}`));
    return lines;
}

function text(label: [string, string], a: string | null, b: string | null, lang: Lang): string[] {
    if (a === b) return [];
    const show = (x: string | null) => (x === null ? t(lang, 'none', 'geen') : `"${x}"`);
    return [t(lang, `${label[0]} changed from ${show(a)} to ${show(b)}`, `${label[1]} gewijzigd van ${show(a)} in ${show(b)}`)];
}

function compareIndicator(a: IndicatorIR, b: IndicatorIR, lang: Lang): { definition: string[]; other: string[] } {
    const definition = compareValues(a.value, b.value, lang);
    if (a.grain !== b.grain) definition.push(t(lang, `grain changed from ${a.grain} to ${b.grain}`, `periode gewijzigd van ${a.grain} in ${b.grain}`));
    const other = [
        ...text(['title', 'titel'], a.title, b.title, lang),
        ...(a.description !== b.description ? [t(lang, 'description changed', 'beschrijving gewijzigd')] : []),
        ...text(['unit label', 'eenheidslabel'], a.unit, b.unit, lang),
        ...text(['desired direction', 'gewenste richting'], a.desired, b.desired, lang),
        // The published precision: every output rounds to it, and the status is assessed on it.
        ...(indicatorDecimals(a) !== indicatorDecimals(b)
            ? [t(lang, `decimals changed from ${indicatorDecimals(a)} to ${indicatorDecimals(b)}`, `decimalen gewijzigd van ${indicatorDecimals(a)} in ${indicatorDecimals(b)}`)] : []),
        ...b.by.filter(d => !a.by.includes(d)).map(d => t(lang, `breakdown by ${d} added`, `uitsplitsing naar ${d} toegevoegd`)),
        ...a.by.filter(d => !b.by.includes(d)).map(d => t(lang, `breakdown by ${d} removed`, `uitsplitsing naar ${d} verwijderd`)),
        ...compareTargets(a.target, b.target, lang),
        ...b.references.filter(r => !a.references.some(x => x.series === r.series)).map(r => t(lang, `reference "${r.series}" added`, `referentie "${r.series}" toegevoegd`)),
        ...a.references.filter(r => !b.references.some(x => x.series === r.series)).map(r => t(lang, `reference "${r.series}" removed`, `referentie "${r.series}" verwijderd`)),
        ...b.references.filter(r => a.references.some(x => x.series === r.series && plain(x) !== plain(r)))
            .map(r => t(lang, `reference "${r.series}" changed`, `referentie "${r.series}" gewijzigd`)),
    ];
    return { definition, other };
}

/** Compares the programs of one file (null when the file is new or gone); `own` filters the sources declared in it. */
export function diffPrograms(file: string, before: ProgramIR | null, after: ProgramIR | null, lang: Lang,
    own: (s: SourceIR) => boolean = () => true): FileDiff {
    const oldInd = before?.indicators ?? [];
    const newInd = after?.indicators ?? [];
    const result: FileDiff = { file, indicators: [], other: [] };
    const sourceLines = compareSources((before?.sources ?? []).filter(own), (after?.sources ?? []).filter(own), lang);
    const changedSources = new Set(sourceLines.filter(l => l.altersPastValues).map(l => l.source));
    const added = newInd.filter(i => !oldInd.some(o => o.name === i.name));
    const removed = oldInd.filter(o => !newInd.some(i => i.name === o.name));
    for (const i of added) {
        const twin = removed.find(o => definitionKey(o) === definitionKey(i));
        if (twin) {
            removed.splice(removed.indexOf(twin), 1);
            const { other } = compareIndicator(twin, i, lang);
            result.indicators.push({ name: i.name, kind: 'renamed', from: twin.name, title: i.title, altersPastValues: false, changes: other });
        } else {
            result.indicators.push({ name: i.name, kind: 'added', title: i.title, altersPastValues: false, changes: [] });
        }
    }
    for (const o of removed) result.indicators.push({ name: o.name, kind: 'removed', title: o.title, altersPastValues: false, changes: [] });
    const privacy = (p: ProgramIR | null) => (p?.monitor.privacy ? `minimum ${p.monitor.privacy.minimum}, round ${p.monitor.privacy.round}` : t(lang, 'none', 'geen'));
    const privacyChanged = before !== null && after !== null && privacy(before) !== privacy(after);
    // An expression that uses a renamed indicator means the same as before.
    const renames = new Map(result.indicators.filter(i => i.kind === 'renamed').map(i => [i.from!, i.name]));
    for (const b of newInd) {
        const found = oldInd.find(o => o.name === b.name);
        if (!found) continue;
        const a = renames.size > 0 ? withRenames(found, renames) : found;
        const { definition, other } = compareIndicator(a, b, lang);
        const viaSources = [...sourcesOf(b, after!)].filter(s => changedSources.has(s));
        for (const s of viaSources) definition.push(t(lang, `its source ${s} changed (see below)`, `de bron ${s} is gewijzigd (zie onder)`));
        if (privacyChanged) definition.push(t(lang, 'privacy rules changed (see below)', 'privacyregels gewijzigd (zie onder)'));
        if (definition.length + other.length === 0) continue;
        result.indicators.push({ name: b.name, kind: 'changed', title: b.title, altersPastValues: definition.length > 0, changes: [...definition, ...other] });
    }
    if (privacyChanged) result.other.push({ altersPastValues: true,
        text: t(lang, `privacy changed from ${privacy(before)} to ${privacy(after)}`, `privacy gewijzigd van ${privacy(before)} in ${privacy(after)}`) });
    if (before && after && before.monitor.grain !== after.monitor.grain) result.other.push({ altersPastValues: false,
        text: t(lang, `default grain changed from ${before.monitor.grain} to ${after.monitor.grain}`, `standaardperiode gewijzigd van ${before.monitor.grain} in ${after.monitor.grain}`) });
    if (before && after && plain(before.monitor.range) !== plain(after.monitor.range)) result.other.push({ altersPastValues: false,
        text: t(lang, `range changed from ${before.monitor.range.from} .. ${before.monitor.range.to} to ${after.monitor.range.from} .. ${after.monitor.range.to}`,
            `bereik gewijzigd van ${before.monitor.range.from} .. ${before.monitor.range.to} in ${after.monitor.range.from} .. ${after.monitor.range.to}`) });
    result.other.push(...sourceLines.map(l => ({ text: l.text, altersPastValues: l.altersPastValues })));
    const notes = (p: ProgramIR | null) => (p?.notes ?? []).map(n => `${n.date} "${n.text}"`);
    for (const n of notes(after).filter(x => !notes(before).includes(x))) result.other.push({ altersPastValues: false, text: t(lang, `note added: ${n}`, `notitie toegevoegd: ${n}`) });
    for (const n of notes(before).filter(x => !notes(after).includes(x))) result.other.push({ altersPastValues: false, text: t(lang, `note removed: ${n}`, `notitie verwijderd: ${n}`) });
    return result;
}
