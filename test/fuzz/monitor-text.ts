/**
 * A grammar-aware generator of `.monitor` text (fast-check): every construct of the grammar, over a
 * small pool of names so that most references resolve and lowering and planning get exercised,
 * plus mutations (cut, duplicate, insert a token, truncate) that make near-miss inputs.
 */
import fc from 'fast-check';

const COLUMNS = ['client_id', 'voorziening', 'begindatum', 'einddatum', 'wijk', 'status', 'aantal', 'peildatum', 'bedrag', 'x'];
const SOURCES = ['trajecten', 'jongeren', 'codes', 'nope'];
const INDICATORS = ['a', 'b', 'c', 'verblijf'];
const DIMENSIONS = ['wijk', 'leeftijd', 'nope'];
const TYPES = ['text', 'integer', 'decimal', 'date', 'boolean'];
const GRAINS = ['month', 'quarter', 'half-year', 'year'];

const pick = <T>(xs: T[]) => fc.constantFrom(...xs);
const str = fc.oneof(
    fc.constantFrom('"verblijf"', '"pleegzorg"', '""', '"data/x.csv"', '"a\\"b"', `"x'); DROP TABLE t; --"`, '"é ü ß"'),
    fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
);
const int = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.constantFrom(0, 1, 99999999999, 2147483648)).map(String);
const date = fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
const period = fc.oneof(
    fc.tuple(fc.integer({ min: 2015, max: 2030 }), fc.constantFrom('-Q1', '-Q4', '-H1', '-H2', '-01', '-12', '')).map(([y, s]) => `${y}${s}`),
);
const number = fc.oneof(int, fc.tuple(int, fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${b}`));
const columnRef = fc.oneof(
    { weight: 4, arbitrary: pick(COLUMNS) },
    { weight: 1, arbitrary: fc.tuple(pick(COLUMNS), pick(SOURCES), pick(COLUMNS)).map(([c, s, f]) => `${c} via ${s}.${f}`) },
);
const literal = fc.oneof(str, number, date, fc.constantFrom('true', 'false'));
const operand = fc.oneof(
    { weight: 3, arbitrary: fc.oneof(columnRef, literal) },
    { weight: 1, arbitrary: fc.tuple(fc.oneof(columnRef, date), fc.constantFrom('+', '-'), int, pick(['days', 'months', 'years'])).map((p) => p.join(' ')) },
);
const comparison = fc.oneof(
    fc.tuple(operand, pick(['=', '<>', '<', '<=', '>', '>=']), operand).map((p) => p.join(' ')),
    fc.tuple(operand, fc.boolean(), fc.array(literal, { minLength: 1, maxLength: 3 })).map(([o, n, v]) => `${o} ${n ? 'not ' : ''}in (${v.join(', ')})`),
    fc.tuple(operand, operand, operand).map(([o, l, h]) => `${o} between ${l} and ${h}`),
    fc.tuple(operand, fc.boolean()).map(([o, n]) => `${o} is ${n ? 'not ' : ''}missing`),
);
const { condition } = fc.letrec<{ condition: string }>((tie) => ({
    condition: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        comparison,
        fc.tuple(tie('condition'), pick(['and', 'or']), tie('condition')).map((p) => p.join(' ')),
        tie('condition').map((c) => `not ${c}`),
        tie('condition').map((c) => `(${c})`),
    ),
}));
const aggregation = fc.oneof(
    fc.constant('count'),
    columnRef.map((c) => `count distinct ${c}`),
    fc.tuple(pick(['sum', 'avg', 'min', 'max', 'median']), fc.oneof(columnRef, fc.constant('duration'))).map((p) => p.join(' ')),
    fc.constant('transitions'),
    columnRef.map((c) => `transitions distinct ${c}`),
);
const measure = fc.record({
    agg: aggregation, source: pick(SOURCES),
    time: fc.option(pick(['active at end', 'active during', 'started', 'ended'])),
    where: fc.option(condition), to: fc.option(fc.tuple(condition, int)), having: fc.option(fc.tuple(columnRef, int)),
}).map((m) => [m.agg, 'from', m.source, m.time, m.where && `where ${m.where}`, m.to && `to where ${m.to[0]} within ${m.to[1]} days`,
    m.having && `having distinct ${m.having[0]} >= ${m.having[1]}`].filter(Boolean).join(' '));
const { arith } = fc.letrec<{ arith: string }>((tie) => ({
    arith: fc.oneof({ depthSize: 'small' }, pick(INDICATORS), number,
        fc.tuple(tie('arith'), pick(['+', '-', '*', '/']), tie('arith')).map((p) => p.join(' ')), tie('arith').map((a) => `(${a})`)),
}));
const value = fc.oneof(
    measure,
    fc.tuple(measure, fc.oneof(int.map((n) => `per ${n}`), fc.constant('percent of')), measure).map((p) => p.join(' ')),
    arith,
);

const monitorDecl = fc.record({ name: pick(['jeugd', 'm']), grain: fc.option(pick(GRAINS)), range: fc.option(fc.tuple(period, period)),
    privacy: fc.option(fc.tuple(fc.option(int), fc.option(int))), title: fc.option(str) })
    .map((m) => `monitor ${m.name} {\n${[m.title && `title ${m.title}`, m.grain && `grain ${m.grain}`, m.range && `range ${m.range[0]} .. ${m.range[1]}`,
        m.privacy && `privacy { ${m.privacy[0] ? `minimum ${m.privacy[0]}` : ''} ${m.privacy[1] ? `round ${m.privacy[1]}` : ''} }`].filter(Boolean).join('\n')}\n}`);
const shape = fc.oneof(
    fc.tuple(pick(COLUMNS), fc.option(pick(COLUMNS))).map(([d, k]) => `events on ${d}${k ? ` key ${k}` : ''}`),
    fc.tuple(pick(COLUMNS), pick(COLUMNS), pick(COLUMNS)).map(([s, e, k]) => `episodes start ${s} end ${e} key ${k}`),
    fc.tuple(pick(COLUMNS), fc.option(fc.tuple(int, pick(['day', 'days', 'month', 'months', 'year', 'years'])))).map(([d, v]) => `snapshot at ${d}${v ? ` valid ${v[0]} ${v[1]}` : ''}`),
    fc.option(pick(COLUMNS)).map((k) => `table${k ? ` key ${k}` : ''}`),
);
const source = fc.record({
    name: pick(SOURCES), path: str, shape: fc.option(shape), status: fc.option(pick(COLUMNS)),
    options: fc.array(fc.oneof(fc.constantFrom('format csv', 'format parquet', 'header true', 'header false', 'decimal comma'),
        str.map((s) => `delimiter ${s}`), str.map((s) => `nulls ${s}`), str.map((s) => `dateformat ${s}`),
        fc.tuple(date, date).map(([a, b]) => `coverage ${a} .. ${b}`)), { maxLength: 3 }),
    columns: fc.uniqueArray(fc.tuple(pick(COLUMNS), pick(TYPES), fc.boolean()), { selector: (c) => c[0], maxLength: 8 }),
}).map((s) => `source ${s.name} from ${s.path} {\n${[s.shape, s.status && `status ${s.status}`, ...s.options,
    `columns {\n${s.columns.map(([n, t, o]) => `  ${n} ${t}${o ? '?' : ''}`).join('\n')}\n}`].filter(Boolean).join('\n')}\n}`);
const dimension = fc.tuple(pick(DIMENSIONS), fc.array(fc.tuple(pick(SOURCES), columnRef), { maxLength: 3 }))
    .map(([n, b]) => `dimension ${n} {\n${b.map(([s, c]) => `  ${s}.${c}`).join('\n')}\n}`);
const indicator = fc.record({ name: pick(INDICATORS), value: fc.option(value, { freq: 8 }), grain: fc.option(pick(GRAINS)),
    desired: fc.option(pick(['up', 'down'])), by: fc.option(fc.array(pick(DIMENSIONS), { minLength: 1, maxLength: 2 })), title: fc.option(str) })
    .map((i) => `indicator ${i.name} {\n${[i.title && `title ${i.title}`, i.value && `value ${i.value}`, i.grain && `grain ${i.grain}`,
        i.desired && `desired ${i.desired}`, i.by && `by ${i.by.join(', ')}`].filter(Boolean).join('\n')}\n}`);
const signed = fc.tuple(fc.boolean(), number).map(([neg, n]) => `${neg ? '-' : ''}${n}`);
const target = fc.tuple(pick(INDICATORS), fc.option(period), fc.array(fc.tuple(period, fc.oneof(
    fc.tuple(pick(['<=', '>=', '=']), signed).map((p) => p.join(' ')), signed.map((s) => `${s}%`), pick(['up', 'down']))), { maxLength: 2 }),
fc.option(fc.tuple(number, fc.boolean())))
    .map(([i, b, pts, tol]) => `target ${i} { ${b ? `baseline ${b}` : ''} ${pts.map((p) => p.join(' ')).join(' ')} ${tol ? `tolerance ${tol[0]}${tol[1] ? '%' : ''}` : ''} }`);
const reference = fc.tuple(pick(INDICATORS), str, pick(SOURCES), fc.option(condition), columnRef)
    .map(([i, s, src, w, v]) => `reference ${i} ${s} from ${src}${w ? ` where ${w}` : ''} value ${v}`);
const note = fc.tuple(date, str, fc.option(pick(INDICATORS))).map(([d, t, i]) => `note ${d} ${t}${i ? ` on ${i}` : ''}`);

/** A whole file: an optional import, a header, then elements in any order. */
export const monitorFile: fc.Arbitrary<string> = fc.tuple(
    fc.option(str.map((s) => `import ${s}`), { freq: 6 }), fc.option(monitorDecl, { freq: 6 }),
    fc.array(fc.oneof(source, source, dimension, indicator, indicator, target, reference, note), { maxLength: 8 }),
).map(([imp, mon, elements]) => [imp, mon, ...elements].filter(Boolean).join('\n\n'));

const TOKENS = ['{', '}', '(', ')', '"', '..', '.', ',', 'where', 'from', 'value', 'indicator', 'source', '%', '-', '?', '\u0000', '/*', '//', '\n', 'é', '\uD800'];

/** Mutations of generated files: cut a slice, duplicate one, insert a token, truncate. */
export const mutated = (base: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(base, fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.integer({ min: 0, max: 3 }), pick(TOKENS)), { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => edits.reduce((t, [at, len, kind, token]) => {
        const i = t.length === 0 ? 0 : at % t.length;
        switch (kind) {
            case 0: return t.slice(0, i) + t.slice(i + len);
            case 1: return t.slice(0, i) + t.slice(i, i + len) + t.slice(i);
            case 2: return t.slice(0, i) + token + t.slice(i);
            default: return t.slice(0, i);
        }
    }, text));
