/** A readable table per monitor for `npm start`: each indicator's latest value, change and status. */
import { escapeControl } from './diagnostic.js';
import { indicatorDecimals, isTotalRow, roundTo, type ProgramIR, type ResultRow, type Status } from '@monitor/ir';

const STATUS_TEXT: Record<Status, string> = {
    'on-track': 'on track',
    'within-tolerance': 'within tolerance',
    'off-track': 'off track',
    'no-target': 'no target',
    'no-data': 'no data',
};

/** A number with the indicator's decimals, by the one rounding rule of every output (`roundTo`). */
function formatNumber(value: number | null, decimals: number): string {
    if (value === null) return '—';
    return roundTo(value, decimals).toFixed(decimals);
}

function pad(text: string, width: number): string {
    return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

/** The total rows (no breakdown values) of the monitor's own series for one indicator, in period order. */
function totals(rows: ResultRow[], indicator: string): ResultRow[] {
    return rows.filter(r => r.indicator === indicator && r.series === 'actual'
        && isTotalRow(r));
}

/** One line per indicator: latest period with a value, the value, change vs the period before, status. */
export function summaryTable(program: ProgramIR, rows: ResultRow[]): string {
    const header = ['indicator', 'latest', 'value', 'change', 'status', 'trend'];
    const lines: string[][] = [header];
    for (const indicator of program.indicators) {
        const series = totals(rows, indicator.name);
        const withValue = series.filter(r => r.value !== null);
        const latest = withValue.at(-1);
        const previous = withValue.at(-2);
        const change = latest && previous ? latest.value! - previous.value! : null;
        const unit = indicator.value.kind === 'rate' ? (indicator.value.percent ? ' %' : ` per ${indicator.value.scale}`) : '';
        lines.push([
            indicator.name,
            latest?.period ?? '—',
            latest ? formatNumber(latest.value, indicatorDecimals(indicator)) + unit : '—',
            change === null ? '—' : (change > 0 ? '+' : '') + formatNumber(change, indicatorDecimals(indicator)),
            latest ? STATUS_TEXT[latest.status] : 'no data',
            sparkline(withValue.slice(-12).map(r => r.value!)),
        ]);
    }
    const widths = header.map((_, i) => Math.max(...lines.map(l => escapeControl(l[i]).length)));
    // Control characters escaped like every text output, so no cell starts a line of its own.
    return lines.map(l => l.map((c, i) => pad(escapeControl(c), widths[i])).join('  ').trimEnd()).join('\n');
}

/** A small text chart of the last values. */
function sparkline(values: number[]): string {
    if (values.length === 0) return '';
    const bars = '▁▂▃▄▅▆▇█';
    const min = Math.min(...values);
    const max = Math.max(...values);
    return values.map(v => bars[max === min ? 3 : Math.round(((v - min) / (max - min)) * 7)]).join('');
}
