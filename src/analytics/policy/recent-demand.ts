/**
 * Open demand per tier from a recent period of the order data: the units net of returns the
 * customers of each tier ordered in the last `months` months of the window, as the default
 * demand of a shortage allocation (what the tiers would ask for in a month like the last one).
 */
import type { DemandBase } from './demand-base.ts';
import type { TierDemand } from './allocation.ts';

export interface RecentDemand {
  /** Demand per tier in `order` (whole units, never negative; tiers with none included). */
  readonly tiers: TierDemand[];
  /** The period, `YYYY-MM` to `YYYY-MM` (one month: that month). */
  readonly period: string;
}

function monthLabel(first: string, offset: number): string {
  const [y, m] = first.split('-').map(Number);
  const t = y * 12 + (m - 1) + offset;
  return `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
}

/**
 * `tierOfRow`: the tier index of each customer-table row (-1 = none); `order`: tier indexes in
 * the order wanted (e.g. by shortage priority); `names`: tier names by index.
 */
export function recentDemandByTier(base: DemandBase, tierOfRow: Int32Array, names: readonly string[], order: readonly number[], months = 1): RecentDemand {
  if (!(Number.isInteger(months) && months >= 1)) throw new Error(`invalid months: ${months} (expected a whole number >= 1)`);
  const from = Math.max(0, base.months - months);
  const sum = new Float64Array(names.length);
  for (let c = 0; c < base.cellQty.length; c++) {
    if (base.cellMonth[c] < from) continue;
    const row = base.pairCustomer[base.cellPair[c]];
    const t = row >= 0 ? tierOfRow[row] : -1;
    if (t >= 0) sum[t] += base.cellQty[c];
  }
  const last = base.months - 1;
  const period = from === last ? monthLabel(base.firstMonth, last) : `${monthLabel(base.firstMonth, from)} to ${monthLabel(base.firstMonth, last)}`;
  return { tiers: order.map((t) => ({ tier: names[t], demand: Math.max(0, Math.round(sum[t])) })), period };
}
