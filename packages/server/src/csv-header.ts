/**
 * The columns of a real CSV file: the header names with a type guessed from the first rows, for
 * completion and the "declare column" quick fix. Reads at most 64 KB.
 */
import fs from 'node:fs';
import type { ColumnType } from '@monitor/ir';

/** A column as found in a data file. */
export interface FileColumn {
    name: string;
    type: ColumnType;
    nullable: boolean;
}

const SAMPLE_BYTES = 64 * 1024;
const SAMPLE_ROWS = 200;

function split(line: string, delimiter: string): string[] {
    const out: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
        const c = line[i];
        if (quoted) {
            if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
            else if (c === '"') quoted = false;
            else field += c;
        } else if (c === '"') quoted = true;
        else if (c === delimiter) { out.push(field); field = ''; }
        else field += c;
    }
    out.push(field);
    return out.map(f => f.trim());
}

function guess(values: string[], decimalComma: boolean): ColumnType {
    if (values.length === 0) return 'text';
    const all = (re: RegExp) => values.every(v => re.test(v));
    if (all(/^-?\d+$/)) return 'integer';
    if (all(decimalComma ? /^-?\d+(,\d+)?$/ : /^-?\d+(\.\d+)?$/)) return 'decimal';
    if (all(/^\d{4}-\d{2}-\d{2}$/)) return 'date';
    if (all(/^(true|false)$/i)) return 'boolean';
    return 'text';
}

/** Reads the header and guesses types; undefined when the file cannot be read. */
export function readCsvColumns(file: string, options: { delimiter?: string; decimalComma?: boolean; nulls?: string[] } = {}): FileColumn[] | undefined {
    let text: string;
    try {
        const fd = fs.openSync(file, 'r');
        try {
            const buffer = Buffer.alloc(SAMPLE_BYTES);
            const n = fs.readSync(fd, buffer, 0, SAMPLE_BYTES, 0);
            text = buffer.subarray(0, n).toString('utf8').replace(/^\uFEFF/, '');
        } finally {
            fs.closeSync(fd);
        }
    } catch {
        return undefined;
    }
    const lines = text.split(/\r?\n/);
    if (text.length === SAMPLE_BYTES) lines.pop(); // the last line may be cut off
    const header = lines[0] ?? '';
    const delimiter = options.delimiter ?? (header.includes(';') && !header.includes(',') ? ';' : ',');
    const names = split(header, delimiter);
    const rows = lines.slice(1, SAMPLE_ROWS + 1).filter(l => l.length > 0).map(l => split(l, delimiter));
    const nulls = new Set(['', ...(options.nulls ?? [])]);
    return names.filter(n => n.length > 0).map((name, i) => {
        const values = rows.map(r => r[i] ?? '');
        const present = values.filter(v => !nulls.has(v));
        return { name, type: guess(present, options.decimalComma ?? false), nullable: present.length < values.length };
    });
}
