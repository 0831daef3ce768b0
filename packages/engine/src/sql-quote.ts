/** Quoting for the SQL the engine writes itself (the compiler has its own for plans). */

/** Quotes an identifier: wraps it in double quotes and doubles any inner `"`. */
export function quoteIdent(name: string): string {
    return `"${name.replaceAll('"', '""')}"`;
}

/** Quotes a text literal: wraps it in single quotes and doubles any inner `'`. */
export function quoteLiteral(text: string): string {
    return `'${text.replaceAll("'", "''")}'`;
}
