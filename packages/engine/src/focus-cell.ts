/**
 * A focus indicator publishes a breakdown cell under another name: `count from aanvragen where
 * wijk = "B"` is the cell wijk=B of `count from aanvragen by wijk` when the dimension `wijk` binds
 * that column as it is (no lookup, no binding `where`, no code mapping). Disclosure control must see
 * both as one count (cross-suppression.ts), or hiding the cell in one indicator and showing it in the
 * other gives away what the hiding protected.
 */
import type { ConditionIR, IndicatorIR, MeasureIR, ProgramIR } from '@monitor/ir';

function conjunctsOf(c: ConditionIR | null): ConditionIR[] {
    if (!c) return [];
    return c.kind === 'and' ? [...conjunctsOf(c.left), ...conjunctsOf(c.right)] : [c];
}

function joinAll(list: ConditionIR[]): ConditionIR | null {
    return list.reduce<ConditionIR | null>((acc, c) => (acc ? { kind: 'and', left: acc, right: c } : c), null);
}

/** The dimension whose binding on `source` is the plain column `column`, if one is. */
function plainDimension(program: ProgramIR, source: string, column: string): string | null {
    const d = program.dimensions.find((x) => !x.mapping && x.bindings.some((b) => b.source === source && !b.filter && !b.column.lookup && b.column.column === column));
    return d?.name ?? null;
}

/**
 * Splits a measure's `… and wijk = "B"` conditions into the measure without them (`base`) and the
 * breakdown cell they select (`cell`, dimension name → value). A condition on a dimension the
 * indicator breaks down by stays in the measure (its rows are not cells of the base measure).
 */
export function focusCell(program: ProgramIR, indicator: IndicatorIR, m: MeasureIR): { base: MeasureIR; cell: Record<string, string> } {
    const cell: Record<string, string> = {};
    const rest: ConditionIR[] = [];
    for (const c of conjunctsOf(m.filter)) {
        let dimension: string | null = null;
        let value: string | null = null;
        if (c.kind === 'compare' && c.op === '=') {
            const [column, literal] = c.left.kind === 'column' ? [c.left, c.right] : [c.right, c.left];
            if (column.kind === 'column' && !column.ref.lookup && literal.kind === 'literal' && (literal.literal.kind === 'text' || literal.literal.kind === 'number')) {
                dimension = plainDimension(program, m.source, column.ref.column);
                value = String(literal.literal.value);
            }
        }
        if (dimension !== null && value !== null && !(dimension in cell) && !indicator.by.includes(dimension)) cell[dimension] = value;
        else rest.push(c);
    }
    if (Object.keys(cell).length === 0) return { base: m, cell };
    return { base: { ...m, filter: joinAll(rest) }, cell };
}

/** The conditions of a filter joined by `and`, each as text without source positions. */
export function conditionTexts(c: ConditionIR | null): string[] {
    return conjunctsOf(c).map((x) => JSON.stringify(x, (k, v: unknown) => (k === 'span' ? undefined : v))).sort();
}
