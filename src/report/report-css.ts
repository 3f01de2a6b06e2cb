/**
 * The report's stylesheet: readable on screen and on a projector (relative sizes, strong
 * contrast), and printable: A4 pages, each section on a new page, tables and charts kept whole
 * where they fit, the contents list and colours that do not print well left out.
 */
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2530; --muted: #4f5865; --line: #d5dae1; --soft: #f3f5f8; --accent: #2457c5;
  --ok: #1f6f2b; --warn: #8a4b00; --error: #a3160b; --note: #34495e; }
* { box-sizing: border-box; }
html { font-size: 16px; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; line-height: 1.5; }
header, nav, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 24px; }
header { padding-top: 32px; border-bottom: 2px solid var(--ink); }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 4px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
nav ol { columns: 2; margin: 16px 0; padding-left: 1.4em; }
nav a { color: var(--accent); }
h2 { font-size: 1.45rem; margin: 40px 0 12px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.1rem; margin: 20px 0 8px; }
p { margin: 10px 0; max-width: 80ch; }
.callout { border-left: 5px solid var(--note); background: var(--soft); padding: 8px 12px; }
.tone-ok { border-color: var(--ok); } .tone-ok .tone-word { color: var(--ok); }
.tone-warn { border-color: var(--warn); } .tone-warn .tone-word { color: var(--warn); }
.tone-error { border-color: var(--error); } .tone-error .tone-word { color: var(--error); }
.tone-note .tone-word { color: var(--note); }
code.field { display: block; font-size: 0.78em; color: var(--muted); font-weight: normal; word-break: break-all; }
dl.facts { display: grid; grid-template-columns: minmax(180px, 30%) 1fr; gap: 0; margin: 8px 0; border-top: 1px solid var(--line); }
.fact { display: contents; }
dt, dd { padding: 6px 8px; border-bottom: 1px solid var(--line); margin: 0; }
dt { font-weight: 600; }
dd { overflow-wrap: anywhere; white-space: pre-wrap; }
small.help { display: block; color: var(--muted); margin-top: 2px; white-space: normal; }
.table-wrap { overflow-x: auto; margin: 12px 0; }
table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
caption { text-align: left; font-weight: 600; padding: 4px 0 6px; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--soft); }
td { white-space: pre-wrap; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.more { color: var(--muted); font-size: 0.9rem; }
figure.chart { margin: 16px 0; }
figure.chart svg { max-width: 100%; height: auto; }
figcaption { color: var(--muted); font-size: 0.9rem; }
footer { color: var(--muted); font-size: 0.85rem; padding: 32px 24px; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  html { font-size: 10.5pt; }
  nav { display: none; }
  header { padding-top: 0; }
  .report-section { break-before: page; }
  .report-section:first-of-type { break-before: auto; }
  h2, h3, caption { break-after: avoid; }
  figure.chart, dl.facts, tr, .callout { break-inside: avoid; }
  .table-wrap { overflow: visible; }
  .callout { background: none; }
  a { color: inherit; text-decoration: none; }
}
`;
