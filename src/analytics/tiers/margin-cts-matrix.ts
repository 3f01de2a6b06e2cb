/**
 * The margin x cost-to-serve matrix: GM % against CTS % per customer (bubble = revenue), cut
 * into four zones at a GM % and a CTS % cut-off (medians by default):
 *
 * | zone | GM % | CTS % | action |
 * | --- | --- | --- | --- |
 * | Protect | >= cut | <= cut | celebrate: keep the service, defend the account |
 * | Fix CTS | >= cut | > cut | maintain: keep the margin, take cost out of serving |
 * | Build | < cut | <= cut | invest: cheap to serve, grow net sales |
 * | Danger | < cut | > cut | divest or re-engineer: change how they are served or charge the cost |
 */
import { median } from '../prepare/quantile.ts';
import type { CustomerMeasures } from './customer-measures.ts';
import type { Cut } from './tiering-spec.ts';

export const ZONES = ['protect', 'fix-cts', 'build', 'danger'] as const;
export type Zone = (typeof ZONES)[number];

/** Label and action of each zone, for charts and tables. */
export const ZONE_INFO: Readonly<Record<Zone, { readonly label: string; readonly action: string }>> = {
  protect: { label: 'Protect', action: 'Celebrate: keep the service, defend the account' },
  'fix-cts': { label: 'Fix CTS', action: 'Maintain: keep the margin, take cost out of serving' },
  build: { label: 'Build', action: 'Invest: cheap to serve, grow net sales' },
  danger: { label: 'Danger', action: 'Re-engineer or divest: minimum orders, surcharges, channel shift' },
};

export interface ZoneSummary {
  readonly zone: Zone;
  readonly customers: number;
  readonly revenue: number;
  readonly netProfit: number;
}

export interface MarginCtsMatrix {
  /** GM % cut-off used, percent (a median resolved to its value). */
  readonly gmCut: number;
  /** CTS % cut-off used, percent. */
  readonly ctsCut: number;
  /** Per customer, parallel to the table. */
  readonly gmPct: Float64Array;
  readonly ctsPct: Float64Array;
  readonly revenue: Float64Array;
  /** Index into `ZONES`; -1 when GM % or CTS % is unknown. */
  readonly zone: Int8Array;
  /** Per zone, in `ZONES` order. */
  readonly zones: readonly ZoneSummary[];
  /** Customers left off the matrix for an unknown GM % or CTS %. */
  readonly unplaced: number;
}

/** Zone index of one customer (-1 when a coordinate is unknown). */
export function zoneOf(gmPct: number, ctsPct: number, gmCut: number, ctsCut: number): number {
  if (Number.isNaN(gmPct) || Number.isNaN(ctsPct)) return -1;
  const highMargin = gmPct >= gmCut;
  const lowCost = ctsPct <= ctsCut;
  return highMargin ? (lowCost ? 0 : 1) : lowCost ? 2 : 3;
}

export function marginCtsMatrix(m: CustomerMeasures, cuts: { readonly gmCut: Cut; readonly ctsCut: Cut }): MarginCtsMatrix {
  const gmCut = cuts.gmCut === 'median' ? median(m.gmPct) : cuts.gmCut;
  const ctsCut = cuts.ctsCut === 'median' ? median(m.ctsPct) : cuts.ctsCut;
  const zone = new Int8Array(m.n);
  const zones = ZONES.map((z) => ({ zone: z, customers: 0, revenue: 0, netProfit: 0 }));
  let unplaced = 0;
  for (let i = 0; i < m.n; i++) {
    const z = zoneOf(m.gmPct[i], m.ctsPct[i], gmCut, ctsCut);
    zone[i] = z;
    if (z < 0) {
      unplaced++;
      continue;
    }
    zones[z].customers++;
    if (Number.isFinite(m.revenue[i])) zones[z].revenue += m.revenue[i];
    if (Number.isFinite(m.netProfit[i])) zones[z].netProfit += m.netProfit[i];
  }
  return { gmCut, ctsCut, gmPct: m.gmPct, ctsPct: m.ctsPct, revenue: m.revenue, zone, zones, unplaced };
}
