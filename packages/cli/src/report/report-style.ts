/** The report's style sheet: inline in a <style>, light, readable on screen and in print. */
import { LIGHT_THEME } from '@monitor/render';
import type { Status } from '@monitor/ir';

const STATUS_CSS = (Object.entries(LIGHT_THEME.status) as [Status, string][])
    .map(([status, colour]) => `.status-${status}{background:${colour}}`).join('\n');

/** The CSS of every report (no web fonts, no external resources). */
export const REPORT_CSS = `
*{box-sizing:border-box}
body{margin:0 auto;max-width:62rem;padding:1.5rem;font:15px/1.45 "DejaVu Sans",system-ui,sans-serif;color:#222;background:#fff}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.3rem;margin:2.5rem 0 .5rem;border-bottom:2px solid #ddd;padding-bottom:.25rem}
h3{font-size:1.1rem;margin:0}
.meta,.privacy,.legend,footer{color:#555;font-size:.9rem}
table{border-collapse:collapse;font-size:.85rem}
th,td{padding:.2rem .6rem;border-bottom:1px solid #e4e4e4;text-align:left}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.suppressed td.num{color:#666;font-style:italic}
.overview td a{color:inherit}
.overview td.period{white-space:nowrap}
.badge{display:inline-block;color:#fff;border-radius:.8rem;padding:.05rem .6rem;font-size:.8rem;font-weight:bold;white-space:nowrap}
${STATUS_CSS}
section.indicator{border:1px solid #ddd;border-radius:6px;padding:1rem 1.25rem;margin:1.25rem 0;break-inside:avoid-page}
section.indicator>header{display:flex;gap:.75rem;align-items:center;justify-content:space-between}
.headline{margin:.4rem 0}
.headline .value{font-size:1.5rem;font-weight:bold}
.headline .change{margin-left:1rem;color:#555}
figure.chart{margin:.75rem 0}
figure.chart svg{max-width:100%;height:auto}
figcaption{font-weight:bold;font-size:.9rem}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:.5rem 0}
dl.facts dt{font-weight:bold}
dl.facts dd{margin:0;grid-column:2}
ul.notes{margin:0;padding-left:1.1rem}
code{font-size:.85em;background:#f3f3f3;padding:0 .2rem;border-radius:3px}
details.table{margin:.5rem 0}
summary{cursor:pointer;color:#1f5fa8}
@media print{summary{color:#222}body{max-width:none}}
`.trim();
