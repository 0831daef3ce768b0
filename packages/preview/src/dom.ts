/** A tiny element builder: text always goes in as text nodes, never as HTML. */

type Attrs = Record<string, string | boolean | undefined>;

/** Creates an element with attributes (false/undefined: left out) and children (strings become text). */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, children: (Node | string | null)[] = []): HTMLElementTagNameMap[K] {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs)) {
        if (value === undefined || value === false) continue;
        node.setAttribute(name, value === true ? '' : value);
    }
    for (const child of children) if (child !== null) node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return node;
}
