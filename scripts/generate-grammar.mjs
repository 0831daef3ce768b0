// Runs `langium generate` with the Node 20 polyfill, without the warnings about repeated
// assignments that our property-list blocks cause on purpose (duplicates are a validation warning).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../node_modules/langium-cli/bin/langium.js', import.meta.url));
const polyfill = fileURLToPath(new URL('../packages/language/polyfill.mjs', import.meta.url));
const run = spawnSync(process.execPath, ['--import', polyfill, cli, 'generate'], { encoding: 'utf8' });
const keep = line => line.trim() !== '' && !/Found multiple assignments to '\w+'/.test(line);
process.stdout.write(run.stdout.split('\n').filter(keep).map(l => `${l}\n`).join(''));
process.stderr.write(run.stderr.split('\n').filter(keep).map(l => `${l}\n`).join(''));
process.exit(run.status ?? 1);
