/**
 * The numbers a publication is about, as the reader sees them: one cell per count (the same measure —
 * source file, aggregate, filter, time meaning — for one period and one combination of breakdown
 * values), however many indicators publish it. A cell is published (the reader knows an interval for
 * its true value), hidden (published as suppressed), or unknown (never published, or "no data").
 */

/** `null` as a coordinate value: the rows outside a binding's `where` (or with no value), in no cell. */
export const OUTSIDE = null;

/** A coordinate: dimension identity → breakdown value (or OUTSIDE). */
export type Coords = Map<string, string | null>;

/** How cells of one measure add up over a breakdown or over finer periods. */
export type Additivity = 'sum' | 'subadditive' | 'monotone';

/** A measure as the audit knows it. */
export interface MeasureInfo {
    key: string;
    additivity: Additivity;
    /** For stock/flow: the measure's identity without its time meaning, and the time meaning. */
    timeless: string | null;
    time: string;
    /** Grain of each period label is read from the label itself. */
    label: string;
    /** The monitor that first publishes it. */
    monitor: string;
}

/** One count of the publication. */
export interface Cell {
    id: number;
    key: string;
    measure: MeasureInfo;
    period: string;
    coords: Coords;
    /** Where the reader sees it (first publisher), e.g. `per_wijk 2024 wijk=A`. */
    label: string;
    /** The interval the true value lies in, when published. */
    published: { low: number; high: number } | null;
    /** Published as suppressed by at least one indicator and shown by none. */
    hidden: boolean;
    /** Rows outside a binding's `where`: never published, so a count to protect. */
    outside: boolean;
    /** A helper unknown of a relation (episodes ending on a period's last day): never audited. */
    helper: boolean;
    /** The monitor that first mentions it. */
    monitor: string;
}

/** Display names of dimension identities. */
const dimensionNames = new Map<string, string>();

/** Registers the readable name of a dimension identity. */
export function nameDimension(identity: string, name: string): void {
    dimensionNames.set(identity, name);
}

/** Cell coordinates in words: `wijk=A, soort=(outside)`. */
export function coordsText(coords: Coords): string {
    return [...coords].map(([d, v]) => `${dimensionNames.get(d) ?? d}=${v ?? '(outside)'}`).join(', ');
}

/** All cells, found by key; cells are created on first mention. */
export class CellTable {
    readonly cells: Cell[] = [];
    private readonly byKey = new Map<string, Cell>();
    /** Per measure key and dimension identity: every breakdown value seen in the publication. */
    readonly values = new Map<string, Set<string>>();
    /** Dimension identities whose bindings leave rows outside every cell. */
    readonly withOutside = new Set<string>();

    static keyOf(measure: string, period: string, coords: Coords): string {
        return JSON.stringify([measure, period, [...coords].sort(([a], [b]) => a.localeCompare(b))]);
    }

    get(measure: string, period: string, coords: Coords): Cell | undefined {
        return this.byKey.get(CellTable.keyOf(measure, period, coords));
    }

    /** The cell, created unknown when nobody published it. */
    cell(measure: MeasureInfo, period: string, coords: Coords, label?: string): Cell {
        const key = CellTable.keyOf(measure.key, period, coords);
        let cell = this.byKey.get(key);
        if (!cell) {
            const outside = [...coords.values()].some((v) => v === OUTSIDE);
            const where = coords.size > 0 ? ` ${coordsText(coords)}` : '';
            cell = {
                id: this.cells.length, key, measure, period, coords: new Map(coords),
                label: label ?? `${measure.label} ${period}${where}`,
                published: null, hidden: false, outside, helper: false, monitor: measure.monitor,
            };
            this.cells.push(cell);
            this.byKey.set(key, cell);
            for (const [d, v] of coords) if (v !== OUTSIDE) this.valuesOf(measure.key, d).add(v);
        }
        return cell;
    }

    /** A helper unknown (not a count anyone publishes). */
    helper(measure: MeasureInfo, period: string, what: string): Cell {
        const cell = this.cell({ ...measure, key: `${what}|${measure.key}` }, period, new Map(), `${what} ${measure.label} ${period}`);
        cell.helper = true;
        return cell;
    }

    valuesOf(measure: string, dimension: string): Set<string> {
        const k = JSON.stringify([measure, dimension]);
        let set = this.values.get(k);
        if (!set) this.values.set(k, (set = new Set()));
        return set;
    }

    /** Records what one published row says about a cell: shown (an interval) or hidden. */
    publish(cell: Cell, shown: { low: number; high: number } | null, hidden: boolean, label: string): void {
        if (shown) {
            const first = cell.published === null;
            cell.published = first ? shown : { low: Math.max(cell.published!.low, shown.low), high: Math.min(cell.published!.high, shown.high) };
            cell.hidden = false;
            if (first) cell.label = label;
        } else if (hidden && cell.published === null) {
            if (!cell.hidden) cell.label = label;
            cell.hidden = true;
        }
    }
}
