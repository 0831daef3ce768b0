/** Safe SQL text: every identifier and literal that reaches DuckDB goes through these functions. */
import { isValidDate, type LiteralIR } from '@monitor/ir';

/** An error in planning that validation should have reported first; carries a readable message. */
export class PlanError extends Error {
    constructor(message: string) {
        super(message);
        this.name = 'PlanError';
    }
}

/** Quotes an identifier for DuckDB: wraps it in double quotes and doubles any inner `"`. */
export function quoteIdent(name: string): string {
    if (name.includes('\0')) throw new PlanError(`The name ${JSON.stringify(name)} contains a NUL character.`);
    return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a text literal for DuckDB: wraps it in single quotes and doubles any inner `'`. */
export function quoteLiteral(text: string): string {
    if (text.includes('\0')) throw new PlanError(`The text ${JSON.stringify(text)} contains a NUL character.`);
    return `'${text.replaceAll("'", "''")}'`;
}

/** A finite number as SQL text; anything else (NaN, Infinity, non-numbers) is refused. */
export function sqlNumber(value: number): string {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
        throw new PlanError(`The number ${String(value)} is not a finite number.`);
    }
    return String(value);
}

/** A non-negative whole number as SQL text (day counts, minimum counts). */
export function sqlInteger(value: number): string {
    if (!Number.isSafeInteger(value)) throw new PlanError(`The number ${String(value)} is not a whole number.`);
    return String(value);
}

/** An ISO calendar date as a DuckDB `DATE` literal; invalid dates are refused. */
export function sqlDate(iso: string): string {
    if (!isValidDate(iso)) throw new PlanError(`The date ${JSON.stringify(iso)} is not a valid ISO date.`);
    return `DATE ${quoteLiteral(iso)}`;
}

/** Any IR literal as SQL text. */
export function sqlLiteral(literal: LiteralIR): string {
    switch (literal.kind) {
        case 'text': return quoteLiteral(literal.value);
        case 'number': return sqlNumber(literal.value);
        case 'date': return sqlDate(literal.value);
        case 'boolean': return literal.value ? 'TRUE' : 'FALSE';
    }
}
