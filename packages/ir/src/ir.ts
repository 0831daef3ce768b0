/**
 * The intermediate representation: plain, serialisable data between the language front end and
 * the compiler, engine and renderers. No class instances, no back-pointers (see ARCHITECTURE.md).
 */

/** Where something came from in a `.monitor` file: document URI, character offset and length. */
export interface Span {
    uri: string;
    offset: number;
    length: number;
}

/** A calendar grain. */
export type Grain = 'month' | 'quarter' | 'half-year' | 'year';

/** A whole compiled monitor: the main file with everything it imports. */
export interface ProgramIR {
    monitor: MonitorIR;
    sources: SourceIR[];
    dimensions: DimensionIR[];
    indicators: IndicatorIR[];
    notes: NoteIR[];
}

/** The `monitor { … }` header. */
export interface MonitorIR {
    name: string;
    title: string | null;
    owner: string | null;
    description: string | null;
    grain: Grain;
    /** Period labels at `grain` (or coarser), inclusive. */
    range: { from: string; to: string };
    privacy: PrivacyIR | null;
    /**
     * `privacy none "reason"`: published without disclosure control on purpose (data that is already
     * public), the reason shown in the report. Absent with `privacy` null: no privacy block at all,
     * which validation refuses for a monitor over person-level data.
     */
    privacyNone?: string | null;
    span: Span;
}

/** Disclosure control: counts below `minimum` are hidden; counts are rounded to a multiple of `round`. */
export interface PrivacyIR {
    minimum: number;
    round: number;
    /** A rate is hidden when its raw denominator is below this; absent = `minimum`. */
    denominator?: number;
    /** A sum over person-level rows is hidden when one row is more than this percentage of it; absent = 50. */
    dominance?: number;
    /** `perturb cellkey …`: counts get cell-key noise before rounding (docs/privacy-cellkey.md). Absent: none. */
    perturb?: PerturbationIR;
}

/**
 * The cell key method: each count gets a deviation of at most `maxDeviation`, zero on average, with
 * variance `variance` (smaller for counts below `maxDeviation`), chosen by the cell's key.
 */
export interface PerturbationIR {
    method: 'cellkey';
    maxDeviation: number;
    variance: number;
    span: Span;
}

export type ColumnType = 'text' | 'integer' | 'decimal' | 'date' | 'boolean';

export interface ColumnIR {
    name: string;
    type: ColumnType;
    nullable: boolean;
    /** `integer count`: the column holds counts of people, so a sum of it is a count under disclosure control. */
    counts?: boolean;
    span: Span;
    /** Text read from the file with the spaces around it removed (`trim` on the column or its source). */
    trim?: boolean;
    /** A derived column: computed from other columns of the same source, not read from the file. */
    expression?: ColumnExprIR;
}

/**
 * The expression of a derived column (`WmoClienten integer? = coalesce(WmoClienten_86, WmoClienten_89)`):
 * names are columns of the same source (file columns or other derived columns; never a cycle).
 */
export type ColumnExprIR =
    | { kind: 'column'; name: string }
    | { kind: 'number'; value: number }
    | { kind: 'text'; value: string }
    | { kind: 'call'; function: 'coalesce' | 'trim'; args: ColumnExprIR[] }
    | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: ColumnExprIR; right: ColumnExprIR };

export type ShapeIR =
    | { kind: 'events'; date: string; key: string | null }
    | { kind: 'episodes'; start: string; end: string; key: string }
    /** `valid`: how long a snapshot keeps counting for later periods; null = only inside its own period. */
    | { kind: 'snapshot'; date: string; valid: { amount: number; unit: 'days' | 'months' | 'years' } | null }
    | { kind: 'table'; key: string | null };

export interface CsvOptionsIR {
    delimiter: string;
    decimalComma: boolean;
    header: boolean;
    /** Values read as missing, besides the empty field. */
    nulls: string[];
    /** strftime-style format of date columns, null for ISO `YYYY-MM-DD`. */
    dateFormat: string | null;
}

