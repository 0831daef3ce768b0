/**
 * The plain name for a name written between backticks where only a plain name fits: accents dropped,
 * other characters as '_', a leading digit guarded ('`wijk 2022`' → 'wijk_2022', '`wmö`' → 'wmo').
 */
export function plainName(quoted: string): string {
    const inner = quoted.startsWith('`') && quoted.endsWith('`') ? quoted.slice(1, -1) : quoted;
    return inner.normalize('NFD').replace(/[\u0300-\u036f]/g, '')
        .replace(/\W+/g, '_').replace(/^_+|_+$/g, '').replace(/^(\d)/, '_$1') || 'naam';
}
