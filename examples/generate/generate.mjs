#!/usr/bin/env node
/**
 * Writes the data files of every example from a fixed seed: the same seed gives byte-identical files.
 *
 *   node examples/generate/generate.mjs           write the files
 *   node examples/generate/generate.mjs --check   exit 1 when a committed file differs from what the
 *                                                 generator makes (for CI)
 *
 * No dependencies, no clock, no Math.random: every number comes from the seeded generator.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRandom } from './lib/random.mjs';
import { generateJeugd } from './jeugd/jeugd.mjs';
import { generateStapeling } from './domain/stapeling.mjs';
import { generateDoorstroom } from './domain/doorstroom.mjs';
import { generateAfschaling } from './domain/afschaling.mjs';
import { generateWerk } from './domain/werk.mjs';
import { generateLicht } from './domain/licht.mjs';

const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Each example: its folder under examples/, its own seed, and the function that makes its files. */
const EXAMPLES = [
    { folder: 'jeugd', seed: 20250669, generate: generateJeugd },
    { folder: 'stapeling', seed: 20250702, generate: generateStapeling },
    { folder: 'doorstroom-bw', seed: 20250703, generate: generateDoorstroom },
    { folder: 'afschaling', seed: 20250704, generate: generateAfschaling },
    { folder: 'ggz-werk', seed: 20250705, generate: generateWerk },
    { folder: 'zwaar-licht', seed: 20250706, generate: generateLicht },
];

const check = process.argv.includes('--check');
let stale = 0;
for (const example of EXAMPLES) {
    // Invariant: each example has its own random stream, so adding an example changes no other.
    const files = example.generate(createRandom(example.seed));
    for (const [name, text] of Object.entries(files)) {
        const path = join(EXAMPLES_DIR, example.folder, name);
        const shown = relative(process.cwd(), path);
        if (check) {
            const same = existsSync(path) && readFileSync(path, 'utf8') === text;
            if (!same) {
                stale += 1;
                console.error(`${shown} differs from the generator's output; run node examples/generate/generate.mjs.`);
            }
            continue;
        }
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
        console.log(`${shown}  ${text.split('\n').length - 2} rows, ${(text.length / 1024).toFixed(0)} KB`);
    }
}
if (stale > 0) process.exit(1);
