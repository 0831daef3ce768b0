/**
 * Makes a large, deterministic copy of the jeugd example for the benchmark: the example's
 * .monitor file and population file, and an episode file of N rows with the same columns
 * (`node bench/generate-episodes.mjs DIR ROWS`). Same seed, same bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRandom } from '../examples/generate/lib/random.mjs';

const ROOT = path.resolve(import.meta.dirname, '..');
const DAY = 86_400_000;
const FIRST = Date.UTC(2015, 0, 1) / DAY;
const EXTRACT = Date.UTC(2025, 5, 30) / DAY;
const VOORLOPIG_FROM = Date.UTC(2025, 0, 1) / DAY;
const WIJKEN = ['WK001', 'WK002', 'WK003', 'WK004', 'WK005', 'WK006'];
// voorziening, productcategorie, share of rows, mean duration in days
const KINDS = [['ambulant', '45', 0.55, 200], ['verblijf', '43', 0.2, 420], ['pleegzorg', '35', 0.15, 900], ['crisis', '46', 0.1, 30]];

const iso = (day) => new Date(day * DAY).toISOString().slice(0, 10);

/** Writes the copy into `dir` and returns the path of its .monitor file. */
export function generateEpisodes(dir, rows, seed = 20251126) {
    fs.mkdirSync(path.join(dir, 'data'), { recursive: true });
    const example = path.join(ROOT, 'examples/jeugd');
    fs.copyFileSync(path.join(example, 'jeugd.monitor'), path.join(dir, 'jeugd.monitor'));
    fs.copyFileSync(path.join(example, 'data/bevolking_0_17.csv'), path.join(dir, 'data/bevolking_0_17.csv'));
    const file = path.join(dir, 'data/jeugdhulp_trajecten.csv');
    const fd = fs.openSync(file, 'w');
    const next = createRandom(seed).float;
    const clients = Math.max(1, Math.round(rows / 2.5));
    let chunk = ['client_id,productcategorie,voorziening,begindatum,einddatum,wijk,status'];
    for (let i = 0; i < rows; i++) {
        const client = Math.floor(next() * clients);
        let pick = next();
        let kind = KINDS[0];
        for (const k of KINDS) { if (pick < k[2]) { kind = k; break; } pick -= k[2]; }
        const start = FIRST + Math.floor(next() * (EXTRACT - FIRST + 1));
        const end = start + Math.floor(-Math.log(1 - next()) * kind[3]);
        const wijk = WIJKEN[(client * 7 + (next() < 0.05 ? 1 : 0)) % WIJKEN.length];
        chunk.push(`P${client.toString(16).padStart(8, '0')},${kind[1]},${kind[0]},${iso(start)},${end > EXTRACT ? '' : iso(end)},${wijk},`
            + (start >= VOORLOPIG_FROM ? 'voorlopig' : 'definitief'));
        if (chunk.length >= 50_000) { fs.writeSync(fd, chunk.join('\n') + '\n'); chunk = []; }
    }
    if (chunk.length > 0) fs.writeSync(fd, chunk.join('\n') + '\n');
    // Written through to disk now: the kernel flushing 0.6 GB later would slow the timings that follow.
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    return path.join(dir, 'jeugd.monitor');
}

if (process.argv[1] === import.meta.filename) {
    const [dir, rows] = process.argv.slice(2);
    if (!dir || !rows) { console.error('Usage: node bench/generate-episodes.mjs DIR ROWS'); process.exit(2); }
    console.log(generateEpisodes(path.resolve(dir), Number(rows)));
}
