/** `monitor fmt [--check] <files…>`: the canonical layout of .monitor files. */
import fs from 'node:fs/promises';
import { collectFiles, UsageError } from '../analyse.js';
import { displayPath, formatText } from '../diagnostic.js';
import { formatFiles } from '../format-files.js';
import { HELP } from '../help.js';
import { parseOptions } from '../options.js';
import { getLocale } from '@monitor/language/messages';

/** Exit 0 when every file is (now) formatted, 1 when `--check` found unformatted files or a file does not parse. */
export async function runFmt(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, { check: { type: 'boolean' } });
    if (values.help) {
        process.stdout.write(HELP.fmt);
        return 0;
    }
    if (positionals.length === 0) throw new UsageError('Name at least one .monitor file or folder: monitor fmt [--check] <files or folders…>');
    const results = await formatFiles(await collectFiles(positionals));
    const errors = results.filter(r => r.error);
    const changed = results.filter(r => !r.error && r.formatted !== r.original);
    if (errors.length > 0) process.stderr.write(formatText(errors.map(r => r.error!)) + '\n');
    if (values.check) {
        for (const r of changed) process.stdout.write(`${displayPath(r.file)}\n`);
        process.stderr.write(changed.length > 0
            ? `${changed.length} of ${results.length} file(s) are not formatted. Run 'monitor fmt' on them to fix the layout.\n`
            : `${results.length} file(s) formatted correctly.\n`);
        return changed.length > 0 || errors.length > 0 ? 1 : 0;
    }
    for (const r of changed) {
        await fs.writeFile(r.file, r.formatted);
        process.stdout.write(`formatted ${displayPath(r.file)}\n`);
    }
    process.stderr.write(getLocale() === 'nl' ? `${changed.length} van ${results.length} bestand(en) opnieuw opgemaakt.\n`
        : `${changed.length} of ${results.length} file(s) reformatted.\n`);
    return errors.length > 0 ? 1 : 0;
}
