/**
 * The part of Vega the trend charts use: the parser, the view, and the transforms vega-lite's line,
 * point, rule and area charts compile to (data, view and encoding transforms). `vega` itself also
 * registers geographic, force, hierarchy, label, regression, Voronoi, word-cloud and crossfilter
 * transforms, which no chart here draws; left out, the preview (and so the VSIX) is about 120 kB
 * smaller. A spec that needed one would fail in test/render-examples.test.ts and the preview tests.
 */
import { extend } from 'vega-util';
import { transforms } from 'vega-dataflow';
import * as data from 'vega-transforms';
import * as view from 'vega-view-transforms';
import * as encode from 'vega-encode';

extend(transforms, data, view, encode);

export { parse } from 'vega-parser';
export { View } from 'vega-view';