export interface SourceIR {
    name: string;
    /** The path exactly as written, relative to the `.monitor` file that declares it. */
    path: string;
    /** URI of the declaring `.monitor` file; the path resolves against its folder. */
    declaredIn: string;
    format: 'csv' | 'parquet' | 'json';
    csv: CsvOptionsIR;
    columns: ColumnIR[];
    shape: ShapeIR;
    /** Column that says whether a row is provisional or final. */
    status: string | null;
    /** Declared data coverage (ISO dates, inclusive); null means: derive it from the data. */
    coverage: { from: string; to: string } | null;
    /** `one row per person`: person-level data besides events and episodes (personLevel in @monitor/ir). */
    perPerson?: boolean;
    span: Span;
    /** Where the path string stands, for data-stage diagnostics about the file. */
    pathSpan?: Span;
    /** A pre-aggregated table's levels (`levels col { total "…" cells "…" }`); absent: one level. */
    levels?: LevelsIR;
    /**
     * `known change <date>` on the source: a layout change of the source (CBS's new wijken of 2022);
     * breakdown changes of indicators read from it are not warned about from that day on.
     */
    knownChanges?: string[];
    /**
     * A table source (`from table "schema.name"`): the table or view in the database the PostgreSQL
     * engine reads; absent for a file source (`path` is then the file).
     */
    table?: TableRefIR;
}

/** A table or view in a database: the schema (null: the search path's) and the name, as written. */
export interface TableRefIR {
    schema: string | null;
    name: string;
}

/**
 * The levels of a pre-aggregated table: a total is read from the rows whose `column` equals `total`,
 * breakdown cells from the rows whose `column` equals `cells` (null: every row that is not a total row).
 * Rows of other levels (CBS's buurten beside wijken) count nowhere.
 */
export interface LevelsIR {
    column: string;
    total: string;
    cells: string | null;
    span: Span;
}

/** A column of a source, optionally translated through a lookup table (`col via table.field`). */
export interface ColumnRefIR {
    column: string;
    lookup: { source: string; field: string } | null;
}

export interface DimensionBindingIR {
    source: string;
    column: ColumnRefIR;
    /**
     * `where` on the binding: rows outside it are in no breakdown cell (they still count in totals)
     * and their values are no breakdown values. Absent or null: every row.
     */
    filter?: ConditionIR | null;
}

/**
 * A code mapping of a dimension (`map via table from a to b [since date]`): bound values are looked up
 * in `table.from` and replaced by `table.to`; values the table lacks stay. With `since` (ISO date) only
 * rows dated on or after it (event, snapshot or episode start date) are translated.
 */
export interface DimensionMappingIR {
    table: string;
    from: string;
    to: string;
    since: string | null;
}

export interface DimensionIR {
    name: string;
    title: string | null;
    bindings: DimensionBindingIR[];
    /** Absent or null: values are used as they are. */
    mapping?: DimensionMappingIR | null;
    /** `known change <date>`: a layout change the analyst knows of; breakdown changes from that day on are not warned about. */
    knownChanges?: string[];
    /** `names via table.field`: cells are keyed by code and labelled with the name the table gives it. */
    names?: { table: string; field: string };
    span: Span;
}

export type LiteralIR =
    | { kind: 'text'; value: string }
    | { kind: 'number'; value: number }
    | { kind: 'date'; value: string }
    | { kind: 'boolean'; value: boolean };

export type OperandIR =
    | { kind: 'column'; ref: ColumnRefIR }
    | { kind: 'literal'; literal: LiteralIR }
    | { kind: 'shift'; operand: OperandIR; amount: number; unit: 'days' | 'months' | 'years' };

export type CompareOp = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** A row filter. */
export type ConditionIR =
    | { kind: 'and' | 'or'; left: ConditionIR; right: ConditionIR }
    | { kind: 'not'; operand: ConditionIR }
    | { kind: 'compare'; op: CompareOp; left: OperandIR; right: OperandIR }
    | { kind: 'in'; operand: OperandIR; values: LiteralIR[]; negated: boolean }
    | { kind: 'between'; operand: OperandIR; low: OperandIR; high: OperandIR }
    | { kind: 'missing'; operand: OperandIR; negated: boolean };

