/**
 * The data-quality report as plain DOM: the row accounting, one row per rule with its example rows
 * behind a disclosure, freight imputation levels and the lineage log. Every value from the file is
 * set as text, never parsed as HTML.
 *
 * The small DOM helpers the other views share live here too (`el`, `dataTable`, `viewRoot`).
 */
import {
  EXCLUSION_REASONS,
  FLAG_KINDS,
  REPAIR_KINDS,
  type ExampleRow,
  type QualityReport,
  type RuleOutcome,
} from '../../data/quality/quality-report.ts';
import { formatCount, formatPercent } from '../format.ts';
import { tokens, type Token } from '../theme.ts';

/** What every view needs: the document to create elements in (the cell's `ViewContext` fits). */
export interface ViewOptions {
  readonly document: Document;
}

/** Anything `el` accepts as a child; strings become text nodes. */
export type Child = Node | string | number | null | undefined | false;

/** `<tag class=…>children</tag>`; strings and numbers are appended as text, falsy children skipped. */
export function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    node.append(typeof c === 'number' ? formatCount(c) : c);
  }
  return node;
}

/** One column of `dataTable`. */
export interface ViewColumn<R> {
  readonly label: string;
  readonly value: (row: R) => Child | Child[];
  /** Right-aligned, tabular figures. */
  readonly numeric?: boolean;
}

/** A header row of `th scope=col`. */
export function headerRow(
  doc: Document,
  labels: readonly { label: string; numeric?: boolean }[],
): HTMLTableSectionElement {
  return el(
    doc,
    'thead',
    undefined,
    el(
      doc,
      'tr',
      undefined,
      labels.map((c) => {
        const th = el(doc, 'th', c.numeric ? 'tb-num' : undefined, c.label);
        th.scope = 'col';
        return th;
      }),
    ),
  );
}

/** A small static table with a caption; `rowClass` marks rows (e.g. a missing required field). */
export function dataTable<R>(
  doc: Document,
  caption: string,
  columns: readonly ViewColumn<R>[],
  rows: readonly R[],
  rowClass?: (row: R) => string | undefined,
): HTMLTableElement {
  const body = el(
    doc,
    'tbody',
    undefined,
    rows.map((r) =>
      el(
        doc,
        'tr',
        rowClass?.(r),
        columns.map((c) => el(doc, 'td', c.numeric ? 'tb-num' : undefined, c.value(r))),
      ),
    ),
  );
  return el(
    doc,
    'table',
    'tb-vtable',
    caption ? el(doc, 'caption', undefined, caption) : null,
    headerRow(doc, columns),
    body,
  );
}

const t = (name: Token) => `var(--tb-${name}, ${tokens[name]})`;

