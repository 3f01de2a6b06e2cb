/**
 * The report's sections as the review notebook draws them inside the notebook page (scoped to
 * `.tb-report`; the report file has its own sheet, REPORT_CSS). A view carries it in a <style>
 * element because the cells are drawn inside the notebook's shadow root.
 */
export const REVIEW_CSS = `
.tb-report { line-height: 1.5; }
.tb-report p { margin: 8px 0; max-width: 80ch; }
.tb-report .callout { border-left: 5px solid #34495e; background: #f3f5f8; padding: 8px 12px; color: #1d2530; }
.tb-report .tone-ok { border-color: #1f6f2b; } .tb-report .tone-ok .tone-word { color: #1f6f2b; }
.tb-report .tone-warn { border-color: #8a4b00; } .tb-report .tone-warn .tone-word { color: #8a4b00; }
.tb-report .tone-error { border-color: #a3160b; } .tb-report .tone-error .tone-word { color: #a3160b; }
.tb-report code.field { display: block; font-size: 0.78em; color: #4f5865; font-weight: normal; word-break: break-all; }
.tb-report dl.facts { display: grid; grid-template-columns: minmax(160px, 30%) 1fr; margin: 8px 0; border-top: 1px solid #d5dae1; }
.tb-report .fact { display: contents; }
.tb-report dt, .tb-report dd { padding: 5px 8px; border-bottom: 1px solid #d5dae1; margin: 0; }
.tb-report dt { font-weight: 600; }
.tb-report dd { overflow-wrap: anywhere; white-space: pre-wrap; }
.tb-report small.help { display: block; color: #4f5865; white-space: normal; }
.tb-report h3 { font-size: 1.05rem; margin: 16px 0 6px; }
.tb-report .table-wrap { overflow-x: auto; margin: 10px 0; max-height: 32rem; }
.tb-report table { border-collapse: collapse; width: 100%; font-size: 0.92rem; }
.tb-report caption { text-align: left; font-weight: 600; padding: 4px 0 6px; }
.tb-report th, .tb-report td { border-bottom: 1px solid #d5dae1; padding: 4px 8px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.tb-report th { background: #f3f5f8; position: sticky; top: 0; }
.tb-report td { white-space: pre-wrap; }
.tb-report .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.tb-report .more { color: #4f5865; font-size: 0.9rem; }
.tb-report figure.chart { margin: 12px 0; }
.tb-report figure.chart svg { max-width: 100%; height: auto; }
.tb-report figcaption { color: #4f5865; font-size: 0.9rem; }
button.tb-download { margin: 8px 8px 0 0; font: inherit; padding: 6px 12px; }
`;
