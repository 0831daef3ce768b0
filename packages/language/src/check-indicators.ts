/** Checks of the meaning stage on indicators and targets: breakdowns, cycles, periods, directions. */
import { AstUtils, type ValidationAcceptor } from 'langium';
import { formatPeriod, grainFitsIn, parsePeriod, periodEnd, periodStart, type Grain, type Period } from '@monitor/ir';
import type { AstNode } from 'langium';
import {
    isBinaryArith, isIndicatorArith, isMeasure, isMonitorDecl, isRate, isModel, isTarget,
    type Indicator, type IndicatorValue, type Measure, type Model, type Target,
} from './generated/ast.js';
import { report, checkPeriod } from './check-structure.js';

/** The measures an indicator's value is computed from (none for an expression). */
export function measuresOf(value: IndicatorValue | undefined): Measure[] {
    if (isMeasure(value)) return [value];
    if (isRate(value)) return [value.numerator, value.denominator].filter(isMeasure);
    return [];
}

/** The indicators an expression refers to. */
export function indicatorsUsed(value: IndicatorValue | undefined): Indicator[] {
    if (isIndicatorArith(value)) return value.indicator?.ref ? [value.indicator.ref] : [];
    if (isBinaryArith(value)) return [...indicatorsUsed(value.left), ...indicatorsUsed(value.right)];
    return [];
}

/** The grain of an indicator: its own, else the monitor's, else quarter. */
export function indicatorGrain(indicator: Indicator): Grain {
    if (indicator.grain) return indicator.grain as Grain;
    const model = AstUtils.getContainerOfType(indicator, isModel) as Model | undefined;
    const header = model?.elements.find(isMonitorDecl);
    return (header?.grain as Grain | undefined) ?? 'quarter';
}

export function checkBreakdowns(indicator: Indicator, accept: ValidationAcceptor): void {
    indicator.by.forEach((ref, index) => {
        const dimension = ref.ref;
        if (!dimension) return;
        for (const measure of measuresOf(indicator.value)) {
            const source = measure.source?.ref;
            if (source && !dimension.bindings.some(b => b.source?.ref === source)) {
                report(accept, 'error', 'breakdown-not-in-source', { dimension: dimension.name, source: source.name }, indicator, 'by', index);
            }
        }
        for (const used of indicatorsUsed(indicator.value)) {
            if (!used.by.some(b => b.ref === dimension)) {
                report(accept, 'error', 'breakdown-on-expression', { dimension: dimension.name, indicator: used.name }, indicator, 'by', index);
            }
        }
    });
}

/**
 * An indicator whose value refers back to itself, through any number of others. Breadth-first and
 * without recursion: a chain of thousands of indicators that refer to each other is no stack depth.
 */
export function checkCycles(indicator: Indicator, accept: ValidationAcceptor): void {
    const cameFrom = new Map<Indicator, Indicator>();
    const queue: Indicator[] = [indicator];
    for (let i = 0; i < queue.length; i++) {
        for (const next of indicatorsUsed(queue[i].value)) {
            if (cameFrom.has(next)) continue;
            cameFrom.set(next, queue[i]);
            if (next === indicator) {
                const path: string[] = [indicator.name];
                for (let at = cameFrom.get(indicator)!; at !== indicator; at = cameFrom.get(at)!) path.unshift(at.name);
                report(accept, 'error', 'indicator-cycle', { name: indicator.name, path: [indicator.name, ...path].join(' → ') }, indicator, 'name');
                return;
            }
            queue.push(next);
        }
    }
}

/** One target block per indicator: a second block would compete with the first for the same periods. */
export function checkDuplicateTargets(model: Model, accept: ValidationAcceptor): void {
    const seen = new Set<Indicator>();
    for (const target of model.elements.filter(isTarget)) {
        const indicator = target.indicator?.ref;
        if (!indicator) continue; // an unknown indicator is reported in the reference stage
        if (seen.has(indicator)) report(accept, 'error', 'duplicate-target', { name: indicator.name }, target, 'indicator');
        seen.add(indicator);
    }
}

/** The monitor's range as periods, when the header of the node's file declares a valid one. */
export function monitorRange(node: AstNode): [Period, Period] | undefined {
    const model = AstUtils.getContainerOfType(node, isModel) as Model | undefined;
    const header = model?.elements.find(isMonitorDecl);
    const from = header?.from !== undefined ? parsePeriod(String(header.from)) : null;
    const to = header?.to !== undefined ? parsePeriod(String(header.to)) : null;
    return from && to ? [from, to] : undefined;
}

export function checkTarget(target: Target, accept: ValidationAcceptor): void {
    const indicator = target.indicator?.ref;
    const grain = indicator ? indicatorGrain(indicator) : undefined;
    const name = indicator?.name ?? '';
    const fitsGrain = (period: Period, node: AstNode, property: string) => {
        if (grain && !grainFitsIn(grain, period.grain)) {
            report(accept, 'error', 'period-finer-than-grain', { label: formatPeriod(period), grain, name }, node, property);
        }
    };
    const baseline = target.baseline !== undefined ? checkPeriod(String(target.baseline), target, 'baseline', accept) : undefined;
    if (baseline) fitsGrain(baseline, target, 'baseline');
    const range = monitorRange(target);
    for (const point of target.points) {
        const label = String(point.period);
        const period = checkPeriod(label, point, 'period', accept);
        if (!period) continue;
        fitsGrain(period, point, 'period');
        if (range && (periodStart(period) < periodStart(range[0]) || periodEnd(period) > periodEnd(range[1]))) {
            report(accept, 'error', 'target-outside-range', { label, from: formatPeriod(range[0]), to: formatPeriod(range[1]) }, point, 'period');
        }
        if (baseline && periodEnd(baseline) >= periodStart(period)) {
            report(accept, 'error', 'baseline-after-target', { baseline: String(target.baseline), label }, point, 'period');
        }
        const relative = point.relative !== undefined || point.direction !== undefined;
        if (relative && !baseline) report(accept, 'error', 'relative-target-needs-baseline', { label }, point, 'period');
        const asked = askedDirection(point);
        const desired = indicator?.desired;
        if (asked && desired && asked !== desired) {
            report(accept, 'error', 'target-contradicts-desired', { label, direction: asked, name, desired }, point);
        }
        if (relative && indicator && !desired) report(accept, 'warning', 'target-needs-desired', { name }, point);
    }
}

/** Which way a target point asks the value to move, when it says so. */
function askedDirection(point: Target['points'][number]): 'up' | 'down' | undefined {
    if (point.direction) return point.direction as 'up' | 'down';
    if (point.relative !== undefined && point.relative !== 0) return point.relative > 0 ? 'up' : 'down';
    if (point.operator === '>=') return 'up';
    if (point.operator === '<=') return 'down';
    return undefined;
}
