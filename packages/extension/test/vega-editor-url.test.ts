import { decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, test } from 'vitest';
import { VEGA_EDITOR, vegaEditorUrl } from '../src/preview/vega-editor-url.js';

describe('the Vega editor address of a chart', () => {
    test('carries the spec compressed in the fragment, where the editor reads it back', () => {
        const spec = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', data: { values: [{ period: '2024-Q1', value: 12.5 }] }, mark: 'line' };
        const url = vegaEditorUrl(JSON.stringify(spec, null, 2));
        expect(url?.startsWith(`${VEGA_EDITOR}#/url/vega-lite/`)).toBe(true);
        const compressed = url!.slice(`${VEGA_EDITOR}#/url/vega-lite/`.length);
        expect(compressed).toMatch(/^[A-Za-z0-9+$-]+$/);
        expect(JSON.parse(decompressFromEncodedURIComponent(compressed)!)).toEqual(spec);
    });

    test('refuses text that is not a JSON object', () => {
        expect(vegaEditorUrl('not json')).toBeUndefined();
        expect(vegaEditorUrl('[1, 2]')).toBeUndefined();
        expect(vegaEditorUrl('null')).toBeUndefined();
    });
});
