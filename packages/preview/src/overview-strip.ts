/** The overview strip: every indicator with its status at a glance; a click scrolls to its card. */
import type { IndicatorIR, ResultRow } from '@monitor/ir';
import type { PreviewLang } from '@monitor/protocol';
import { indicatorSummary, statusLabel } from '@monitor/render';
import { el } from './dom.js';
import { texts } from './texts.js';

/** Fills the strip with one button per indicator. */
export function renderOverview(root: HTMLElement, indicators: IndicatorIR[], rows: ResultRow[], lang: PreviewLang): void {
    const items = indicators.map(indicator => {
        const status = indicatorSummary(indicator, rows, lang).status;
        const button = el('button', { type: 'button', class: 'overview-item', 'data-key': `overview-${indicator.name}`, 'data-status': status }, [
            el('span', { class: `dot status-${status}`, 'aria-hidden': 'true' }),
            el('span', { class: 'overview-name' }, [indicator.title ?? indicator.name]),
            el('span', { class: 'overview-status' }, [statusLabel(status, lang)]),
        ]);
        button.addEventListener('click', () => {
            const card = document.getElementById(`indicator-${indicator.name}`);
            // The card's scroll-margin-top (the strip's height) keeps its title below the sticky strip.
            card?.scrollIntoView({ block: 'start' });
            card?.querySelector<HTMLElement>('.title-link')?.focus({ preventScroll: true });
        });
        return el('li', {}, [button]);
    });
    root.replaceChildren(el('h2', { class: 'visually-hidden' }, [texts(lang).overview]), el('ul', {}, items));
}
