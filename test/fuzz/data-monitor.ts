/**
 * A generator of small valid monitors WITH data (fast-check): up to four sources (episodes, events,
 * snapshot, lookup table) with a few dozen generated CSV rows — nulls, open episodes, leap days and
 * period boundaries, text that looks like a formula or SQL —, dimensions (also through a lookup),
 * indicators of every measure kind, rates and expressions, breakdowns, targets, references, notes and
 * privacy blocks. Mutations of the text and of the data make near misses.
 */
import fc from 'fast-check';

/** One generated case: a `.monitor` text and its data files (relative path → CSV text). */
export interface DataCase {
    text: string;
    files: Record<string, string>;
}

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

// Days on period boundaries of every grain, the leap day, and any day of 2023–2025.
const BOUNDARIES = ['2023-12-31', '2024-01-01', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-31', '2024-04-01',
    '2024-06-30', '2024-07-01', '2024-09-30', '2024-10-01', '2024-12-31', '2025-01-01'];
const DAY0 = Date.UTC(2023, 0, 1);
const iso = (day: number) => new Date(DAY0 + day * 86_400_000).toISOString().slice(0, 10);
const dayOf = (date: string) => Math.round((Date.parse(`${date}T00:00:00Z`) - DAY0) / 86_400_000);
const date = fc.oneof(pick(...BOUNDARIES), fc.integer({ min: 0, max: 1095 }).map(iso));
const CLIENTS = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'];
const WIJKEN = ['W1', 'W2', 'W3'];
const ZORG = ['verblijf', 'pleegzorg', 'ambulant', '=HYPERLINK("x")', "it's; DROP TABLE x; --"];
const opt = <T>(a: fc.Arbitrary<T>, nullWeight = 1) => fc.option(a, { freq: Math.round(5 / nullWeight), nil: null });

/** How the CSV files are written: the default, or `;` with decimal comma, `.` as null and Dutch dates. */
interface Dialect { delimiter: string; comma: boolean; nulls: string | null; dutch: boolean }
const dialect: fc.Arbitrary<Dialect> = fc.oneof(
    { weight: 4, arbitrary: fc.constant({ delimiter: ',', comma: false, nulls: null, dutch: false }) },
    { weight: 1, arbitrary: fc.constant({ delimiter: ';', comma: true, nulls: '.', dutch: true }) },
);
const options = (d: Dialect) => [d.delimiter !== ',' && `delimiter "${d.delimiter}"`, d.comma && 'decimal comma',
    d.nulls && `nulls "${d.nulls}"`, d.dutch && 'dateformat "%d-%m-%Y"'].filter(Boolean).map((o) => `    ${o}\n`).join('');