/** Shared look of the views; the cell frames' shadow roots keep global CSS out, so it travels with each view. */
const CSS = `
.tb-view { font-family: ${t('font')}; color: ${t('fg')}; font-size: 14px; line-height: 1.45; max-width: 100%; }
.tb-view h3 { font-size: 1em; font-weight: 600; margin: 1.25em 0 0.4em; }
.tb-view p { margin: 0.3em 0; }
.tb-view code, .tb-mono { font-family: ${t('mono')}; font-size: 0.92em; }
.tb-headline { font-size: 1.1em; font-weight: 600; margin: 0 0 0.2em; }
.tb-muted { color: ${t('muted')}; }
.tb-small { font-size: 0.88em; }
.tb-ok { color: ${t('ok')}; }
.tb-bad { color: ${t('error')}; font-weight: 600; }
.tb-warn { color: ${t('blocked')}; }
.tb-scroll { overflow-x: auto; max-width: 100%; }
.tb-vtable { border-collapse: collapse; font-variant-numeric: tabular-nums; margin: 0.2em 0 0.6em; }
.tb-vtable caption { text-align: left; color: ${t('muted')}; font-size: 0.88em; padding-bottom: 0.3em; }
.tb-vtable th, .tb-vtable td { border-bottom: 1px solid ${t('border')}; padding: 4px 10px 4px 0; text-align: left; vertical-align: top; }
.tb-vtable th { font-weight: 600; color: ${t('muted')}; font-size: 0.88em; white-space: nowrap; }
.tb-vtable .tb-num { text-align: right; padding-left: 10px; white-space: nowrap; }
.tb-vtable tr.tb-off td { color: ${t('muted')}; }
.tb-vtable tr.tb-missing td { background: ${t('error-bg')}; }
.tb-vtable tr.tb-confirm td { background: ${t('blocked-bg')}; }
.tb-vtable.tb-examples { font-size: 0.88em; margin: 0.3em 0 0.4em; }
.tb-vtable.tb-examples td { white-space: pre; }
.tb-vtable.tb-rules { table-layout: fixed; width: 100%; }
.tb-rules col.tb-col-num { width: 9em; }
.tb-rules col.tb-col-status { width: 7.5em; }
.tb-rules .tb-num .tb-small { white-space: normal; }
.tb-badge { display: inline-block; padding: 0 6px; border-radius: 9px; font-size: 0.8em; border: 1px solid ${t('border')}; background: ${t('surface')}; white-space: nowrap; }
.tb-badge.tb-badge-ok { color: ${t('ok')}; background: ${t('ok-bg')}; border-color: transparent; }
.tb-badge.tb-badge-off { color: ${t('muted')}; }
.tb-badge.tb-badge-bad { color: ${t('error')}; background: ${t('error-bg')}; border-color: transparent; }
.tb-badge.tb-badge-warn { color: ${t('blocked')}; background: ${t('blocked-bg')}; border-color: transparent; }
.tb-view details > summary { cursor: pointer; color: ${t('accent')}; font-size: 0.88em; }
.tb-view details > summary:focus-visible { outline: 2px solid ${t('focus')}; outline-offset: 2px; }
.tb-view tr.tb-examples-row > td { border-bottom: 1px solid ${t('border')}; padding-top: 0; }
.tb-view ul { margin: 0.3em 0; padding-left: 1.3em; }
`;

/** The root of a view: `<section class="tb-view tb-{name}" aria-label=…>` with the shared `<style>`. */
export function viewRoot(doc: Document, name: string, label: string): HTMLElement {
  const root = el(doc, 'section', `tb-view tb-${name}`, el(doc, 'style', undefined, CSS));
  root.setAttribute('aria-label', label);
  return root;
}

