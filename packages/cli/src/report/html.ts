/** Building HTML as text with every piece of user text escaped. */

/** Escapes text for use in HTML content and in double-quoted attribute values. */
export function escapeHtml(text: string): string {
    return text.replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Markup that is already safe (built by `h` or escaped); plain strings passed to `h` are escaped. */
export class Html {
    constructor(readonly text: string) {}
    toString(): string {
        return this.text;
    }
}

/** A child of an element: text (escaped), safe markup, or nothing. */
export type Child = string | Html | null | undefined | false | Child[];

function render(child: Child): string {
    if (child === null || child === undefined || child === false) return '';
    if (Array.isArray(child)) return child.map(render).join('');
    return child instanceof Html ? child.text : escapeHtml(child);
}

/** One element: `h('td', { class: 'num' }, ['12'])`. Attribute values and text children are escaped. */
export function h(tag: string, attrs: Record<string, string | undefined> = {}, children: Child[] = []): Html {
    const a = Object.entries(attrs).filter(([, v]) => v !== undefined).map(([k, v]) => ` ${k}="${escapeHtml(v!)}"`).join('');
    return new Html(`<${tag}${a}>${render(children)}</${tag}>`);
}

/** Markup from a trusted producer (the SVG renderer, the report's own style sheet). */
export function raw(text: string): Html {
    return new Html(text);
}

/** Escaped text in which `code` spans (between backticks) become <code> elements. */
export function withCode(text: string): Html {
    // Markdown's two forms: `code`, and `` code with a `backtick` `` (a column name between backticks).
    let out = '';
    let at = 0;
    for (const m of text.matchAll(/`` (.*?) ``|`([^`]*)`/g)) {
        out += escapeHtml(text.slice(at, m.index)) + h('code', {}, [m[1] ?? m[2]]).text;
        at = m.index + m[0].length;
    }
    return raw(out + escapeHtml(text.slice(at)));
}
