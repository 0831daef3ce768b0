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
    return raw(text.split('`').map((part, i) => (i % 2 === 1 ? h('code', {}, [part]).text : escapeHtml(part))).join(''));
}
