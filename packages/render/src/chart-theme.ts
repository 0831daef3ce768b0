/** Colours and sizes of a trend chart; the preview fills them from the VS Code theme. */
import type { Status } from '@monitor/ir';

/** Colours of a chart. Any CSS colour text. */
export interface ChartTheme {
    text: string;
    grid: string;
    actual: string;
    target: string;
    band: string;
    reference: string;
    note: string;
    provisional: string;
    hidden: string;
    status: Record<Status, string>;
    font: string;
}

/** Colours for a light background (reports and PNG export); readable in print. */
export const LIGHT_THEME: ChartTheme = {
    text: '#333333',
    grid: '#e0e0e0',
    actual: '#1f5fa8',
    target: '#555555',
    band: '#9e9e9e',
    reference: '#9a9a9a',
    note: '#8a5a00',
    provisional: '#c8c8c8',
    hidden: '#777777',
    status: { 'on-track': '#2e7d32', 'within-tolerance': '#b26a00', 'off-track': '#c62828', 'no-target': '#1f5fa8', 'no-data': '#777777' },
    font: 'DejaVu Sans, sans-serif',
};
