/**
 * `renderPng` (entry `@monitor/render/png`, Node only): SVG from `renderSvg`, rasterised by resvg with
 * explicitly loaded fonts and no system fonts, so the same spec gives the same pixels on every machine
 * that has the same font files.
 */
import fs from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { TopLevelSpec } from 'vega-lite';
import { renderSvg } from './render-svg.js';

/** Font files used when none are given: DejaVu Sans regular and bold (Debian `fonts-dejavu-core`). */
export const DEFAULT_FONT_FILES = [
    '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
    '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

/** How to rasterise. */
export interface PngOptions {
    /** Font files (regular and bold); the first one's family is the default family. */
    fontFiles?: string[];
    fontFamily?: string;
    /** Pixels per SVG unit. */
    scale?: number;
}

/** Renders a vega-lite spec to PNG bytes. Throws a clear error when a font file is missing. */
export async function renderPng(spec: TopLevelSpec, options: PngOptions = {}): Promise<Uint8Array> {
    const fontFiles = options.fontFiles ?? DEFAULT_FONT_FILES;
    const missing = fontFiles.filter(f => !fs.existsSync(f));
    if (missing.length) throw new Error(`Font file not found: ${missing.join(', ')}. Pass fontFiles, or install fonts-dejavu-core.`);
    const family = options.fontFamily ?? 'DejaVu Sans';
    const svg = await renderSvg(spec);
    const resvg = new Resvg(svg, {
        font: { loadSystemFonts: false, fontFiles, defaultFontFamily: family, sansSerifFamily: family },
        fitTo: { mode: 'zoom', value: options.scale ?? 2 },
        background: 'white',
    });
    return resvg.render().asPng();
}
