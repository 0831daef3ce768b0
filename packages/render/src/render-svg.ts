/** `renderSvg`: a vega-lite spec → SVG text, in Node or a browser, without a DOM. */
import type { TopLevelSpec } from 'vega-lite';
import { chartView } from './chart-view.js';

/** Renders a vega-lite spec to SVG text. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
    const view = chartView(spec, 'none');
    try {
        return await view.toSVG();
    } finally {
        view.finalize();
    }
}
