/**
 * The customers most likely to change cluster: a search box over id and cluster, the paged
 * table (`tb-table`, least confident first) and a CSV download of every one of them.
 */
import type { Mover } from '../../analytics/stability/movers.ts';
import { clusterName } from '../charts/palette.ts';
import { formatCount, formatPercent } from '../format.ts';
import { el, viewRoot, type ViewOptions } from './quality-report-view.ts';
import { searchBox } from './search-box.ts';

export interface MoversViewOptions extends ViewOptions {
  /** The id column's name, the table's first header. */
  readonly idColumn: string;
  /** Customers clustered (the share of movers is of them). */
  readonly customers: number;
  /** Called with the movers when Download CSV is pressed (the view writes no file itself). */
  readonly download: (movers: readonly Mover[]) => void;
}

const other = (c: number | null) => (c === null ? '–' : clusterName(c));

/** Movers whose id contains `query` (case-insensitive) or whose cluster or alternative is named like it ("cluster 2", "noise"). */
export function filterMovers(movers: readonly Mover[], query: string): readonly Mover[] {
  const q = query.trim().toLowerCase();
  if (q === '') return movers;
  return movers.filter(
    (m) => m.id.toLowerCase().includes(q) || clusterName(m.cluster).toLowerCase() === q || other(m.alternative).toLowerCase() === q,
  );
}

export function moversView(movers: readonly Mover[], options: MoversViewOptions): HTMLElement {
  const { document: doc, idColumn, customers, download } = options;
  const root = viewRoot(doc, 'movers', 'Customers most likely to move');
  const below = (x: number) => movers.filter((m) => m.confidence < x).length;
  root.append(
    el(
      doc,
      'p',
      undefined,
      movers.length === 0
        ? 'No customer ever left its cluster in a replicate that drew it.'
        : `${formatCount(movers.length)} of ${formatCount(customers)} customers left their cluster in at least one replicate; ${formatCount(below(0.75))} stayed in fewer than 75% of them and ${formatCount(below(0.5))} in fewer than half.`,
    ),
  );
  const { input: search, count, shown: showCount } = searchBox(doc, 'tb-movers-search', 'Customer id, or a cluster such as "Cluster 2"', 'Search the customers most likely to move');
  const button = el(doc, 'button', 'tb-movers-download', 'Download CSV');
  button.type = 'button';
  button.style.cssText = 'min-height: 32px; margin-left: 8px; font: inherit;';
  const table = doc.createElement('tb-table');
  table.columns = [
    { key: 'id', label: idColumn },
    { key: 'cluster', label: 'Cluster', format: (c) => clusterName(c as number) },
    { key: 'confidence', label: 'Confidence', format: (c) => formatPercent(c as number), align: 'right' },
    { key: 'alternative', label: 'Most likely other cluster', format: (c) => other(c as number | null) },
    { key: 'drawn', label: 'Replicates drawn', align: 'right' },
  ];
  const show = () => {
    const shown = filterMovers(movers, search.value);
    table.rows = shown;
    table.page = 0;
    showCount(shown.length, movers.length);
  };
  search.addEventListener('input', show);
  button.addEventListener('click', () => download(movers));
  show();
  table.caption = 'Least confident first: confidence = share of the replicates drawing the customer that kept it in its cluster';
  root.append(el(doc, 'p', undefined, search, button, count), table);
  return root;
}
