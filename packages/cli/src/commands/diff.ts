/** `monitor diff`: a semantic summary of what changed between two versions of a monitor, for review. */
import { getLocale } from '@monitor/language';
import type { ResultRow } from '@monitor/ir';
import { UsageError } from '../analyse.js';
import { computeMonitor } from '../compute.js';
import { diffPrograms, type FileDiff } from '../diff/compare-program.js';
import { sidesFromGit, sidesFromPaths } from '../diff/load-sides.js';
import { lowerSide, type LoweredFile } from '../diff/lower-side.js';
import { diffJson, diffMarkdown, type DiffReport } from '../diff/render-diff.js';
import { HELP } from '../help.js';
import { oneOf, parseOptions } from '../options.js';
import { workspaceRoot } from '../workspace-root.js';

/** Exit 0 with the summary (also when there are changes); 2 on usage errors. */
export async function runDiff(args: string[]): Promise<number> {
    const { values, positionals } = parseOptions(args, {
        git: { type: 'string' },
        format: { type: 'string' },
        values: { type: 'boolean' },
    });
    if (values.help) {
        process.stdout.write(HELP.diff);
        return 0;
    }
    const format = oneOf('format', values.format, ['markdown', 'json'] as const, 'markdown');
    const lang = getLocale();
    let sides;
    if (values.git !== undefined) {
        if (positionals.length > 0) throw new UsageError('Use either --git <rev>[..<rev>] or two paths, not both.');
        sides = await sidesFromGit(values.git);
    } else {
        if (positionals.length !== 2) throw new UsageError('Name two files or two folders: monitor diff <old> <new>, or use --git <rev>[..<rev>].');
        sides = await sidesFromPaths(positionals[0], positionals[1]);
    }
    const [before, after] = [await lowerSide(sides[0]), await lowerSide(sides[1])];
    const report: DiffReport = { old: sides[0].label, new: sides[1].label, files: [], skipped: [] };
    const names = [...new Set([...before.keys(), ...after.keys()])].sort();
    for (const rel of names) {
        const a = before.get(rel);
        const b = after.get(rel);
        if (a && a.errors > 0) report.skipped.push({ file: rel, side: 'old', errors: a.errors });
        if (b && b.errors > 0) report.skipped.push({ file: rel, side: 'new', errors: b.errors });
        if ((a && a.errors > 0) || (b && b.errors > 0)) continue;
        const own = (f: LoweredFile | undefined) => (s: { declaredIn: string }) => s.declaredIn === f?.uri;
        const diff = diffPrograms(rel, a?.program ?? null, b?.program ?? null, lang, s => own(a)(s) || own(b)(s));
        if (diff.indicators.length === 0 && diff.other.length === 0) continue;
        if (values.values) await addLatestValues(diff, a, b);
        report.files.push(diff);
    }
    process.stdout.write(format === 'json' ? diffJson(report) : diffMarkdown(report, lang));
    return 0;
}

/** The total series' latest period with a value, by the new definition (else the old). */
function latest(rows: ResultRow[], indicator: string): ResultRow | undefined {
    return rows.filter(r => r.indicator === indicator && r.series === 'actual' && Object.values(r.dimensions).every(v => v === null) && r.value !== null).at(-1);
}

/** Computes both definitions on today's data and adds the latest values of each changed indicator. */
async function addLatestValues(diff: FileDiff, a: LoweredFile | undefined, b: LoweredFile | undefined): Promise<void> {
    const changed = diff.indicators.filter(i => i.kind === 'changed' && i.altersPastValues);
    if (changed.length === 0 || !a?.monitor || !b?.monitor) return;
    const names = changed.map(i => i.name);
    const [oldRows, newRows] = [
        (await computeMonitor(a.monitor, workspaceRoot(undefined, a.monitor.file), names)).rows,
        (await computeMonitor(b.monitor, workspaceRoot(undefined, b.monitor.file), names)).rows,
    ];
    for (const i of changed) {
        const n = latest(newRows, i.name);
        const period = n?.period ?? latest(oldRows, i.name)?.period ?? null;
        const o = oldRows.find(r => r.indicator === i.name && r.period === period && r.series === 'actual' && Object.values(r.dimensions).every(v => v === null));
        i.values = { period, old: o?.value ?? null, new: n?.value ?? null };
    }
}
