/**
 * The preview app: receives the host's updates, computes with DuckDB-WASM (through `PreviewSession`),
 * or draws the rows the language server computed on PostgreSQL for a monitor of database tables (the
 * page never connects to a database), and keeps the cards in place between updates, so scroll
 * position, focus and choices survive. A line under the status says which engine computed what it shows.
 */
import type { ProgramIR, ResultRow } from '@monitor/ir';
import { isHostMessage, type HostMessage, type PreviewLang, type ServerProblem, type UpdateMessage, type WebviewMessage } from '@monitor/protocol';
import type { BrowserDuckDBAssets, DataIssue } from '@monitor/engine/browser';
import { chartHeading } from '@monitor/render';
import { exportContent } from './chart-exports.js';
import { el } from './dom.js';
import { renderCard } from './indicator-card.js';
import { renderOverview } from './overview-strip.js';
import { PreviewSession } from './preview-session.js';
import { fill, texts } from './texts.js';
import { themeColors } from './theme-colors.js';

/** The part of VS Code's webview API the app uses. */
export interface WebviewApi {
    postMessage(message: WebviewMessage): void;
    getState(): unknown;
    setState(state: unknown): void;
}

/** Choices that survive recomputation and a hidden panel; `uri` lets VS Code restore the panel after a reload. */
interface Choices { breakdown: Record<string, string | null>; table: Record<string, boolean>; uri?: string }

