/**
 * Where the preview webview loads DuckDB's and HiGHS's .wasm from. The VSIX ships them
 * brotli-compressed (`media/*.wasm.br`, to stay under 10 MB); the first activation of a version
 * unpacks them into the extension's global storage (packages/engine/src/wasm-store.ts: keyed by the
 * files' hash, written atomically, checked before use) and removes the files of older versions. The
 * language server gets the same folder (`MONITOR_WASM_CACHE`), so its worker finds them there too.
 */
import path from 'node:path';
import * as vscode from 'vscode';
import { pruneUnpackedWasm, unpackedWasm, WASM_CACHE_ENV, WasmStoreError } from '@monitor/engine/wasm-store';

const FILES = ['duckdb-eh.wasm', 'highs.wasm'] as const;

let folder: Promise<vscode.Uri> | undefined;

/** The cache folder of the unpacked files: the extension's global storage. */
function cacheFolder(context: vscode.ExtensionContext): string {
    return context.globalStorageUri.fsPath;
}

/** The environment variables the language server is started with, so it unpacks into the same folder. */
export function wasmServerEnv(context: vscode.ExtensionContext): Record<string, string> {
    return { [WASM_CACHE_ENV]: cacheFolder(context) };
}

/** The folder under which the webview may load the unpacked .wasm files (beside `media/`). */
export function wasmResourceRoot(context: vscode.ExtensionContext): vscode.Uri {
    return vscode.Uri.joinPath(context.globalStorageUri, 'wasm');
}

/**
 * The folder holding both .wasm files, unpacked on the first call of this process (later calls share
 * it). Rejects with a message in the UI language, once also shown as a notification.
 */
export function wasmFolder(context: vscode.ExtensionContext): Promise<vscode.Uri> {
    folder ??= (async () => {
        const media = context.asAbsolutePath('media');
        const cache = cacheFolder(context);
        try {
            const [first, ...rest] = await Promise.all(FILES.map(f => unpackedWasm(media, f, cache)));
            const dir = path.dirname(first);
            if (rest.some(f => path.dirname(f) !== dir)) throw new Error(`${FILES.join(' and ')} are not in one folder; reinstall the extension.`);
            void pruneUnpackedWasm(first, cache);
            return vscode.Uri.file(dir);
        } catch (error) {
            folder = undefined;
            const reason = error instanceof WasmStoreError ? error.message : String((error as Error)?.message ?? error);
            const text = vscode.l10n.t('The preview cannot start: its DuckDB and HiGHS WebAssembly files could not be unpacked into the extension\'s storage ({0}). Free disk space or make that folder writable, then reload the window. Details: {1}', cache, reason);
            void vscode.window.showErrorMessage(text);
            throw new Error(text);
        }
    })();
    return folder;
}
