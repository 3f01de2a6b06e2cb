import * as Plot from '@observablehq/plot';
import type { GroupKpis, TierKpi } from '../../analytics/tiers/tier-kpis.ts';
import { chartMessage } from './k-metrics-chart.ts';

/** The KPIs a heatmap can show, with how their values read. */
export const HEATMAP_KPIS = {
  ctsPct: { label: 'CTS % of revenue', format: (v: number) => `${v.toFixed(1)}%`, scheme: 'OrRd' },
  gmPct: { label: 'Gross margin %', format: (v: number) => `${v.toFixed(1)}%`, scheme: 'Greens' },
  ctsDifferential: { label: 'CTS differential vs company (points)', format: (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(v).toFixed(1)}`, scheme: 'RdBu' },
  revenueShare: { label: 'Share of the group’s revenue', format: (v: number) => `${Math.round(v * 100)}%`, scheme: 'Blues' },
  onTimeRate: { label: 'On-time rate', format: (v: number) => `${Math.round(v * 100)}%`, scheme: 'Greens' },
} as const;
export type HeatmapKpi = keyof typeof HEATMAP_KPIS;

export interface TierKpiHeatmapOptions {
  readonly kpi?: HeatmapKpi;
  /** What the columns are, e.g. "Region" or "Product line". */
  readonly groupTitle?: string;
  readonly width?: number;
  readonly height?: number;
  readonly document?: Document;
}

interface Cell {
  readonly tier: string;
  readonly group: string;
  readonly value: number;
  readonly customers: number;
}

/**
 * Tier KPIs by group (region, product line) as a heatmap: tiers down, groups across, each cell
 * coloured by the KPI and labelled with its value in large type (so no colour ramp is needed), readable on a projector. Cells
 * without customers are left blank.
 */
export function tierKpiHeatmap(groups: readonly GroupKpis[], tiers: readonly string[], options: TierKpiHeatmapOptions = {}): SVGSVGElement | HTMLElement {
  const kpi = options.kpi ?? 'ctsPct';
  const info = HEATMAP_KPIS[kpi];
  const { document } = options;
  const cells: Cell[] = [];
  for (const g of groups) {
    for (const t of g.tiers) {
      const v = (t as TierKpi)[kpi];
      if (t.customers > 0 && Number.isFinite(v)) cells.push({ tier: t.tier, group: g.group, value: v, customers: t.customers });
    }
  }
  if (cells.length === 0) return chartMessage('No tier KPIs to break down.', document);
  const columns = groups.map((g) => g.group);
  const rows = [...tiers, ...(cells.some((c) => !tiers.includes(c.tier)) ? [...new Set(cells.map((c) => c.tier).filter((t) => !tiers.includes(t)))] : [])];
  const { width = Math.max(360, 110 + 96 * columns.length), height = 70 + 44 * rows.length } = options;
  const caption = `${info.label} per tier and ${(options.groupTitle ?? 'group').toLowerCase()}; blank: no customers.`;
  return Plot.plot({
    document,
    width,
    height,
    marginLeft: 100,
    marginTop: 36,
    padding: 0.04,
    ariaLabel: `${info.label} per tier and ${options.groupTitle ?? 'group'}`,
    ariaDescription: caption,
    caption,
    x: { label: options.groupTitle ?? null, domain: columns, axis: 'top', tickSize: 0 },
    y: { label: null, domain: rows, tickSize: 0 },
    color: { type: kpi === 'ctsDifferential' ? 'diverging' : 'linear', scheme: info.scheme, reverse: kpi === 'ctsDifferential' },
    marks: [
      Plot.cell(cells, { x: 'group', y: 'tier', fill: 'value', className: 'tb-kpi-cell' }),
      Plot.text(cells, { x: 'group', y: 'tier', text: (c: Cell) => info.format(c.value), fontSize: 15, fontWeight: 'bold', fill: 'black', stroke: 'white', strokeWidth: 3, className: 'tb-kpi-label' }),
    ],
  });
}
