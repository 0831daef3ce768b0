/**
 * A Vega view of a vega-lite spec that never evaluates generated code: expressions run through
 * `vega-interpreter`, so the preview works under a CSP without 'unsafe-eval'.
 */
import type { Renderers, View as VegaView } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';
import { compile, type TopLevelSpec } from 'vega-lite';
import { parse, View } from './vega-runtime.js';

/** Compiles a vega-lite spec to a Vega View; renderer 'none' for headless SVG, 'svg' in a page. */
export function chartView(spec: TopLevelSpec, renderer: Renderers | 'none' = 'none'): VegaView {
    const vega = compile(spec).spec;
    const runtime = parse(vega, undefined, { ast: true });
    return new View(runtime, { renderer, expr: expressionInterpreter, logLevel: 0 });
}
