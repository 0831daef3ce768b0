/**
 * A generator of mostly valid `.monitor` files: a fixed, consistent set of sources (one of each
 * shape) and a dimension, with generated indicators, conditions, targets, references and notes
 * that use the right columns with fitting literals — so that most cases reach lowering and planning.
 */
import fc from 'fast-check';

const PRELUDE = (grain: string, from: string, to: string, privacy: string) => `monitor jeugd {
    title "Fuzz"
    grain ${grain}
    range ${from} .. ${to}
    ${privacy}
}
source trajecten from "data/trajecten.csv" {
    episodes start begindatum end einddatum key client_id
    status status
    coverage 2018-01-01 .. 2025-06-30
    columns { client_id text  voorziening text  begindatum date  einddatum date?  wijk text  status text  kosten decimal? }
}
source aanvragen from "data/aanvragen.csv" {
    events on datum key client_id
    columns { client_id text  datum date  soort text?  bedrag decimal?  wijk text? }
}
source jongeren from "data/jongeren.csv" {
    snapshot at peildatum valid 1 year
    columns { peildatum date  wijk text  aantal integer }
}
source codes from "data/codes.csv" {
    table key code
    columns { code text  groep text }
}
dimension wijk { trajecten.wijk  aanvragen.wijk  jongeren.wijk }
`;

const text = fc.constantFrom('"verblijf"', '"pleegzorg"', '"ambulant"', `"it's; DROP TABLE x; --"`, '""');
const date = fc.constantFrom('2020-01-01', '2024-02-29', '2019-12-31');
const textCond = (col: string) => fc.oneof(
    text.map((t) => `${col} = ${t}`), text.map((t) => `${col} <> ${t}`),
    fc.array(text, { minLength: 1, maxLength: 3 }).map((ts) => `${col} in (${ts.join(', ')})`),
    fc.boolean().map((n) => `${col} is ${n ? 'not ' : ''}missing`),
);
const epCond = fc.oneof(
    textCond('voorziening'), textCond('wijk'), textCond('voorziening via codes.groep'),
    date.map((d) => `begindatum >= ${d}`), date.map((d) => `einddatum between ${d} and ${d} + 1 years`),
    fc.integer({ min: 0, max: 500 }).map((n) => `einddatum - ${n} days > begindatum`),
    fc.double({ min: 0, max: 1000, noNaN: true }).map((n) => `kosten < ${n.toFixed(2)}`),
);
const combine = (leaf: fc.Arbitrary<string>) => fc.letrec<{ c: string }>((tie) => ({
    c: fc.oneof({ depthSize: 'small' }, leaf, fc.tuple(tie('c'), fc.constantFrom('and', 'or'), tie('c')).map((p) => `(${p.join(' ')})`), tie('c').map((c) => `not ${c}`)),
})).c;
const episodeMeasure = fc.tuple(
    fc.constantFrom('count', 'count distinct client_id', 'sum kosten', 'avg duration', 'median duration', 'max kosten', 'transitions'),
    fc.constantFrom('active at end', 'active during', 'started', 'ended'),
    fc.option(combine(epCond)), fc.option(fc.tuple(combine(epCond), fc.integer({ min: 0, max: 365 }))), fc.option(fc.integer({ min: 1, max: 3 })),
).map(([agg, time, where, to, having]) => {
    const transition = agg === 'transitions';
    return [agg, 'from trajecten', transition || agg.includes('duration') ? 'ended' : time, where && `where ${where}`,
        transition && to ? `to where ${to[0]} within ${to[1]} days` : transition ? 'to where voorziening = "ambulant" within 90 days' : '',
        !transition && having && agg.startsWith('count distinct') && time.startsWith('active') ? `having distinct voorziening >= ${having}` : ''].filter(Boolean).join(' ');
});
const eventMeasure = fc.tuple(fc.constantFrom('count', 'count distinct client_id', 'sum bedrag', 'min bedrag'), fc.option(combine(textCond('soort'))))
    .map(([agg, where]) => `${agg} from aanvragen${where ? ` where ${where}` : ''}`);
const snapMeasure = fc.constantFrom('sum aantal from jongeren', 'max aantal from jongeren where wijk = "WK001"');
const measure = fc.oneof(episodeMeasure, episodeMeasure, eventMeasure, snapMeasure);
const value = fc.oneof(
    measure,
    fc.tuple(measure, fc.constantFrom('per 1000', 'per 100', 'percent of'), measure).map((p) => p.join(' ')),
);
const indicator = (name: string, others: string[]) => fc.record({
    value: others.length > 0 ? fc.oneof({ weight: 4, arbitrary: value }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...others), fc.constantFrom('+', '-', '*', '/'), fc.oneof(fc.constantFrom(...others), fc.constant('2'))).map((p) => p.join(' ')) }) : value,
    grain: fc.option(fc.constantFrom('month', 'quarter', 'half-year', 'year')), by: fc.boolean(), desired: fc.constantFrom('up', 'down'),
}).map((i) => `indicator ${name} {\n    title "${name}"\n    value ${i.value}\n    desired ${i.desired}\n${i.grain ? `    grain ${i.grain}\n` : ''}${i.by ? '    by wijk\n' : ''}}`);
const target = (name: string) => fc.oneof(
    // 2024 lies in every range the generator picks and is as coarse as every grain.
    fc.constant(`target ${name} { 2024 = 60 }`),
    fc.constant(`target ${name} { 2024 = 5  tolerance 5% }`),
);

/** A consistent file: the prelude and one to four indicators, with targets, a reference and notes. */
export const coherentFile: fc.Arbitrary<string> = fc.tuple(
    fc.constantFrom('month', 'quarter', 'half-year', 'year'),
    fc.constantFrom(['2019-Q1', '2026-Q4'], ['2019', '2025'], ['2024-01', '2024-12'], ['2020-H1', '2024-H2']),
    fc.constantFrom('privacy { minimum 10  round 5 }', 'privacy none "openbaar"', 'privacy { minimum 3 }'),
    fc.integer({ min: 1, max: 4 }),
).chain(([grain, [from, to], privacy, count]) => {
    const names = ['a', 'b', 'c', 'd'].slice(0, count);
    return fc.tuple(
        fc.tuple(...names.map((n, i) => indicator(n, names.slice(0, i)))),
        fc.option(target(names[0])),
        fc.option(fc.constant(`reference ${names[0]} "Nederland" from jongeren where wijk = "NL" value aantal`)),
        fc.option(fc.constant(`note 2023-07-01 "Nieuw beleid" on ${names[0]}`)),
    ).map(([inds, tgt, ref, note]) => [PRELUDE(grain, from, to, privacy), ...inds, tgt, ref, note].filter(Boolean).join('\n\n'));
});
