/**
 * The unpacking of the VSIX's brotli-compressed .wasm files (wasm-store.ts) on real files: a media
 * folder with `<file>.br` and `wasm.json` as packages/extension/scripts/pack-wasm.mjs writes them.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { pruneUnpackedWasm, unpackedWasm, unpackedWasmSync, WasmStoreError } from '../src/wasm-store.js';

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'monitor-wasm-store-'));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));
let n = 0;
const folder = (name: string) => { const dir = path.join(scratch, `${name}-${n++}`); fs.mkdirSync(dir, { recursive: true }); return dir; };

/** A media folder holding `files` compressed, with their manifest; returns it and the plain bytes. */
function media(files: Record<string, Buffer>): string {
    const dir = folder('media');
    const manifest: Record<string, { bytes: number; sha256: string }> = {};
    for (const [name, bytes] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, `${name}.br`), zlib.brotliCompressSync(bytes));
        manifest[name] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    }
    fs.writeFileSync(path.join(dir, 'wasm.json'), JSON.stringify(manifest));
    return dir;
}

// Half random, half repetitive: it compresses, and a flipped byte changes the hash.
const DUCK = Buffer.concat([randomBytes(50_000), Buffer.alloc(50_000, 7)]);
const HIGHS = Buffer.concat([randomBytes(20_000), Buffer.alloc(20_000, 3)]);

describe('unpacking the compressed .wasm files', () => {
    test('unpacks into <cache>/wasm/<key>/, the same bytes, both files in one folder', async () => {
        const m = media({ 'duckdb-eh.wasm': DUCK, 'highs.wasm': HIGHS });
        const cache = folder('cache');
        const duck = unpackedWasmSync(m, 'duckdb-eh.wasm', cache);
        const highs = await unpackedWasm(m, 'highs.wasm', cache);
        expect(path.dirname(duck)).toBe(path.dirname(highs));
        expect(path.dirname(path.dirname(duck))).toBe(path.join(cache, 'wasm'));
        expect(fs.readFileSync(duck).equals(DUCK)).toBe(true);
        expect(fs.readFileSync(highs).equals(HIGHS)).toBe(true);
        // No temporary file is left behind.
        expect(fs.readdirSync(path.dirname(duck)).sort()).toEqual(['duckdb-eh.wasm', 'highs.wasm']);
    });

    test('a plain .wasm in media/ (a development build) is used where it is', async () => {
        const m = folder('media');
        fs.writeFileSync(path.join(m, 'highs.wasm'), HIGHS);
        expect(unpackedWasmSync(m, 'highs.wasm', folder('cache'))).toBe(path.join(m, 'highs.wasm'));
        expect(await unpackedWasm(m, 'highs.wasm', folder('cache'))).toBe(path.join(m, 'highs.wasm'));
    });

    test('a partial or corrupt unpacked file is detected and written again', async () => {
        const m = media({ 'duckdb-eh.wasm': DUCK, 'highs.wasm': HIGHS });
        const target = path.relative(folder('probe'), unpackedWasmSync(m, 'duckdb-eh.wasm', folder('first')));
        const key = path.basename(path.dirname(target));
        // A fresh cache per case: the check runs once per file and process.
        const truncated = folder('cache');
        fs.mkdirSync(path.join(truncated, 'wasm', key), { recursive: true });
        fs.writeFileSync(path.join(truncated, 'wasm', key, 'duckdb-eh.wasm'), DUCK.subarray(0, 1000));
        expect(fs.readFileSync(unpackedWasmSync(m, 'duckdb-eh.wasm', truncated)).equals(DUCK)).toBe(true);
        const flipped = folder('cache');
        const bad = Buffer.from(DUCK);
        bad[10] ^= 0xff;
        fs.mkdirSync(path.join(flipped, 'wasm', key), { recursive: true });
        fs.writeFileSync(path.join(flipped, 'wasm', key, 'duckdb-eh.wasm'), bad);
        expect(fs.readFileSync(await unpackedWasm(m, 'duckdb-eh.wasm', flipped)).equals(DUCK)).toBe(true);
    });

    test('a new version unpacks beside the old one, and pruning removes the old', async () => {
        const cache = folder('cache');
        const old = unpackedWasmSync(media({ 'highs.wasm': HIGHS }), 'highs.wasm', cache);
        const next = await unpackedWasm(media({ 'highs.wasm': DUCK }), 'highs.wasm', cache);
        expect(path.dirname(next)).not.toBe(path.dirname(old));
        expect(fs.readFileSync(next).equals(DUCK)).toBe(true);
        await pruneUnpackedWasm(next, cache);
        expect(fs.readdirSync(path.join(cache, 'wasm'))).toEqual([path.basename(path.dirname(next))]);
    });

    test('an unwritable cache folder is a WasmStoreError that names the file and the folder', async () => {
        const m = media({ 'highs.wasm': HIGHS });
        // A file where the folder should be: no user, not even root, can create folders under it.
        const blocked = path.join(folder('blocked'), 'file');
        fs.writeFileSync(blocked, 'x');
        expect(() => unpackedWasmSync(m, 'highs.wasm', blocked)).toThrow(WasmStoreError);
        const error = await unpackedWasm(m, 'highs.wasm', blocked).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WasmStoreError);
        expect((error as WasmStoreError).message).toMatch(/Could not prepare highs\.wasm in .*blocked.*make that folder writable/);
    });

    test('a compressed file that does not match its manifest, or a missing manifest, is refused', async () => {
        const m = media({ 'highs.wasm': HIGHS });
        fs.writeFileSync(path.join(m, 'highs.wasm.br'), zlib.brotliCompressSync(DUCK));
        expect(() => unpackedWasmSync(m, 'highs.wasm', folder('cache'))).toThrow(/does not match wasm\.json; reinstall/);
        expect(() => unpackedWasmSync(folder('empty'), 'highs.wasm', folder('cache'))).toThrow(/neither highs\.wasm nor wasm\.json/);
        await expect(unpackedWasm(m, 'duckdb-eh.wasm', folder('cache'))).rejects.toThrow(/does not list it/);
    });
});
