/** Changes to source declarations in words; a change to what a source reads alters past values. */
import type { ShapeIR, SourceIR } from '@monitor/ir';
import { plain, t, type Lang } from './describe-ir.js';

/** One source change. */
export interface SourceChange {
    source: string;
    text: string;
    altersPastValues: boolean;
}

function shape(s: ShapeIR): string {
    switch (s.kind) {
        case 'events': return `events on ${s.date}${s.key ? ` key ${s.key}` : ''}`;
        case 'episodes': return `episodes start ${s.start} end ${s.end} key ${s.key}`;
        case 'snapshot': return `snapshot at ${s.date}${s.valid ? ` valid ${s.valid.amount} ${s.valid.unit}` : ''}`;
        case 'table': return `table${s.key ? ` key ${s.key}` : ''}`;
    }
}

/** Compares the sources declared in one file. */
export function compareSources(before: SourceIR[], after: SourceIR[], lang: Lang): SourceChange[] {
    const out: SourceChange[] = [];
    const add = (source: string, altersPastValues: boolean, en: string, nl: string) => out.push({ source, altersPastValues, text: t(lang, en, nl) });
    for (const s of after.filter(x => !before.some(y => y.name === x.name))) add(s.name, false, `source ${s.name} added (${s.path})`, `bron ${s.name} toegevoegd (${s.path})`);
    for (const s of before.filter(x => !after.some(y => y.name === x.name))) add(s.name, true, `source ${s.name} removed`, `bron ${s.name} verwijderd`);
    for (const b of after) {
        const a = before.find(x => x.name === b.name);
        if (!a || plain(a) === plain(b)) continue;
        const n = b.name;
        if (a.path !== b.path) add(n, true, `source ${n} now reads \`${b.path}\` instead of \`${a.path}\``, `bron ${n} leest nu \`${b.path}\` in plaats van \`${a.path}\``);
        if (a.format !== b.format || plain(a.csv) !== plain(b.csv)) add(n, true, `source ${n}: read options changed (format, delimiter, decimal, header, nulls or date format)`,
            `bron ${n}: leesopties gewijzigd (formaat, scheidingsteken, decimaalteken, kopregel, lege waarden of datumnotatie)`);
        if (shape(a.shape) !== shape(b.shape)) add(n, true, `source ${n}: shape changed from \`${shape(a.shape)}\` to \`${shape(b.shape)}\``,
            `bron ${n}: vorm gewijzigd van \`${shape(a.shape)}\` in \`${shape(b.shape)}\``);
        if (a.status !== b.status) add(n, false, `source ${n}: status column changed from ${a.status ?? 'none'} to ${b.status ?? 'none'}`,
            `bron ${n}: statuskolom gewijzigd van ${a.status ?? 'geen'} in ${b.status ?? 'geen'}`);
        if (plain(a.coverage) !== plain(b.coverage)) {
            const cov = (s: SourceIR) => (s.coverage ? `${s.coverage.from} .. ${s.coverage.to}` : t(lang, 'from the data', 'uit de data'));
            add(n, true, `source ${n}: coverage changed from ${cov(a)} to ${cov(b)}`, `bron ${n}: dekking gewijzigd van ${cov(a)} in ${cov(b)}`);
        }
        for (const c of b.columns.filter(x => !a.columns.some(y => y.name === x.name))) add(n, false, `source ${n}: column ${c.name} (${c.type}) added`, `bron ${n}: kolom ${c.name} (${c.type}) toegevoegd`);
        for (const c of a.columns.filter(x => !b.columns.some(y => y.name === x.name))) add(n, true, `source ${n}: column ${c.name} removed`, `bron ${n}: kolom ${c.name} verwijderd`);
        for (const c of b.columns) {
            const o = a.columns.find(x => x.name === c.name);
            const type = (x: typeof c) => `${x.type}${x.nullable ? '?' : ''}`;
            if (o && type(o) !== type(c)) add(n, true, `source ${n}: column ${c.name} changed from ${type(o)} to ${type(c)}`, `bron ${n}: kolom ${c.name} gewijzigd van ${type(o)} in ${type(c)}`);
            // A derived column computed another way, or trimmed or not: the numbers change.
            if (o && (plain(o.expression ?? null) !== plain(c.expression ?? null) || Boolean(o.trim) !== Boolean(c.trim))) {
                add(n, true, `source ${n}: column ${c.name} is read or computed differently`, `bron ${n}: kolom ${c.name} wordt anders gelezen of berekend`);
            }
        }
    }
    return out;
}
