/**
 * Scenarios side by side, for a room: segment sizes per scenario, the agreement of every pair
 * (ARI), who moves between any two (the migration matrix and the largest movers) and one PCA
 * scatter per scenario on shared axes. Built with DOM calls and `textContent` only: scenario
 * names, segment names and customer ids are data and are never parsed as HTML.
 */
import { scenarioMigration, type ScenarioComparison } from '../../analytics/scenarios/compare.ts';
import { pcaScatter } from '../charts/pca-scatter.ts';
import { formatCount, formatPercent } from '../format.ts';

export interface ComparisonViewOptions {
  readonly document: Document;
  /** Width for the small multiples together, in CSS pixels. Default 1000. */
  readonly width?: number;
  readonly presentation?: boolean;
  /** Largest movers listed under the matrix. Default 10. */
  readonly movers?: number;
}

function el<K extends keyof HTMLElementTagNameMap>(document: Document, tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function table(document: Document, caption: string, head: readonly string[], rows: readonly (readonly string[])[], className: string): HTMLTableElement {
  const t = el(document, 'table', undefined, `tb-compare-table ${className}`);
  t.append(el(document, 'caption', caption));
  const thead = el(document, 'thead');
  const tr = el(document, 'tr');
  for (const h of head) {
    const th = el(document, 'th', h);
    th.scope = 'col';
    tr.append(th);
  }
  thead.append(tr);
  const tbody = el(document, 'tbody');
  for (const row of rows) {
    const r = el(document, 'tr');
    row.forEach((cell, i) => {
      if (i === 0) {
        const th = el(document, 'th', cell);
        th.scope = 'row';
        r.append(th);
      } else r.append(el(document, 'td', cell));
    });
    tbody.append(r);
  }
  t.append(thead, tbody);
  return t;
}

const ari = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '–');

/** The migration from scenario `from` to scenario `to` (indexes into the comparison). */
export function migrationView(comparison: ScenarioComparison, from: number, to: number, options: ComparisonViewOptions): HTMLElement {
  const { document } = options;
  const m = scenarioMigration(comparison, from, to);
  const box = el(document, 'div', undefined, 'tb-migration');
  const order = m.matrix.order;
  const rows = order.map((seg, i) => [seg, ...m.matrix.customers[i].map((c) => formatCount(c))]);
  box.append(
    table(document, `Who moves: rows ${m.from}, columns ${m.to} (customers)`, [`${m.from} \u2192 ${m.to}`, ...order], rows, 'tb-migration-matrix'),
    el(
      document,
      'p',
      `${formatCount(m.movers.length)} of ${formatCount(m.matrix.compared)} customers change segment (${formatPercent(1 - m.matrix.stableShare)}).` +
        (m.matrix.entered + m.matrix.left > 0 ? ` ${formatCount(m.matrix.entered)} are in a segment only in ${m.to}, ${formatCount(m.matrix.left)} only in ${m.from}.` : ''),
      'tb-migration-summary',
    ),
  );
  const shown = m.movers.slice(0, options.movers ?? 10);
  if (shown.length > 0) {
    box.append(
      table(
        document,
        `Largest movers${m.movers.length > shown.length ? ` (${shown.length} of ${formatCount(m.movers.length)})` : ''}`,
        ['Customer', 'From', 'To', 'Revenue'],
        shown.map((mv) => [mv.id, mv.from ?? 'none', mv.to ?? 'none', mv.revenue === null ? '–' : formatCount(Math.round(mv.revenue))]),
        'tb-movers',
      ),
    );
  }
  return box;
}

/** The whole comparison: sizes, agreement, a migration chooser and the small multiples. */
export function comparisonView(comparison: ScenarioComparison, options: ComparisonViewOptions): HTMLElement {
  const { document } = options;
  const names = comparison.scenarios.map((s) => s.name);
  const root = el(document, 'section', undefined, 'tb-comparison');
  root.setAttribute('aria-label', 'Scenario comparison');

  const sizes = comparison.order.map((seg) => [
    seg,
    ...comparison.scenarios.map((s) => {
      const size = s.sizes.find((z) => z.segment === seg);
      return size ? `${formatCount(size.customers)} (${formatPercent(size.share)})` : '–';
    }),
  ]);
  const unassigned = comparison.scenarios.some((s) => s.unassigned > 0) ? [['No segment', ...comparison.scenarios.map((s) => formatCount(s.unassigned))]] : [];
  root.append(table(document, comparison.scenarios.every((s) => s.kind === 'tiers') ? 'Customers per tier' : 'Customers per segment (clusters stand in for tiers where a tiering could not run)', ['Segment', ...names], [...sizes, ...unassigned], 'tb-sizes'));

  root.append(
    table(
      document,
      'Agreement between scenarios (Adjusted Rand Index: 1 identical, about 0 chance)',
      ['Pair', 'ARI', 'Customers compared', 'Change segment'],
      comparison.pairs.map((p) => [`${names[p.a]} / ${names[p.b]}`, ari(p.ari), formatCount(p.compared), formatCount(p.moved)]),
      'tb-pairs',
    ),
  );

  // Who moves between any two: chosen with two lists; the first pair is shown at once.
  const chooser = el(document, 'div', undefined, 'tb-migration-chooser');
  const pick = (label: string, initial: number) => {
    const wrap = el(document, 'label', `${label} `);
    const select = el(document, 'select');
    names.forEach((name, i) => {
      const o = el(document, 'option', name);
      o.value = String(i);
      o.selected = i === initial;
      select.append(o);
    });
    wrap.append(select);
    chooser.append(wrap);
    return select;
  };
  const from = pick('Migration from', 0);
  const to = pick('to', 1);
  const slot = el(document, 'div', undefined, 'tb-migration-slot');
  const draw = () => slot.replaceChildren(migrationView(comparison, Number(from.value), Number(to.value), options));
  from.addEventListener('change', draw);
  to.addEventListener('change', draw);
  draw();
  root.append(chooser, slot);

  const grid = el(document, 'div', undefined, 'tb-multiples');
  const count = comparison.scatter.panels.length;
  const each = Math.max(260, Math.floor(((options.width ?? 1000) - 16 * (count - 1)) / Math.min(count, 2)));
  for (const panel of comparison.scatter.panels) {
    const fig = el(document, 'figure', undefined, 'tb-multiple');
    fig.append(el(document, 'figcaption', panel.name));
    const s = comparison.scatter;
    fig.append(
      pcaScatter(
        { x: s.x, y: s.y, labels: panel.labels, ids: s.ids, explained: s.explained },
        { document, width: each, height: Math.round(each * 0.7), xDomain: s.domain.x, yDomain: s.domain.y, presentation: options.presentation, maxPoints: s.ids.length, names: comparison.order },
      ),
    );
    grid.append(fig);
  }
  root.append(
    el(document, 'h3', `Customers in PCA space: the layout of ${comparison.scatter.base} for every scenario`),
    grid,
  );
  const notes = comparison.scenarios.flatMap((s) => s.notes);
  for (const note of notes) root.append(el(document, 'p', note, 'tb-compare-note'));
  return root;
}
