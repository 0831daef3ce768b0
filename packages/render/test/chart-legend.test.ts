import { describe, expect, test } from 'vitest';
import { LIGHT_THEME, legendEntries, renderSvg, trendData, trendSpec, yStartsAtZero } from '@monitor/render';
import { indicator, notes, rows } from './fixtures.js';

const keysOf = (options: Parameters<typeof trendData>[2], data = rows) =>
    legendEntries(indicator, trendData(indicator, data, options), LIGHT_THEME, options?.lang ?? 'en').map(e => e.key);

describe('the key under a trend chart', () => {
    test('names every layer the chart draws: value line, each status drawn, trajectory, band, provisional, hidden, reference, notes', () => {
        expect(keysOf({ notes })).toEqual([
            'value', 'status:on-track', 'status:off-track', 'target', 'band', 'provisional', 'hidden', 'reference:Nederland', 'note',
        ]);
    });

    test('and nothing the chart does not draw: no hidden, provisional, reference or note entry without them', () => {
        const plain = rows.filter(r => r.series === 'actual' && !r.suppressed && !r.provisional && Object.keys(r.dimensions).length === 0);
        expect(keysOf({}, plain)).toEqual(['value', 'status:on-track', 'status:off-track', 'target', 'band']);
        const noTarget = plain.map(r => ({ ...r, target: null, status: 'no-target' as const }));
        expect(keysOf({}, noTarget)).toEqual(['value', 'status:no-target']);
    });

    test('the hidden entry says hidden, never "< N" (a cell hidden to protect another can hold more); the band its width, in Dutch too', () => {
        const entries = legendEntries(indicator, trendData(indicator, rows, { lang: 'nl' }), LIGHT_THEME, 'nl');
        expect(entries.find(e => e.key === 'hidden')?.label).toBe('verborgen');
        expect(entries.find(e => e.key === 'band')?.label).toBe('marge ±5%');
        expect(entries.find(e => e.key === 'target')?.label).toBe('doelpad');
        expect(entries.find(e => e.key === 'value')?.label).toBe('waarde (per 1.000 jongeren)');
    });

    test('the rendered chart carries the key, wrapped to the chart width, and a breakdown chart has one key for all cells', async () => {
        const svg = await renderSvg(trendSpec(indicator, rows, { notes, width: 300 }));
        for (const label of ['value (per 1.000 jongeren)', 'target trajectory', 'tolerance ±5%', 'provisional', '>hidden<', 'Nederland', 'note']) expect(svg).toContain(label);
        expect(svg).not.toContain('&lt; 10');
        const facets = await renderSvg(trendSpec(indicator, rows, { breakdown: 'wijk', width: 180 }));
        expect(facets.match(/>target trajectory</g)).toHaveLength(1);
    });

    test('legend: false leaves the key out', () => {
        expect((trendSpec(indicator, rows, { legend: false }) as { vconcat?: unknown }).vconcat).toBeUndefined();
    });
});

describe('the y-axis', () => {
    test('starts at 0 when 0 costs at most half the plot, else zooms in and says so in its title', () => {
        const at = (values: number[]) => rows.slice(0, values.length).map((r, i) => ({ ...r, value: values[i], target: null }));
        expect(yStartsAtZero(trendData(indicator, at([4, 8]), {}))).toBe(true);
        expect(yStartsAtZero(trendData(indicator, at([60, 70]), {}))).toBe(false);
        expect(yStartsAtZero(trendData(indicator, at([-5, 5]), {}))).toBe(true);
        const zoomed = trendSpec({ ...indicator, target: null }, at([60, 70]), { lang: 'nl' }) as { vconcat: { layer: { encoding: { y?: { title: string; scale: { zero: boolean } } } }[] }[] };
        const y = zoomed.vconcat[0].layer.find(l => l.encoding.y?.title)?.encoding.y;
        expect(y).toMatchObject({ title: 'per 1.000 jongeren · as begint niet bij 0', scale: { zero: false } });
    });
});

describe('note labels', () => {
    test('a note in the right half of the time axis runs leftwards, so its label stays inside the plot; the tooltip has the full text', () => {
        const late = [...notes, { ...notes[0], date: '2023-02-01', text: 'Een heel lange notitie die nooit in de grafiek past, hoe breed die ook is' }];
        const data = trendData(indicator, rows, { notes: late }).filter(d => d.kind === 'note');
        expect(data.map(d => d.side)).toEqual(['start', 'end']);
        expect(data[1].tip).toContain('hoe breed die ook is');
    });
});

describe('the heading of an exported chart', () => {
    test('title, unit and the periods with values, and the source line with the data files', async () => {
        const { chartHeading } = await import('@monitor/render');
        const program = {
            monitor: { name: 'jeugd', title: 'Jeugdmonitor', owner: null, description: null, grain: 'quarter', range: { from: '2022-Q1', to: '2026-Q4' }, privacy: null, span: indicator.span },
            sources: [{ name: 's', path: 'data/trajecten.csv' }, { name: 'other', path: 'data/niet.csv' }], dimensions: [], indicators: [indicator], notes: [],
        } as unknown as Parameters<typeof chartHeading>[0];
        const future = [...rows, { ...rows[0], period: '2026-Q4', value: null, suppressed: false }];
        const heading = chartHeading(program, indicator, future, 'nl', 'wijk');
        expect(heading).toEqual({ title: 'Jeugdigen met verblijf — per wijk', subtitle: ['per 1.000 jongeren · 2022-Q1 – 2023-Q1', 'Bron: data/trajecten.csv · monitor Jeugdmonitor'] });
        const svg = await renderSvg(trendSpec(indicator, rows, { heading }));
        for (const text of heading.subtitle) expect(svg).toContain(text.replace(/</g, '&lt;'));
    });

    test('an absolute tolerance of a % indicator reads in percentage points', () => {
        const share = { ...indicator, unit: '%', target: { ...indicator.target!, tolerance: { value: 3, relative: false } } };
        const entries = legendEntries(share, trendData(share, rows, {}), LIGHT_THEME, 'nl');
        expect(entries.find(e => e.key === 'band')?.label).toBe('marge ±3 procentpunt');
    });
});
