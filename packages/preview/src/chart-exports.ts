/**
 * Exports of one chart: PNG, SVG, vega-lite JSON (with the data inline), CSV of the rows, and the
 * vega-lite JSON for the online Vega editor (the host opens it there).
 */
import { rowsToCsv, type IndicatorIR, type LabelLang, type ResultRow } from '@monitor/ir';
import type { ExportFormat } from '@monitor/protocol';
import { chartView, LIGHT_THEME, type ChartSpec, type ChartTheme } from '@monitor/render';

/** Makes the content of an export; PNG as base64. Exports use the printable light theme on white. */
export async function exportContent(format: ExportFormat, specFor: (theme: ChartTheme) => ChartSpec, rows: ResultRow[], lang: LabelLang = 'en', indicators: IndicatorIR[] = []): Promise<string> {
    if (format === 'csv') return rowsToCsv(rows, { lang, indicators });
    const spec = specFor(LIGHT_THEME);
    const printable = { ...spec, config: { ...(spec as { config?: object }).config, background: 'white' } } as ChartSpec;
    if (format === 'vl.json') return JSON.stringify(printable, null, 2) + '\n';
    if (format === 'vega-editor') return JSON.stringify(printable);
    const view = chartView(printable, 'none');
    try {
        if (format === 'svg') return await view.toSVG();
        const url = await view.toImageURL('png', 2);
        return url.slice(url.indexOf(',') + 1);
    } finally {
        view.finalize();
    }
}
