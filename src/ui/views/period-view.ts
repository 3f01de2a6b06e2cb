/**
 * Stability across periods: the periods compared, the ARI between consecutive ones, and the
 * migration of customers and revenue from the first period to the last. Text set as text.
 */
import type { PeriodClustering } from '../../analytics/stability/periods.ts';
import type { PeriodTaskResult } from '../../workers/robustness-tasks.ts';
import { migrationChart } from '../charts/migration-chart.ts';
import { clusterName } from '../charts/palette.ts';
import { periodAgreementChart } from '../charts/period-agreement-chart.ts';
import { formatCount, formatPercent } from '../format.ts';
import { dataTable, el, viewRoot } from './quality-report-view.ts';
import { reclusteringText } from './robustness-views.ts';

/** A period result, or why the data cannot give one. */
export type PeriodViewData = ({ readonly needs: null } & PeriodTaskResult) | { readonly needs: 'order-lines' };

export function periodView(p: PeriodViewData, { document: doc, width }: { document: Document; width: number }): HTMLElement {
  const root = viewRoot(doc, 'periods', 'Stability across periods');
  if (p.needs !== null) {
    root.append(
      el(
        doc,
        'p',
        'tb-headline',
        'Stability across periods needs order lines: this data is a customer table, with one row per customer and no order dates to split.',
      ),
      el(doc, 'p', 'tb-muted', 'Load order lines (one row per order line, with an order date) to see whether the segments hold from one period to the next.'),
    );
    return root;
  }
  const r = p.result;
  const lines = new Map(p.periods.map((x) => [x.label, x.lines]));
  root.append(
    dataTable<PeriodClustering>(
      doc,
      `Order lines split by order date (${p.split.kind}); the preparation was fitted on ${r.reference} and frozen`,
      [
        { label: 'Period', value: (x) => x.label },
        { label: 'Order lines', value: (x) => lines.get(x.label) ?? 0, numeric: true },
        { label: 'Customers', value: (x) => x.customers, numeric: true },
        { label: 'Clustered', value: (x) => x.ids.length, numeric: true },
        { label: 'Clusters', value: (x) => x.clusters, numeric: true },
        { label: 'Noise', value: (x) => x.noise, numeric: true },
      ],
      r.periods,
    ),
  );
  root.append(periodAgreementChart(r.consecutive, { document: doc, width }));
  const m = r.migration;
  const groups = m.groups.map((g) => (g === null ? 'Absent' : clusterName(g)));
  const stayed = Number.isFinite(m.stayed) ? `${formatPercent(m.stayed)} of the customers clustered in both kept their cluster.` : 'No customer was clustered in both.';
  root.append(el(doc, 'h3', undefined, `From ${m.from} to ${m.to}`), el(doc, 'p', undefined, stayed));
  root.append(migrationChart({ groups, values: m.customers, measure: 'customers', from: m.from, to: m.to }, { document: doc }));
  if (m.revenueFrom) {
    root.append(
      el(doc, 'p', 'tb-muted', `Revenue in ${m.from} of the same customers (new customers, in the Absent row, had none then):`),
      migrationChart({ groups, values: m.revenueFrom, measure: 'revenue', from: m.from, to: m.to }, { document: doc }),
    );
  }
  const notes = [...p.issues.map((i) => i.message), ...r.issues.map((i) => i.message)];
  for (const note of notes) root.append(el(doc, 'p', 'tb-warn', `⚠ ${note}`));
  root.append(
    el(
      doc,
      'p',
      'tb-muted',
      `Clustered each of the ${formatCount(r.periods.length)} periods once: ${reclusteringText(r.settings)}, from scratch (no warm start). Cluster numbers: ${r.reference} takes those of the clusters above, the other periods are matched to ${r.reference}, each by the customers they share.`,
    ),
  );
  return root;
}
