/**
 * The address that opens a vega-lite spec in the online Vega editor: the spec goes, lz-string
 * compressed, into the URL's fragment (`#/url/vega-lite/…`), which the browser never sends to a server.
 * No `vscode` import, so it is tested directly.
 */
import { compressToEncodedURIComponent } from 'lz-string';

/** Where the Vega editor lives. */
export const VEGA_EDITOR = 'https://vega.github.io/editor/';

/** The editor URL for a vega-lite spec given as JSON text; undefined when the text is not a JSON object. */
export function vegaEditorUrl(specJson: string): string | undefined {
    let spec: unknown;
    try {
        spec = JSON.parse(specJson);
    } catch {
        return undefined;
    }
    if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) return undefined;
    // Re-serialised: what leaves VS Code is the parsed object, not the webview's text.
    return `${VEGA_EDITOR}#/url/vega-lite/${compressToEncodedURIComponent(JSON.stringify(spec))}`;
}
