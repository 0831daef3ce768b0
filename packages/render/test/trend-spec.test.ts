import { describe, expect, test } from 'vitest';
import { renderSvg, trendData, trendSpec } from '@monitor/render';
import { indicator, notes, rows } from './fixtures.js';

type Layer = { name: string; mark: { type: string } };
type View = { layer?: Layer[]; spec?: { layer: Layer[] }; vconcat?: View[] };
/** The plot's layers (the first view of the plot-and-key column, or the spec itself). */
const layersOf = (spec: object): Layer[] => {
    const plot = (spec as View).vconcat?.[0] ?? (spec as View);
    return plot.layer ?? plot.spec!.layer;
};

/** The `d` attributes of the paths inside the group of a named mark in rendered SVG. */
function pathsOf(svg: string, mark: string): string[] {
    const start = svg.indexOf(`${mark}_marks`);
    if (start < 0) return [];
    const group = svg.slice(start, svg.indexOf('</g>', start));
    return [...group.matchAll(/\sd="([^"]*)"/g)].map(m => m[1]);
}

describe('trendSpec', () => {
    test('the chart has actual line and points, target line, tolerance band, notes, references, hidden and provisional marks', () => {
        const layers = layersOf(trendSpec(indicator, rows, { notes }));
        expect(layers.map(l => `${l.name}:${l.mark.type}`)).toEqual([
            'provisional_bands:rect', 'tolerance_band:area', 'target_line:line', 'reference_lines:line',
            'reference_points:point', 'reference_labels:text', 'actual_line:line', 'actual_points:point', 'suppressed_markers:point', 'note_rules:rule', 'note_labels:text', 'note_labels_end:text',
        ]);
    });

    test('a suppressed point gets a "hidden" tooltip, never "< N" (it may be hidden to protect another cell)', () => {
        const hidden = trendData(indicator, rows, {}).filter(d => d.kind === 'suppressed');
        expect(hidden.map(d => d.period)).toEqual(['2022-Q3']);
        expect(hidden[0].tip).toBe('2022-Q3: hidden');
        expect(hidden[0].tip).not.toContain('<');
        expect(hidden[0].value).toBeNull();
    });

    test('a suppressed point breaks the actual line into two pieces', async () => {
        const svg = await renderSvg(trendSpec(indicator, rows, { notes }));
        const [line] = pathsOf(svg, 'actual_line');
        expect(line).toBeDefined();
        // Two sub-paths: 2022-Q1..Q2, then 2022-Q4..2023-Q1.
        expect(line.match(/M/g)?.length).toBe(2);
    });

    test('points are drawn only for shown values, coloured by status', async () => {
        const svg = await renderSvg(trendSpec(indicator, rows, {}));
        expect(pathsOf(svg, 'actual_points')).toHaveLength(4);
        expect(svg).toContain('#c62828');
        expect(svg).toContain('#2e7d32');
    });

    test('the note is drawn as a rule with its text as label', async () => {
        const svg = await renderSvg(trendSpec(indicator, rows, { notes }));
        expect(pathsOf(svg, 'note_rules').length + (svg.match(/note_rules_marks[^>]*>\s*<line/g)?.length ?? 0)).toBeGreaterThan(0);
        expect(svg).toContain('Nieuw inkoopbeleid');
    });

    test('a breakdown gives one small multiple per cell and leaves out the total', () => {
        const data = trendData(indicator, rows, { breakdown: 'wijk' });
        expect([...new Set(data.map(d => d.group))].sort()).toEqual(['Noord', 'Zuid']);
        const spec = trendSpec(indicator, rows, { breakdown: 'wijk' }) as { vconcat: { facet?: { field: string } }[] };
        expect(spec.vconcat[0].facet?.field).toBe('group');
    });

    test('reference series are kept apart from the actual series', () => {
        const data = trendData(indicator, rows, {});
        expect(data.filter(d => d.kind === 'reference').map(d => d.series)).toEqual(['Nederland', 'Nederland']);
    });

    test('Dutch labels in tooltips', () => {
        const data = trendData(indicator, rows, { lang: 'nl' });
        expect(data.find(d => d.kind === 'suppressed')?.tip).toContain('verborgen');
        expect(data.find(d => d.period === '2022-Q1' && d.kind === 'actual' && d.group === '')?.tip).toContain('uit koers');
    });

    test('a one-period reference is drawn as a labelled diamond that names its period', async () => {
        const one = [...rows.filter(r => r.series === 'actual'), { ...rows[0], series: 'Gemeenten 150.000–250.000', period: '2022-Q4', value: 6.5, target: null, status: 'no-target' as const }];
        const data = trendData(indicator, one, {}).filter(d => d.kind === 'reference');
        expect(data.map(d => [d.isolated, d.text])).toEqual([[true, 'Gemeenten 150.000–250.000 (2022-Q4)']]);
        const svg = await renderSvg(trendSpec(indicator, one, {}));
        // The line layer draws nothing for one point; the diamond and its label do.
        expect(pathsOf(svg, 'reference_points')).toHaveLength(1);
        expect(svg).toContain('Gemeenten 150.000–250.000 (2022-Q4)');
    });

    test('an isolated value of a reference series with gaps gets a marker; values the line joins do not', () => {
        const gappy = [...rows.filter(r => r.series === 'actual'), ...[['2022-Q1', 7], ['2022-Q2', null], ['2022-Q3', 6], ['2022-Q4', 5]].map(([period, value]) =>
            ({ ...rows[0], series: 'Nederland', period: period as string, value: value as number | null, target: null, status: 'no-target' as const }))];
        const data = trendData(indicator, gappy, {}).filter(d => d.kind === 'reference');
        expect(data.map(d => [d.period, d.isolated])).toEqual([['2022-Q1', true], ['2022-Q2', false], ['2022-Q3', false], ['2022-Q4', false]]);
    });

    test('tooltips show a value with the indicator\'s decimals, without float noise', () => {
        const noisy = [{ ...rows[0], value: 1.1 + 7.8 }];
        expect(trendData({ ...indicator, decimals: 1 }, noisy, {}).find(d => d.kind === 'actual')?.tip).toMatch(/^2022-Q1: 8\.9 ·/);
        expect(trendData({ ...indicator, decimals: 2 }, noisy, { lang: 'nl' }).find(d => d.kind === 'actual')?.tip).toMatch(/^2022-Q1: 8,90 ·/);
    });
});