/** How a row relates to a period. */
export type TimeMeaning =
    | 'event'          // events: the event date lies in the period
    | 'active-at-end'  // episodes: active on the period's last day
    | 'active-during'  // episodes: overlaps the period
    | 'started'        // episodes: start date in the period
    | 'ended'          // episodes: end date in the period
    | 'snapshot'       // snapshot: the latest reference date on or before the period end, inside the period
    | 'none';          // table: no time meaning, the same value in every period

export type Aggregate = 'count' | 'count-distinct' | 'sum' | 'avg' | 'min' | 'max' | 'median';

export interface MeasureIR {
    source: string;
    aggregate: Aggregate;
    /** The aggregated column; null for a plain `count` and for `duration`. */
    column: ColumnRefIR | null;
    /** Aggregate the duration in days (`end − start + 1`) of episodes instead of a column. */
    duration: boolean;
    time: TimeMeaning;
    filter: ConditionIR | null;
    /** Stacking: keep keys with at least `min` distinct values of `column` active at one moment. */
    having: { column: ColumnRefIR; min: number } | null;
    /** Transition: A-episodes (filter) ending in the period followed by a B-episode within N days. */
    transition: { to: ConditionIR | null; withinDays: number } | null;
    /** True when the measure counts units (people, episodes): these fall under disclosure control. */
    isCount: boolean;
    span: Span;
}

export type ArithIR =
    | { kind: 'number'; value: number }
    | { kind: 'indicator'; name: string }
    | { kind: 'binary'; op: '+' | '-' | '*' | '/'; left: ArithIR; right: ArithIR };

export type IndicatorValueIR =
    | { kind: 'measure'; measure: MeasureIR }
    | { kind: 'rate'; numerator: MeasureIR; denominator: MeasureIR; scale: number; percent: boolean }
    | { kind: 'expression'; expression: ArithIR };

export interface TargetPointIR {
    period: string;
    kind: 'absolute' | 'relative' | 'direction';
    /** `<=`, `>=` or `=` for absolute targets; null otherwise. */
    op: '<=' | '>=' | '=' | null;
    /** Absolute value, or the relative change in percent (−10 for `-10%`). */
    value: number | null;
    direction: 'up' | 'down' | null;
    span: Span;
}

export interface TargetIR {
    baseline: string | null;
    points: TargetPointIR[];
    tolerance: { value: number; relative: boolean } | null;
    span: Span;
}

/** A reference computed as a rate of two sums over its rows (`value sum a per 1000 sum b`). */
export interface ReferenceRateIR {
    numerator: ColumnRefIR;
    denominator: ColumnRefIR;
    scale: number;
    percent: boolean;
}

export interface ReferenceIR {
    series: string;
    source: string;
    filter: ConditionIR | null;
    /** The column read per period (the average when several rows match); with `rate`, its numerator column. */
    value: ColumnRefIR;
    /** Absent or null: the column `value`. Set: sum of the numerator over sum of the denominator × scale. */
    rate?: ReferenceRateIR | null;
    /** `in 2024`: the reference has values only in the periods that overlap this period label (a one-period table). */
    period?: string | null;
    /** The unit the reference's values are in, when declared (it must equal the indicator's unit). */
    unit?: string | null;
    span: Span;
}

/** A dated story on the trend; the report and preview read notes from `ProgramIR.notes` (see `notesFor`). */
export interface NoteIR {
    date: string;
    text: string;
    indicator: string | null;
    span: Span;
}

export interface IndicatorIR {
    name: string;
    title: string | null;
    description: string | null;
    unit: string | null;
    grain: Grain;
    desired: 'up' | 'down' | null;
    by: string[];
    value: IndicatorValueIR;
    target: TargetIR | null;
    references: ReferenceIR[];
    /**
     * Decimals of its published values and targets (`decimals N`, else the default by kind; see
     * `roundTo` in round-value.ts). Lowering always sets it; absent in hand-built IR: the default.
     */
    decimals?: number;
    span: Span;
}
