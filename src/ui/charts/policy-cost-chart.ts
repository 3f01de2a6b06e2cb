import * as Plot from '@observablehq/plot';
import { chartMessage } from './k-metrics-chart.ts';

/** One k of `policyCostCurve(...).points`. */
export interface PolicyCostRow {
  readonly k: number;
  /** Modelled total per year: CTS after policy + carrying cost − surcharge revenue. */
  readonly total: number;
}

export interface PolicyCostChartOptions {
  readonly width?: number;
  readonly height?: number;
  readonly document?: Document;
  /** The k chosen for clustering, marked. */
  readonly selectedK?: number;
  /** What the totals leave out (from `policyCostCurve(...).gaps`), added to the caption. */
  readonly gaps?: readonly string[];
}

const money = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

/** The modelled policy cost per k, the cheapest k marked, to read next to the statistical criteria of Choosing k. */
export function policyCostChart(rows: readonly PolicyCostRow[], options: PolicyCostChartOptions = {}): SVGSVGElement | HTMLElement {
  const { width = 640, height = 260, document } = options;
  const points = rows.filter((r) => Number.isFinite(r.total));
  if (points.length === 0) return chartMessage('No policy cost to show: run the k sweep first.', document);
  const best = points.reduce((b, r) => (r.total < b.total ? r : b), points[0]);
  const caption = [`Lowest modelled cost at k = ${best.k} (${money.format(best.total)} a year).`, ...(options.gaps ?? [])].join(' ');
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 60,
    ariaLabel: 'Modelled policy cost per year for each k',
    ariaDescription: caption,
    caption,
    x: { label: 'k', labelArrow: 'none', ticks: points.map((p) => p.k), tickFormat: 'd' },
    y: { label: 'Policy cost per year', labelArrow: 'none', grid: true, nice: true, tickFormat: (v: number) => money.format(v) },
    marks: [
      ...(options.selectedK === undefined ? [] : [Plot.ruleX([options.selectedK], { stroke: '#8a8f98', strokeDasharray: '4,3', className: 'tb-cost-selected' })]),
      Plot.line(points, { x: 'k', y: 'total', stroke: '#4e79a7', strokeWidth: 2 }),
      Plot.dot(points, { x: 'k', y: 'total', fill: '#4e79a7', r: 3.5 }),
      Plot.dot([best], { x: 'k', y: 'total', r: 6, fill: '#59a14f', stroke: 'white', strokeWidth: 1.5, className: 'tb-cost-best' }),
    ],
  });
}
