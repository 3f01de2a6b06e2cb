/**
 * The customers a new config moves to a lower tier, for review: a search box over id, tiers and
 * breakdown groups, the paged table (`tb-table`, largest revenue first) and a CSV download of every
 * one of them. Ids, tier names and group values are set as text, never parsed as HTML.
 */
import type { DowngradedCustomer, DowngradeImpact } from '../../analytics/monitor/downgrade-impact.ts';
import { formatCount } from '../format.ts';
import { el, viewRoot, type ViewOptions } from './quality-report-view.ts';
import { searchBox } from './search-box.ts';

export interface DowngradedViewOptions extends ViewOptions {
  /** The id column's name, the table's first header. */
  readonly idColumn: string;
  /** Called when "Download downgraded customers (CSV)" is pressed (the view writes no file itself); absent, no button. */
  readonly download?: () => void;
}

/** Customers whose id contains `query` (case-insensitive), or whose old or new tier or a group value is named like it. */
export function filterDowngraded(customers: readonly DowngradedCustomer[], query: string): readonly DowngradedCustomer[] {
  const q = query.trim().toLowerCase();
  if (q === '') return customers;
  const named = (s: string) => s.toLowerCase() === q;
  return customers.filter((d) => d.id.toLowerCase().includes(q) || named(d.from) || named(d.to) || Object.values(d.groups).some(named));
}

const money = (x: unknown) => formatCount(Math.round(x as number));

export function downgradedView(impact: DowngradeImpact, options: DowngradedViewOptions): HTMLElement {
  const { document: doc, idColumn, download } = options;
  const customers = impact.downgraded;
  const attributes = impact.breakdown.map((b) => b.attribute);
  const root = viewRoot(doc, 'downgraded', 'Downgraded customers');
  const { input: search, count, shown: showCount } = searchBox(doc, 'tb-downgraded-search', 'Customer id, a tier or a region', 'Search the downgraded customers', '22em');
  let button: HTMLButtonElement | null = null;
  if (download) {
    button = el(doc, 'button', 'tb-downgraded-download', 'Download downgraded customers (CSV)');
    button.type = 'button';
    button.style.cssText = 'min-height: 32px; margin-left: 8px; font: inherit;';
    button.addEventListener('click', download);
  }
  const table = doc.createElement('tb-table');
  table.columns = [
    { key: 'id', label: idColumn },
    { key: 'from', label: 'Old tier' },
    { key: 'to', label: 'New tier' },
    { key: 'revenue', label: 'Revenue', format: money, align: 'right' },
    { key: 'grossMargin', label: 'Gross margin', format: money, align: 'right' },
    ...attributes.map((a, i) => ({ key: `g${i}`, label: a })),
  ];
  // flat rows, so every column sorts; group values under g0, g1… (an attribute may be named "id")
  const row = (d: DowngradedCustomer) => ({ id: d.id, from: d.from, to: d.to, revenue: d.revenue, grossMargin: d.grossMargin, ...Object.fromEntries(attributes.map((a, i) => [`g${i}`, d.groups[a] ?? ''])) });
  const show = () => {
    const shown = filterDowngraded(customers, search.value);
    table.rows = shown.map(row);
    table.page = 0;
    showCount(shown.length, customers.length);
  };
  search.addEventListener('input', show);
  show();
  table.caption = `Downgraded customers, for review: ${formatCount(customers.length)}, largest revenue first`;
  root.append(el(doc, 'p', undefined, search, button, count), table);
  return root;
}