export function badge(
  doc: Document,
  text: string,
  kind: 'ok' | 'off' | 'bad' | 'warn' | '' = '',
): HTMLSpanElement {
  return el(doc, 'span', kind ? `tb-badge tb-badge-${kind}` : 'tb-badge', text);
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;
const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
const change = (doc: Document, d: number): Child =>
  d === 0 ? el(doc, 'span', 'tb-muted', '0') : `${d < 0 ? '−' : '+'}${formatCount(Math.abs(d))}`;
const words = (kind: string) => kind.replace(/-/g, ' ');

/** Examples as a table: data row, physical line when known, then every column of the file. */
export function exampleTable(doc: Document, examples: readonly ExampleRow[], caption: string): HTMLElement {
  const keys: string[] = [];
  for (const e of examples) for (const k of Object.keys(e.values)) if (!keys.includes(k)) keys.push(k);
  const cols: ViewColumn<ExampleRow>[] = [{ label: 'Row', value: (e) => e.row, numeric: true }];
  if (examples.some((e) => e.line !== undefined))
    cols.push({ label: 'Line', value: (e) => e.line, numeric: true });
  for (const k of keys) cols.push({ label: k, value: (e) => e.values[k] ?? '' });
  const table = dataTable(doc, caption, cols, examples);
  table.classList.add('tb-examples');
  return el(doc, 'div', 'tb-scroll', table);
}

type Outcome = 'repaired' | 'excluded' | 'flagged';
const KINDS: Record<Outcome, readonly string[]> = {
  repaired: REPAIR_KINDS,
  excluded: EXCLUSION_REASONS,
  flagged: FLAG_KINDS,
};

/** A rule's count for one outcome, with a breakdown line when it stems from several reasons. */
function outcomeCell(doc: Document, rule: RuleOutcome, outcome: Outcome): Child[] {
  const parts = Object.entries(rule.detail).filter(([k, n]) => KINDS[outcome].includes(k) && n > 0);
  const total = parts.reduce((a, [, n]) => a + n, 0);
  if (total === 0) return [el(doc, 'span', 'tb-muted', '0')];
  const out: Child[] = [formatCount(total)];
  if (parts.length > 1)
    out.push(...parts.map(([k, n]) => el(doc, 'div', 'tb-muted tb-small', `${formatCount(n)} ${words(k)}`)));
  return out;
}

const RULE_COLUMNS = [
  { label: 'Rule' },
  { label: 'Repaired / routed', numeric: true },
  { label: 'Excluded', numeric: true },
  { label: 'Flagged', numeric: true },
  { label: 'Status' },
];

/** One row per rule, each followed by a full-width row with its example rows behind `<details>`. */
function rulesTable(doc: Document, rules: readonly RuleOutcome[]): HTMLElement {
  const body = el(doc, 'tbody');
  for (const rule of rules) {
    const tr = el(
      doc,
      'tr',
      rule.enabled ? 'tb-rule' : 'tb-rule tb-off',
      el(
        doc,
        'td',
        undefined,
        el(doc, 'div', 'tb-rule-title', el(doc, 'strong', undefined, rule.title)),
        el(doc, 'div', 'tb-muted tb-small', rule.description),
      ),
      (['repaired', 'excluded', 'flagged'] as const).map((o) =>
        el(doc, 'td', 'tb-num', outcomeCell(doc, rule, o)),
      ),
      el(doc, 'td', undefined, rule.enabled ? badge(doc, 'on', 'ok') : badge(doc, 'switched off', 'off')),
    );
    tr.dataset.rule = rule.id;
    body.append(tr);
    if (rule.examples.length === 0) continue;
    const more =
      rule.count > rule.examples.length
        ? ` (first ${rule.examples.length} of ${formatCount(rule.count)})`
        : '';
    const details = el(
      doc,
      'details',
      'tb-rule-examples',
      el(doc, 'summary', undefined, `${plural(rule.examples.length, 'example row')}${more}`),
      exampleTable(
        doc,
        rule.examples,
        `Example rows for ${rule.title}; row = data row (first row after the header is 1), line = line in the file`,
      ),
    );
    const td = el(doc, 'td', undefined, details);
    td.colSpan = RULE_COLUMNS.length;
    const row = el(doc, 'tr', 'tb-examples-row', td);
    row.dataset.rule = rule.id;
    body.append(row);
  }
  const table = el(
    doc,
    'table',
    'tb-vtable tb-rules',
    el(doc, 'caption', undefined, 'Quality rules, in the order they run'),
    el(
      doc,
      'colgroup',
      undefined,
      RULE_COLUMNS.map((c, i) =>
        el(doc, 'col', i === 0 ? undefined : c.numeric ? 'tb-col-num' : 'tb-col-status'),
      ),
    ),
    headerRow(doc, RULE_COLUMNS),
    body,
  );
  return el(doc, 'div', 'tb-scroll', table);
}

/** Lines per freight level and the imputed share of the freight total. */
function freightSection(doc: Document, freight: NonNullable<QualityReport['freight']>): HTMLElement[] {
  const levels = Object.entries(freight.levels);
  const total = levels.reduce((a, [, n]) => a + n, 0);
  const imputed = levels
    .filter(([k]) => k !== 'actual' && k !== 'not imputed')
    .reduce((a, [, n]) => a + n, 0);
  const unknown = freight.levels['not imputed'] ?? 0;
  const share = (n: number) => (total ? formatPercent(n / total) : '–');
  const label = (k: string) =>
    k === 'actual'
      ? 'actual cost in the file'
      : k === 'not imputed'
        ? 'not imputed (no group with enough known costs)'
        : k === 'global'
          ? 'imputed: median of all lines'
          : `imputed: median of lines with the same ${k.replace(/\+/g, ', ')}`;
  return [
    el(doc, 'h3', undefined, 'Shipping cost imputation'),
    el(
      doc,
      'p',
      'tb-freight-summary',
      `${plural(imputed, 'line')} of ${formatCount(total)} had their shipping cost imputed (${share(imputed)}); imputed costs are ${formatPercent(freight.imputedShare)} of total freight.`,
      unknown ? el(doc, 'span', 'tb-warn', ` ${plural(unknown, 'line')} could not be imputed.`) : null,
    ),
    dataTable(
      doc,
      'Kept lines by where their shipping cost comes from, most specific group first',
      [
        { label: 'Source', value: (r) => label(r[0]) },
        { label: 'Lines', value: (r) => r[1], numeric: true },
        { label: 'Share', value: (r) => share(r[1]), numeric: true },
      ],
      levels,
    ),
  ];
}

/**
 * The quality report: headline accounting with a check that kept + excluded = input, the rules
 * (expandable to example rows), freight imputation, the lineage log, notes and the as-of date.
 */
export function qualityReportView(report: QualityReport, { document: doc }: ViewOptions): HTMLElement {
  const root = viewRoot(doc, 'quality-report', `Data quality report for ${report.source}`);
  const excluded = sum(report.excluded);
  const repairs = sum(report.repaired);
  const flagged = sum(report.flagged);
  const balanced = report.keptRows + excluded === report.inputRows;
  const gap = report.inputRows - report.keptRows - excluded;
  root.append(
    el(
      doc,
      'p',
      'tb-headline',
      `${plural(report.inputRows, 'input row')}: ${formatCount(report.keptRows)} kept (${plural(repairs, 'repair')}), ${formatCount(excluded)} excluded; `,
      balanced
        ? 'every row is accounted for'
        : el(
            doc,
            'span',
            'tb-bad',
            `${plural(Math.abs(gap), 'row')} ${gap > 0 ? 'unaccounted for' : 'counted twice'}`,
          ),
    ),
    el(
      doc,
      'p',
      balanced ? 'tb-check tb-ok' : 'tb-check tb-bad',
      `${balanced ? '✓' : '✗'} ${formatCount(report.keptRows)} kept + ${formatCount(excluded)} excluded = ${formatCount(report.keptRows + excluded)}${balanced ? ' = ' : ' ≠ '}${formatCount(report.inputRows)} input rows`,
    ),
    el(
      doc,
      'p',
      'tb-muted',
      `${report.source} · kept: ${plural(report.salesRows, 'sales line')}, ${plural(report.returnRows, 'return line')} · ${plural(flagged, 'row')} flagged for review · as of ${report.asOf.date} (${report.asOf.source === 'option' ? 'set in the options' : 'from the data'})`,
    ),
  );
  const reasons = EXCLUSION_REASONS.filter((r) => report.excluded[r] > 0);
  if (reasons.length)
    root.append(
      el(
        doc,
        'p',
        'tb-excluded-reasons tb-small',
        el(doc, 'span', 'tb-muted', 'Excluded by reason: '),
        reasons.map((r) => `${formatCount(report.excluded[r])} ${words(r)}`).join(' · '),
      ),
    );
  const repairKinds = REPAIR_KINDS.filter((r) => report.repaired[r] > 0);
  if (repairKinds.length)
    root.append(
      el(
        doc,
        'p',
        'tb-small',
        el(doc, 'span', 'tb-muted', 'Repairs by kind (a row can have several; routed returns count here): '),
        repairKinds.map((r) => `${formatCount(report.repaired[r])} ${words(r)}`).join(' · '),
      ),
    );

  root.append(el(doc, 'h3', undefined, 'Rules'), rulesTable(doc, report.rules));
  if (report.freight) root.append(...freightSection(doc, report.freight));

  const titles = new Map<string, string>([
    ['read', 'Read file'],
    ...report.rules.map((r) => [r.id, r.title] as [string, string]),
  ]);
  root.append(
    el(doc, 'h3', undefined, 'Lineage'),
    dataTable(
      doc,
      'Each step with the rows going in and coming out',
      [
        { label: 'Step', value: (s) => titles.get(s.step) ?? s.step },
        { label: 'Rows in', value: (s) => s.rowsIn, numeric: true },
        { label: 'Rows out', value: (s) => s.rowsOut, numeric: true },
        { label: 'Change', value: (s) => change(doc, s.rowsOut - s.rowsIn), numeric: true },
        { label: 'Note', value: (s) => s.note ?? '' },
      ],
      report.lineage,
      (s) => (s.note === 'switched off' ? 'tb-off' : undefined),
    ),
  );
  if (report.notes.length)
    root.append(
      el(doc, 'h3', undefined, 'Notes'),
      el(
        doc,
        'ul',
        'tb-notes',
        report.notes.map((n) => el(doc, 'li', undefined, n)),
      ),
    );
  return root;
}
