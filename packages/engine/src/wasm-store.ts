/**
 * The WebAssembly files of an installed VSIX (DuckDB's `duckdb-eh.wasm`, HiGHS's `highs.wasm`) ship
 * brotli-compressed as `media/<file>.br` beside a manifest `media/wasm.json` (each file's size and
 * SHA-256 after decompression): that keeps the VSIX well under its 10 MB budget. This module unpacks
 * them once into a cache folder (the extension's global storage, or the user's cache folder for a
 * server started without the extension), under `wasm/<key>/` where the key is a hash of the manifest,
 * so an update of the extension unpacks its own files beside and then instead of the old ones. Each
 * file is written to a temporary name and renamed, and checked against its size and hash before use
 * (once per process), so a partial or corrupt file is written again. Where `media/` holds the plain
 * `.wasm` (a development build of the preview) that file is used as it is. Node only.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

/** The manifest beside the compressed files. */
export const WASM_MANIFEST = 'wasm.json';

/** One entry of `wasm.json`: the file after decompression. */
export interface WasmManifestEntry { bytes: number; sha256: string }

/** The environment variable that names the cache folder (the extension sets it for its server). */
export const WASM_CACHE_ENV = 'MONITOR_WASM_CACHE';

/** Why a .wasm file could not be made ready; `reason` is the operating system's or the check's words. */
export class WasmStoreError extends Error {
    constructor(readonly file: string, readonly folder: string, readonly reason: string) {
        super(`Could not prepare ${file} in ${folder}: ${reason}. Free disk space or make that folder writable, then reload the window.`);
        this.name = 'WasmStoreError';
    }
}

/** The user's cache folder for a server started without the extension (`$XDG_CACHE_HOME`, `%LOCALAPPDATA%`, `~/Library/Caches`). */
export function defaultWasmCache(): string {
    const home = os.homedir();
    const base = process.platform === 'win32' ? (process.env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'))
        : process.platform === 'darwin' ? path.join(home, 'Library', 'Caches')
            : (process.env.XDG_CACHE_HOME || path.join(home, '.cache'));
    return path.join(base, 'monitor-as-code');
}

/** Files checked against the manifest in this process (path → true). */
const verified = new Set<string>();

type Plan = { kind: 'plain'; file: string } | { kind: 'packed'; source: string; target: string; entry: WasmManifestEntry };

function plan(media: string, file: string, cache: string): Plan {
    const plain = path.join(media, file);
    if (fs.existsSync(plain)) return { kind: 'plain', file: plain };
    let text: string;
    try { text = fs.readFileSync(path.join(media, WASM_MANIFEST), 'utf8'); } catch { throw new WasmStoreError(file, media, `neither ${file} nor ${WASM_MANIFEST} is there; reinstall the extension`); }
    const entry = (JSON.parse(text) as Record<string, WasmManifestEntry | undefined>)[file];
    if (!entry) throw new WasmStoreError(file, media, `${WASM_MANIFEST} does not list it; reinstall the extension`);
    const key = createHash('sha256').update(text).digest('hex').slice(0, 16);
    return { kind: 'packed', source: path.join(media, `${file}.br`), target: path.join(cache, 'wasm', key, file), entry };
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function matches(bytes: Uint8Array, entry: WasmManifestEntry): boolean {
    return bytes.length === entry.bytes && sha256(bytes) === entry.sha256;
}

function failed(file: string, folder: string, error: unknown): WasmStoreError {
    if (error instanceof WasmStoreError) return error;
    const e = error as NodeJS.ErrnoException;
    const reason = e?.code === 'ENOSPC' ? 'the disk is full' : e?.code === 'EROFS' ? 'the folder is read-only'
        : e?.code === 'EACCES' || e?.code === 'EPERM' ? 'permission denied' : String(e?.message ?? error);
    return new WasmStoreError(file, folder, reason);
}

const tempName = (target: string) => `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;

/**
 * The path of `file` ready to load: `media/<file>` itself, or its unpacked copy under `cache`
 * (default: `$MONITOR_WASM_CACHE`, else `defaultWasmCache()`). Blocks; for the server and its worker.
 */
export function unpackedWasmSync(media: string, file: string, cache = process.env[WASM_CACHE_ENV] || defaultWasmCache()): string {
    const p = plan(media, file, cache);
    if (p.kind === 'plain') return p.file;
    if (verified.has(p.target) && fs.statSync(p.target, { throwIfNoEntry: false })?.size === p.entry.bytes) return p.target;
    try {
        if (fs.statSync(p.target, { throwIfNoEntry: false })?.size === p.entry.bytes && matches(fs.readFileSync(p.target), p.entry)) {
            verified.add(p.target);
            return p.target;
        }
        const bytes = zlib.brotliDecompressSync(fs.readFileSync(p.source));
        if (!matches(bytes, p.entry)) throw new WasmStoreError(file, media, `${file}.br does not match ${WASM_MANIFEST}; reinstall the extension`);
        fs.mkdirSync(path.dirname(p.target), { recursive: true });
        const temp = tempName(p.target);
        try { fs.writeFileSync(temp, bytes); fs.renameSync(temp, p.target); } finally { fs.rmSync(temp, { force: true }); }
        verified.add(p.target);
        return p.target;
    } catch (error) {
        throw failed(file, path.dirname(p.target), error);
    }
}

const brotliDecompress = promisify(zlib.brotliDecompress);

/** As `unpackedWasmSync`, without blocking the event loop; for the extension host. */
export async function unpackedWasm(media: string, file: string, cache: string): Promise<string> {
    const p = plan(media, file, cache);
    if (p.kind === 'plain') return p.file;
    const size = async () => (await fs.promises.stat(p.target).catch(() => undefined))?.size;
    if (verified.has(p.target) && await size() === p.entry.bytes) return p.target;
    try {
        if (await size() === p.entry.bytes && matches(await fs.promises.readFile(p.target), p.entry)) {
            verified.add(p.target);
            return p.target;
        }
        const bytes = await brotliDecompress(await fs.promises.readFile(p.source));
        if (!matches(bytes, p.entry)) throw new WasmStoreError(file, media, `${file}.br does not match ${WASM_MANIFEST}; reinstall the extension`);
        await fs.promises.mkdir(path.dirname(p.target), { recursive: true });
        const temp = tempName(p.target);
        try { await fs.promises.writeFile(temp, bytes); await fs.promises.rename(temp, p.target); } finally { await fs.promises.rm(temp, { force: true }); }
        verified.add(p.target);
        return p.target;
    } catch (error) {
        throw failed(file, path.dirname(p.target), error);
    }
}

/**
 * Removes the unpacked files of other versions from `cache`/wasm, keeping the folder of `current` (a
 * path `unpackedWasm` returned); errors are ignored (another window may still be using its files).
 */
export async function pruneUnpackedWasm(current: string, cache: string): Promise<void> {
    const keep = path.basename(path.dirname(current));
    const root = path.join(cache, 'wasm');
    if (!current.startsWith(root + path.sep)) return;
    for (const name of await fs.promises.readdir(root).catch(() => [] as string[])) {
        if (name !== keep) await fs.promises.rm(path.join(root, name), { recursive: true, force: true }).catch(() => undefined);
    }
}
