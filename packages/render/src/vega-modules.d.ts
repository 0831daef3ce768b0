/**
 * Types for the Vega modules vega-runtime.ts imports directly; they ship no declarations of their own
 * (the `vega` package's typings describe the same functions).
 */
declare module 'vega-util' {
    export function extend(target: object, ...sources: object[]): object;
}
declare module 'vega-dataflow' {
    export const transforms: Record<string, unknown>;
}
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
declare module 'vega-parser' {
    export { parse } from 'vega';
}
declare module 'vega-view' {
    export { View } from 'vega';
}