/** Starts the app in `root`; it asks the host for the state with a `ready` message. */
export function startPreviewApp(root: HTMLElement, api: WebviewApi, assets: BrowserDuckDBAssets): void {
    const session = new PreviewSession(assets);
    const saved = api.getState() as Partial<Choices> | undefined;
    const choices: Choices = { breakdown: { ...saved?.breakdown }, table: { ...saved?.table }, uri: saved?.uri };
    let lang: PreviewLang = 'en';
    /** The result shown, and who computed it: DuckDB-WASM here, or PostgreSQL on the language server. */
    let lastGood: { program: ProgramIR; rows: ResultRow[]; engine: 'wasm' | 'postgres' } | null = null;
    let pending: UpdateMessage | null = null;
    let running = false;
    let vegaEditor = false;
    /** The indicator a Preview lens asked for, until its card is drawn. */
    let scrollTarget: string | null = null;
    const disposers = new Map<string, () => void>();

    const status = el('p', { class: 'status-line', role: 'status', 'aria-live': 'polite' });
    const engineLine = el('p', { class: 'engine-line', hidden: true });
    const banner = el('div', { class: 'banner', role: 'alert', hidden: true });
    const overview = el('nav', { class: 'overview', 'aria-label': texts(lang).overview });
    const cards = el('main', { class: 'cards' });
    root.replaceChildren(banner, status, engineLine, overview, cards);

    const showBanner = (lines: string[]) => {
        banner.hidden = lines.length === 0;
        banner.replaceChildren(...lines.map(l => el('p', {}, [l])));
    };
    const issueText = (i: DataIssue) => (lang === 'nl' ? `${i.source}: ${i.messageNl} ${i.hintNl}` : `${i.source}: ${i.message} ${i.hint}`);
    const problemText = (p: ServerProblem) => fill(texts(lang).problemAt, p.line, p.message);
    const showEngine = () => {
        engineLine.hidden = lastGood === null;
        engineLine.dataset.engine = lastGood?.engine ?? '';
        engineLine.textContent = lastGood ? (lastGood.engine === 'postgres' ? texts(lang).engineServer : texts(lang).engineWasm) : '';
    };

    async function draw(program: ProgramIR, rows: ResultRow[]): Promise<void> {
        const t = texts(lang);
        const active = document.activeElement as HTMLElement | null;
        const focusCard = active?.closest('section.card')?.id;
        const focusKey = active?.getAttribute('data-key');
        // The first card in view is the anchor: after the redraw it stands where it stood, even when a card above changed height.
        const anchor = [...cards.querySelectorAll<HTMLElement>('section.card')].find(c => c.getBoundingClientRect().bottom > 0);
        const anchorTop = anchor?.getBoundingClientRect().top;
        renderOverview(overview, program.indicators, rows, lang);
        keepBelowStrip();
        overview.setAttribute('aria-label', t.overview);
        const wanted = program.indicators.map(i => `indicator-${i.name}`);
        for (const section of [...cards.querySelectorAll<HTMLElement>('section.card')]) {
            if (!wanted.includes(section.id)) { disposers.get(section.id)?.(); disposers.delete(section.id); section.remove(); }
        }
        if (program.indicators.length === 0) cards.replaceChildren(el('p', {}, [t.noIndicators]));
        const theme = themeColors();
        for (const [index, indicator] of program.indicators.entries()) {
            const id = `indicator-${indicator.name}`;
            let section = document.getElementById(id);
            if (!section) section = el('section', { class: 'card', id, 'aria-label': indicator.title ?? indicator.name });
            if (cards.children[index] !== section) cards.insertBefore(section, cards.children[index] ?? null);
            disposers.get(id)?.();
            const breakdown = indicator.by.includes(choices.breakdown[indicator.name] ?? '') ? choices.breakdown[indicator.name] ?? null : null;
            disposers.set(id, await renderCard(section, indicator, rows, {
                lang, theme, breakdown, notes: program.notes,
                showTable: choices.table[indicator.name] === true, vegaEditor,
                onBreakdown: (name, value) => { choices.breakdown[name] = value; remember(); redraw(); },
                onTable: (name, show) => { choices.table[name] = show; remember(); redraw(); },
                onReveal: (name) => api.postMessage({ type: 'reveal', indicator: name }),
                heading: (i, by) => chartHeading(program, i, rows, lang, by),
                onExport: (name, format, specFor, own) => {
                    exportContent(format, specFor, own, lang, [indicator])
                        .then(content => api.postMessage({ type: 'export', indicator: name, format, content }))
                        .catch(error => api.postMessage({ type: 'error', message: String(error).slice(0, 4000) }));
                },
            }));
        }
        if (anchor?.isConnected && anchorTop !== undefined) window.scrollBy(0, anchor.getBoundingClientRect().top - anchorTop);
        if (focusCard && focusKey) document.getElementById(focusCard)?.querySelector<HTMLElement>(`[data-key="${focusKey}"]`)?.focus({ preventScroll: true });
        scrollToTarget();
    }

    /** Scrolls to the asked-for card the way its overview chip does, once the card exists. */
    function scrollToTarget(): void {
        const chip = scrollTarget ? overview.querySelector<HTMLElement>(`[data-key="overview-${scrollTarget}"]`) : null;
        if (!chip) return;
        scrollTarget = null;
        chip.click();
    }

    /** A card scrolled into view stops below the sticky overview strip, whatever its height (`scroll-margin-top`). */
    function keepBelowStrip(): void {
        document.documentElement.style.setProperty('--strip-height', `${Math.ceil(overview.getBoundingClientRect().height)}px`);
    }

    const remember = () => api.setState(choices);
    const redraw = () => { if (lastGood) void draw(lastGood.program, lastGood.rows); };

    /**
     * Shows the rows the server computed, or (none) the server's reasons as a banner over the last
     * result. No rows and no reason: the server is computing (the host posts this before it asks, and
     * when the server skipped a version that changed meanwhile); the status line says so until rows come.
     */
    async function showServerRows(update: UpdateMessage & { server: NonNullable<UpdateMessage['server']> }, program: ProgramIR, started: number): Promise<void> {
        const { rows, problems } = update.server;
        const t = texts(lang);
        if (rows === null) {
            if (problems.some(p => p.severity === 'error')) showBanner([t.serverFailed, ...problems.map(problemText)]);
            else status.textContent = t.serverComputing;
            return;
        }
        status.textContent = '';
        showBanner(problems.map(problemText));
        lastGood = { program, rows, engine: update.server.engine };
        showEngine();
        await draw(program, rows);
        api.postMessage({ type: 'rendered', indicators: program.indicators.length, rows: rows.length, millis: performance.now() - started });
    }

    async function pump(): Promise<void> {
        if (running) return;
        running = true;
        try {
            while (pending) {
                const update = pending;
                pending = null;
                const program = update.program as ProgramIR;
                const t = texts(lang);
                const started = performance.now();
                status.textContent = t.loading;
                try {
                    if (update.server) {
                        status.textContent = '';
                        await showServerRows({ ...update, server: update.server }, program, started);
                        continue;
                    }
                    const result = await session.compute(program);
                    const errors = result.issues.filter(i => i.severity === 'error');
                    const unreadable = update.unreadable.map(u => `${u.source}: ${u.reason}`);
                    if (errors.length > 0) {
                        showBanner([t.dataIssues, ...unreadable, ...errors.map(issueText)]);
                    } else {
                        showBanner([...unreadable, ...result.issues.map(issueText)]);
                        lastGood = { program, rows: result.rows, engine: 'wasm' };
                        showEngine();
                        await draw(program, result.rows);
                        api.postMessage({ type: 'rendered', indicators: program.indicators.length, rows: result.rows.length, millis: performance.now() - started });
                    }
                } catch (error) {
                    showBanner([fill(t.failed, error instanceof Error ? error.message : String(error))]);
                    api.postMessage({ type: 'error', message: String(error).slice(0, 4000) });
                }
                status.textContent = '';
            }
        } finally {
            running = false;
        }
    }

    function receive(message: HostMessage): void {
        if (message.type === 'scroll') {
            scrollTarget = message.indicator;
            scrollToTarget();
            return;
        }
        lang = message.lang;
        document.documentElement.lang = lang;
        showEngine();
        const t = texts(lang);
        if (message.type === 'untrusted') {
            showBanner([t.untrusted]);
            return;
        }
        vegaEditor = message.vegaEditor === true;
        if (choices.uri !== message.uri) { choices.uri = message.uri; remember(); }
        // Files first: a skipped intermediate update must not lose the bytes it carried.
        session.updateFiles(message.files);
        if (message.program === null) {
            const p = message.problem;
            const text = p ? fill(lastGood ? t.errorBanner : t.errorNoResult, p.line, p.message) : '';
            showBanner(text ? [text] : []);
            return;
        }
        pending = message;
        void pump();
    }

    window.addEventListener('message', (event: MessageEvent) => {
        if (isHostMessage(event.data)) receive(event.data);
        else api.postMessage({ type: 'error', message: 'The preview received a message it does not understand.' });
    });
    let resizeTimer: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => { keepBelowStrip(); clearTimeout(resizeTimer); resizeTimer = setTimeout(redraw, 250); });
    // VS Code switches the theme by changing the body's class: redraw the charts in the new colours.
    new MutationObserver(redraw).observe(document.body, { attributes: true, attributeFilter: ['class'] });
    api.postMessage({ type: 'ready' });
}
