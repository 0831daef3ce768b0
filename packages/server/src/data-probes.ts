/**
 * The data stage's probes (planned by `planProbes` in the compiler): a measure that sums rows of
 * several levels is an error (`data-levels-summed`); a text value that matches no row is a warning
 * (`data-value-not-found`) naming the nearest values found, unless they may not be named; codes of
 * which none is found in a mapping, lookup or names table are a warning (`data-codes-not-found`).
 */
import type { ProgramIR } from '@monitor/ir';
import { DUCKDB, planProbes, POSTGRES, type CodeProbe, type LevelProbe, type ValueProbe } from '@monitor/compiler';
import { message } from '@monitor/language';
import type { Engine } from '@monitor/engine';
import type { SpanIssue } from './data-files.js';

const LEVEL_NAMES: Record<string, string> = { NL: 'NL', LD: 'LD', PV: 'PV', CR: 'CR', GM: 'GM…', WK: 'WK…', BU: 'BU…' };

async function levelIssues(engine: Engine, probe: LevelProbe): Promise<SpanIssue[]> {
    const [row] = await engine.query(probe.sql);
    if (!row) return [];
    for (const [i, column] of probe.columns.entries()) {
        const prefixes = String(row[`p_${i}`] ?? '').split(',').filter((p) => p !== '').sort();
        const total = row[`t_${i}`] === true;
        if (prefixes.length < 2 && !total) continue;
        const levels = total ? '"Totaal"' : prefixes.map((p) => LEVEL_NAMES[p] ?? p).join(', ');
        return [{ span: probe.span, severity: 'error', code: 'data-levels-summed', message: message('data-levels-summed', { source: probe.source, column, levels }) }];
    }
    return [];
}

async function valueIssues(engine: Engine, probe: ValueProbe): Promise<SpanIssue[]> {
    const [count] = await engine.query(probe.countSql);
    if (!count || Number(count.hits) > 0) return [];
    const nearest = probe.nearestSql ? (await engine.query(probe.nearestSql)).map((r) => JSON.stringify(String(r.v))) : [];
    const hint = Number(count.trimmed) > 0 ? 'trim' : nearest.length > 0 ? 'nearest' : 'none';
    const args = { source: probe.source, column: probe.column, value: JSON.stringify(probe.value), nearest: nearest.join(', '), hint };
    return [{ span: probe.span, severity: 'warning', code: 'data-value-not-found', message: message('data-value-not-found', args) }];
}

async function codeIssues(engine: Engine, probe: CodeProbe): Promise<SpanIssue[]> {
    const [row] = await engine.query(probe.sql);
    if (!row || Number(row.codes) === 0 || Number(row.hits) > 0) return [];
    const args = {
        source: probe.source, column: probe.column, table: probe.table, key: probe.key,
        hint: Number(row.trimmed) > 0 ? 'trim' : row.example !== null && row.example !== undefined ? 'example' : 'none',
        example: JSON.stringify(String(row.example ?? '')),
    };
    return [{ span: probe.span, severity: 'warning', code: 'data-codes-not-found', message: message('data-codes-not-found', args) }];
}

/**
 * Whether each value probe's value is found, in one scan per table (not one per value: on a table of
 * a million rows each scan costs about as much as a query of the monitor). Only a value not found
 * is looked at again, for the trimmed match and the nearest values.
 */
async function valuesFound(engine: Engine, probes: ValueProbe[]): Promise<Map<ValueProbe, boolean>> {
    const found = new Map<ValueProbe, boolean>();
    const byTable = new Map<string, ValueProbe[]>();
    for (const p of probes) byTable.set(p.from, [...(byTable.get(p.from) ?? []), p]);
    for (const [from, group] of byTable) {
        const counts = group.map((p, i) => `count(*) FILTER (WHERE ${p.hitsWhere}) AS h_${i}`);
        const [row] = await engine.query(`SELECT ${counts.join(', ')} ${from}`);
        group.forEach((p, i) => found.set(p, !row || Number(row[`h_${i}`]) > 0));
    }
    return found;
}

/** Runs the probes of a program over the sources that loaded without errors. */
export async function probeData(engine: Engine, program: ProgramIR, loaded: Set<string>): Promise<SpanIssue[]> {
    const probes = planProbes(program, loaded, { dialect: engine.dialect === 'postgres' ? POSTGRES : DUCKDB });
    const found = await valuesFound(engine, probes.filter((p): p is ValueProbe => p.kind === 'value'));
    const out: SpanIssue[] = [];
    for (const probe of probes) {
        out.push(...(probe.kind === 'levels' ? await levelIssues(engine, probe)
            : probe.kind === 'codes' ? await codeIssues(engine, probe) : found.get(probe) ? [] : await valueIssues(engine, probe)));
    }
    return out;
}