type Cell = string | number | null;
type Kind = 'text' | 'date' | 'decimal' | 'integer';
function csv(d: Dialect, columns: [string, Kind][], rows: Cell[][]): string {
    const cell = (v: Cell, kind: Kind) => {
        if (v === null) return d.nulls ?? '';
        let s = String(v);
        if (kind === 'date' && d.dutch) s = `${s.slice(8, 10)}-${s.slice(5, 7)}-${s.slice(0, 4)}`;
        if (kind === 'decimal' && d.comma) s = s.replace('.', ',');
        return /[",;\n\r]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
    };
    return [columns.map(([n]) => n).join(d.delimiter), ...rows.map((r) => r.map((v, i) => cell(v, columns[i][1])).join(d.delimiter))].join('\n') + '\n';
}

const money = fc.integer({ min: -500, max: 5000 }).map((n) => n / 4);
const episode = fc.tuple(pick(...CLIENTS), pick(...ZORG.slice(0, 4)), date, opt(fc.integer({ min: 0, max: 400 }), 2), opt(pick(...WIJKEN)), opt(money), pick('voorlopig', 'definitief'))
    .map(([c, z, b, len, w, k, s]): Cell[] => [c, z, b, len === null ? null : iso(dayOf(b) + len), w, k, s]);
const event = fc.tuple(pick(...CLIENTS), date, opt(pick(...ZORG)), opt(money), opt(pick(...WIJKEN, ' W1 ')))
    .map((r): Cell[] => r);
const snapshot = fc.tuple(pick('2023-01-01', '2024-01-01', '2024-02-29', '2025-01-01'), pick(...WIJKEN), fc.integer({ min: 0, max: 400 }))
    .map((r): Cell[] => r);

const EP: [string, Kind][] = [['client_id', 'text'], ['zorg', 'text'], ['begindatum', 'date'], ['einddatum', 'date'], ['wijk', 'text'], ['kosten', 'decimal'], ['status', 'text']];
const EV: [string, Kind][] = [['id', 'text'], ['datum', 'date'], ['soort aanvraag (€)', 'text'], ['bedrag', 'decimal'], ['wijk', 'text']];
const SN: [string, Kind][] = [['peildatum', 'date'], ['wijk', 'text'], ['aantal', 'integer']];
const CODES: [string, Kind][] = [['code', 'text'], ['groep', 'text']];

const textValue = pick('"verblijf"', '"pleegzorg"', '"ambulant"', '"W1"', '"=HYPERLINK(\\"x\\")"', `"it's; DROP TABLE x; --"`, '""');
const dateValue = pick('2024-01-01', '2024-02-29', '2023-12-31', '2024-07-01');
const textCond = (col: string) => fc.oneof(
    textValue.map((t) => `${col} = ${t}`), textValue.map((t) => `${col} <> ${t}`),
    fc.array(textValue, { minLength: 1, maxLength: 3 }).map((ts) => `${col} ${ts.length > 1 ? 'not ' : ''}in (${ts.join(', ')})`),
    fc.boolean().map((n) => `${col} is ${n ? 'not ' : ''}missing`),
);
const numCond = (col: string) => fc.tuple(pick('<', '<=', '>', '>=', '=', '<>'), money.map(Math.abs)).map(([op, n]) => `${col} ${op} ${n}`);
const dateCond = (col: string) => fc.oneof(
    fc.tuple(pick('<', '>=', '='), dateValue).map(([op, d]) => `${col} ${op} ${d}`),
    dateValue.map((d) => `${col} between ${d} and ${d} + 6 months`),
    fc.integer({ min: 0, max: 400 }).map((n) => `${col} - ${n} days > begindatum`),
);
const combine = (leaf: fc.Arbitrary<string>) => fc.letrec<{ c: string }>((tie) => ({
    c: fc.oneof({ depthSize: 'small', maxDepth: 3 }, leaf, fc.tuple(tie('c'), pick('and', 'or'), tie('c')).map((p) => `(${p.join(' ')})`), tie('c').map((c) => `not ${c}`)),
})).c;
const epLeaf = fc.oneof(textCond('zorg'), textCond('wijk'), dateCond('einddatum'), numCond('kosten'), textCond('status'), textCond('soort'), numCond('dubbel'));
const epCondOf = (codes: boolean) => combine(codes ? fc.oneof({ weight: 5, arbitrary: epLeaf }, { weight: 1, arbitrary: textCond('zorg via codes.groep') }) : epLeaf);
const evCond = combine(fc.oneof(textCond('`soort aanvraag (€)`'), textCond('wijk'), numCond('bedrag'), dateCond('datum').filter((c) => !c.includes('begindatum'))));
const where = (c: fc.Arbitrary<string>) => fc.option(c.map((x) => ` where ${x}`), { nil: '' });

const epMeasureOf = (epCond: fc.Arbitrary<string>) => fc.oneof(
    fc.tuple(pick('count', 'count distinct client_id', 'sum kosten', 'avg kosten', 'min kosten', 'max kosten', 'median kosten', 'sum dubbel', 'count distinct soort'),
        pick('active at end', 'active during', 'started', 'ended'), where(epCond)).map(([a, t, w]) => `${a} from ep ${t}${w}`),
    fc.tuple(pick('avg duration', 'median duration'), where(epCond)).map(([a, w]) => `${a} from ep ended${w}`),
    fc.tuple(pick('transitions', 'transitions distinct client_id'), where(epCond), epCond, fc.integer({ min: 0, max: 120 }))
        .map(([a, w, to, n]) => `${a} from ep${w} to where ${to} within ${n} days`),
    fc.tuple(pick('active at end', 'active during'), fc.integer({ min: 1, max: 3 }), where(epCond))
        .map(([t, k, w]) => `count distinct client_id from ep ${t}${w} having distinct zorg >= ${k}`),
);
const evMeasure = fc.tuple(pick('count', 'count distinct id', 'sum bedrag', 'avg bedrag', 'median bedrag', 'max bedrag'), where(evCond))
    .map(([a, w]) => `${a} from ev${w}`);
const snMeasure = fc.tuple(pick('sum aantal', 'max aantal', 'avg aantal'), where(textCond('wijk'))).map(([a, w]) => `${a} from sn${w}`);

/** Which sources a case has. */
interface Sources { ep: boolean; ev: boolean; sn: boolean; codes: boolean }
const measureOf = (s: Sources) => fc.oneof(...[s.ep && epMeasureOf(epCondOf(s.codes)), s.ep && epMeasureOf(epCondOf(s.codes)), s.ev && evMeasure, s.sn && snMeasure]
    .filter((a): a is fc.Arbitrary<string> => a !== false));
const valueOf = (s: Sources, earlier: string[]) => {
    const m = measureOf(s);
    const forms: fc.Arbitrary<string>[] = [m, m, fc.tuple(m, pick('per 1000', 'per 100', 'percent of'), m).map((p) => p.join(' '))];
    if (earlier.length > 0) forms.push(fc.tuple(pick(...earlier), pick('+', '-', '*', '/'), fc.oneof(pick(...earlier), pick('2', '0.5'))).map((p) => p.join(' ')));
    return fc.oneof(...forms);
};
// wijk is bound on every source; zorg (and groep, through the lookup) only on the episodes; an
// expression has the breakdowns of the indicators it uses, so it gets none.
const dimensionsFor = (s: Sources, value: string) => !value.includes(' from ') ? [] : ['wijk', ...(/from (ev|sn)\b/.test(value) || !value.includes('from ep') ? [] : [...(s.codes ? ['groep'] : []), 'zorg'])];

const indicator = (s: Sources, name: string, earlier: string[], first: boolean) => valueOf(s, earlier).chain((value) => fc.record({
    value: fc.constant(value), grain: first ? fc.constant(null) : fc.option(pick('quarter', 'year'), { freq: 4 }), desired: first ? fc.constant('up') : pick('up', 'down'),
    by: fc.subarray(dimensionsFor(s, value), { maxLength: Math.min(2, dimensionsFor(s, value).length) }), decimals: fc.option(fc.integer({ min: 0, max: 3 }), { freq: 4 }),
})).map((i) => `indicator ${name} {\n    title "${name}"\n    value ${i.value}\n    desired ${i.desired}\n`
    + `${i.grain ? `    grain ${i.grain}\n` : ''}${i.by.length ? `    by ${i.by.join(', ')}\n` : ''}${i.decimals !== null ? `    decimals ${i.decimals}\n` : ''}}`);

/** Grain, range, and a baseline and a target period inside it. */
const HEADERS: [string, string, string, string][] = [['month', '2024-01 .. 2024-06', '2024-01', '2024-06'], ['month', '2023-11 .. 2024-03', '2023-12', '2024-03'],
    ['quarter', '2023-Q4 .. 2024-Q4', '2023-Q4', '2024-Q4'], ['half-year', '2023-H2 .. 2025-H1', '2023-H2', '2024-H2'], ['year', '2023 .. 2025', '2023', '2025']];
const PRIVACY = ['privacy none "fuzz"', 'privacy none "openbaar"', 'privacy { minimum 3 }', 'privacy { minimum 5  round 5 }', 'privacy { minimum 2  round 2 }', 'privacy { minimum 10 }'];
const headerText = ([grain, range]: [string, string, string, string], privacy: string) =>
    `monitor fuzz {\n    title "Fuzz"\n    grain ${grain}\n    range ${range}\n${privacy ? `    ${privacy}\n` : ''}}\n`;

const rows = <T>(row: fc.Arbitrary<T>) => fc.array(row, { minLength: 1, maxLength: 30 });

/** A consistent case: the sources it has, with data, and one to four indicators over them. */
export const dataCase: fc.Arbitrary<DataCase> = fc.record({ ep: fc.boolean(), ev: fc.boolean(), sn: fc.boolean(), codes: fc.boolean() })
    .map((s) => (s.ep || s.ev || s.sn ? s : { ...s, ep: true }))
    .chain((s) => fc.record({
        header: pick(...HEADERS), privacy: pick(...PRIVACY), dialect, count: fc.integer({ min: 1, max: 4 }),
        ep: rows(episode), ev: rows(event), sn: rows(snapshot),
        codes: fc.uniqueArray(fc.tuple(pick(...ZORG, ...WIJKEN), pick('zwaar', 'licht', '+licht', 'W1')), { selector: (c) => c[0], minLength: 1, maxLength: 5 }),
        mapWijk: fc.boolean(), knownChange: fc.boolean(), bindingWhere: fc.boolean(),
        coverage: fc.boolean(), names: fc.boolean(),
    }).chain((c) => {
        const names = ['a', 'b', 'c', 'd'].slice(0, c.count);
        return fc.tuple(
            fc.tuple(...names.map((n, i) => indicator(s, n, names.slice(0, i), i === 0))),
            // Indicator a is 'desired up' at the monitor's grain, so every target fits it.
            fc.option(pick(`target a { ${c.header[3]} >= 3 }`, `target a { baseline ${c.header[2]}  ${c.header[3]} 10%  tolerance 5% }`,
                `target a { baseline ${c.header[2]}  ${c.header[3]} up }`, `target a { ${c.header[3]} = 0  tolerance 1 }`)),
            fc.option(s.sn ? pick(`reference a "Wijk 1" from sn where wijk = "W1" value aantal`, `reference a "Peil 2024" from sn in 2024 value aantal`) : fc.constant('')),
            fc.option(pick(`note 2024-02-29 "Schrikkeldag" on a`, `note 2024-07-01 "=cmd|' /C calc'!A0"`)),
        ).map(([inds, target, reference, note]) => caseText(s, c, [...inds, target, reference, note,
            // A rate reference next to an indicator on the same scale.
            s.sn && /value [^\n]* per 1000 /.test(inds[0]) ? `reference a "Groep" from sn value sum aantal per 1000 sum aantal` : null]));
    }));

interface Parts { header: [string, string, string, string]; privacy: string; mapWijk: boolean; knownChange: boolean; bindingWhere: boolean; dialect: Dialect; ep: Cell[][]; ev: Cell[][]; sn: Cell[][]; codes: [string, string][]; coverage: boolean; names: boolean }
function caseText(s: Sources, c: Parts, rest: (string | null)[]): DataCase {
    const o = options(c.dialect);
    const files: Record<string, string> = {};
    const parts = [headerText(c.header, c.privacy)];
    if (s.ep) {
        files['data/ep.csv'] = csv(c.dialect, EP, c.ep);
        parts.push(`source ep from "data/ep.csv" {\n    episodes start begindatum end einddatum key client_id\n    status status\n${o}`
            + `${c.coverage ? '    coverage 2023-01-01 .. 2025-12-31\n' : ''}    columns {\n        client_id text  zorg text  begindatum date  einddatum date?  wijk text?  kosten decimal?  status text\n        dubbel decimal? = kosten * 2 / coalesce(kosten, 1)\n        soort text = trim(zorg)\n    }\n}\n`);
    }
    if (s.ev) {
        files['data/ev.csv'] = csv(c.dialect, EV, c.ev);
        parts.push(`source ev from "data/ev.csv" {\n    events on datum key id\n${o}    columns { id text  datum date  \`soort aanvraag (€)\` text?  bedrag decimal?  wijk text? }\n}\n`);
    }
    if (s.sn) {
        files['data/sn.csv'] = csv(c.dialect, SN, c.sn);
        parts.push(`source sn from "data/sn.csv" {\n    snapshot at peildatum valid 1 year\n${o}    columns { peildatum date  wijk text  aantal integer }\n}\n`);
    }
    if (s.codes) {
        files['data/codes.csv'] = csv(c.dialect, CODES, c.codes);
        parts.push(`source codes from "data/codes.csv" {\n    table key code\n${o}    columns { code text  groep text }\n}\n`);
    }
    // The episodes' binding may keep out rows of one status (they still count in the totals).
    const wijk = [s.ep && (c.bindingWhere ? 'ep.wijk where status = "definitief"' : 'ep.wijk'), s.ev && 'ev.wijk', s.sn && 'sn.wijk'].filter(Boolean).join('\n    ');
    parts.push(`dimension wijk {\n${s.codes && c.mapWijk ? '    map via codes from code to groep since 2024-01-01\n' : ''}`
        + `${c.knownChange ? '    known change 2024-04-01\n' : ''}    ${wijk}\n}\n`);
    if (s.ep) parts.push(`dimension zorg {\n    ep.zorg\n${s.codes && c.names ? '    names via codes.groep\n' : ''}}\n`);
    if (s.ep && s.codes) parts.push(`dimension groep { ep.zorg via codes.groep }\n`);
    return { text: [...parts, ...rest.filter(Boolean)].join('\n'), files };
}
