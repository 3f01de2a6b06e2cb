import * as Plot from '@observablehq/plot';
import { formatCount, formatNumber } from '../format.ts';
import { chartMessage } from './k-metrics-chart.ts';

/** Two periods compared on the customers clustered in both (as in `PeriodStabilityResult.consecutive`). */
export interface PeriodAgreementRow {
  readonly from: string;
  readonly to: string;
  /** Customers clustered in both periods. */
  readonly common: number;
  /** Null with fewer than two customers in common. */
  readonly ari: number | null;
}

export interface PeriodAgreementOptions {
  /** The "good" agreement line (default 0.8), dashed. */
  readonly good?: number;
  /** In CSS pixels (default 640). */
  readonly width?: number;
  readonly document?: Document;
}

/**
 * ARI between consecutive periods as horizontal bars in time order, each labelled with its value
 * and the customers compared, with the "good" agreement line: bars falling short of it mean
 * customers change segment from one period to the next.
 */
export function periodAgreementChart(rows: readonly PeriodAgreementRow[], options: PeriodAgreementOptions = {}): SVGSVGElement | HTMLElement {
  const { document, good = 0.8, width = 640 } = options;
  const data = rows
    .filter((r) => r.ari !== null && Number.isFinite(r.ari))
    .map((r) => ({ pair: `${r.from} → ${r.to}`, ari: r.ari as number, text: `${formatNumber(Math.round((r.ari as number) * 1000) / 1000)} (${formatCount(r.common)} customers)` }));
  if (data.length === 0) return chartMessage('No two periods share enough customers to compare.', document);
  const low = Math.min(0, ...data.map((d) => d.ari));
  const longest = Math.max(...data.map((d) => d.pair.length));
  return Plot.plot({
    document,
    width,
    height: 34 * data.length + 60,
    marginLeft: Math.min(260, 16 + 7 * longest),
    marginRight: 150,
    ariaLabel: 'Agreement between consecutive periods',
    x: { domain: [low, 1], label: 'ARI between consecutive periods (customers in both)', labelArrow: 'none' },
    y: { label: null, domain: data.map((d) => d.pair) },
    marks: [
      Plot.barX(data, { x: 'ari', y: 'pair', fill: '#4e79a7', insetTop: 6, insetBottom: 6, className: 'tb-period-bars' }),
      Plot.text(data, { x: 'ari', y: 'pair', text: 'text', dx: 4, textAnchor: 'start', fill: '#1d2530' }),
      Plot.ruleX([good], { stroke: '#2e7d32', strokeDasharray: '4,3', className: 'tb-period-good' }),
      Plot.ruleX([0]),
    ],
  });
}
