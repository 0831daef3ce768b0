// Writes the extension's WebAssembly files brotli-compressed into media/ (`<file>.br`) with the
// manifest `media/wasm.json` (each file's size and SHA-256 after decompression), which
// packages/engine/src/wasm-store.ts reads to unpack them once on the user's machine. A VSIX zip only
// deflates: DuckDB's 34 MB .wasm is 7.7 MB deflated, 5.9 MB as brotli (quality 9, 16 MB window),
// which is what gives the VSIX its room under 10 MB. Compressing takes ~20 s of one core, so each
// result is kept in node_modules/.cache/monitor-wasm/ under the input's hash and reused.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const CACHE = path.join(ROOT, 'node_modules/.cache/monitor-wasm');
/** Quality 11 saves another 0.8 MB but takes 8× as long (~3 min for DuckDB): not worth every cold CI run. */
const QUALITY = 9;
const WINDOW = 24;

/** The brotli bytes of `bytes` (whose hash is `sha256`), from the cache or compressed now. */
function brotli(bytes, sha256) {
    const cached = path.join(CACHE, `${sha256}-q${QUALITY}w${WINDOW}.br`);
    if (fs.existsSync(cached)) return fs.readFileSync(cached);
    const packed = zlib.brotliCompressSync(bytes, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: QUALITY, [zlib.constants.BROTLI_PARAM_LGWIN]: WINDOW,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    } });
    fs.mkdirSync(CACHE, { recursive: true });
    // Concurrent builds (tests) may compress the same file: each writes its own name, then renames.
    const temp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(temp, packed);
    fs.renameSync(temp, cached);
    return packed;
}

/**
 * Writes `media/<name>.br` for each `{ name, file }` and `media/wasm.json`; removes a plain
 * `media/<name>` (the preview's build copies one). Returns the manifest.
 */
export function packWasm(files, media) {
    const manifest = {};
    for (const { name, file } of files) {
        const bytes = fs.readFileSync(file);
        const sha256 = createHash('sha256').update(bytes).digest('hex');
        fs.writeFileSync(path.join(media, `${name}.br`), brotli(bytes, sha256));
        fs.rmSync(path.join(media, name), { force: true });
        manifest[name] = { bytes: bytes.length, sha256 };
    }
    fs.writeFileSync(path.join(media, 'wasm.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    return manifest;
}
