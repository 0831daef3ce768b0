/** `monitor init [folder]`: a working starter monitor with data, for a first-time user. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { getLocale } from '@monitor/language';
import { UsageError } from '../analyse.js';
import { displayPath } from '../diagnostic.js';
import { HELP } from '../help.js';
import { parseOptions } from '../options.js';
import { STARTER_MONITOR, starterEpisodes, starterInhabitants } from '../starter.js';

/** Writes the starter files; refuses to overwrite any existing one. */
export async function runInit(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, {});
    if (values.help) {
        process.stdout.write(HELP.init);
        return 0;
    }
    if (positionals.length > 1) throw new UsageError('Name at most one folder: monitor init [folder]');
    const folder = path.resolve(positionals[0] ?? '.');
    const files: Record<string, string> = {
        'starter.monitor': STARTER_MONITOR,
        'data/trajecten.csv': starterEpisodes(),
        'data/inwoners.csv': starterInhabitants(),
    };
    for (const name of Object.keys(files)) {
        const exists = await fs.stat(path.join(folder, name)).then(() => true, () => false);
        if (exists) {
            throw new UsageError(getLocale() === 'nl'
                ? `${displayPath(path.join(folder, name))} bestaat al; 'monitor init' overschrijft niets. Kies een lege map.`
                : `${displayPath(path.join(folder, name))} already exists; 'monitor init' overwrites nothing. Choose an empty folder.`);
        }
    }
    for (const [name, content] of Object.entries(files)) {
        await fs.mkdir(path.dirname(path.join(folder, name)), { recursive: true });
        await fs.writeFile(path.join(folder, name), content);
    }
    const where = displayPath(folder) || '.';
    const file = path.join(where, 'starter.monitor');
    process.stdout.write(getLocale() === 'nl'
        ? `Startmonitor geschreven in ${where}. Probeer nu:\n  monitor check ${where}\n  monitor run ${file} --format csv\n`
        : `Starter monitor written to ${where}. Try next:\n  monitor check ${where}\n  monitor run ${file} --format csv\n`);
    return 0;
}
