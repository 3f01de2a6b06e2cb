/**
 * Open demand per tier for a shortage allocation, taken from a recent period of the order
 * lines: units net of returns ordered in the last `months` months of the window, per tier,
 * rounded to whole units (never below 0).
 */
import type { DemandBase } from './demand-streams.ts';
import type { TierDemand } from './allocation.ts';

export function recentDemand(base: DemandBase, tierOfRow: Int32Array, names: readonly string[], months: number): TierDemand[] {
  if (!(Number.isInteger(months) && months >= 1)) throw new Error(`invalid months: ${months} (expected a whole number of months >= 1)`);
  const from = base.months - months;
  const units = new Float64Array(names.length);
  for (let i = 0; i < base.qty.length; i++) {
    const row = base.customer[i];
    const t = row >= 0 ? tierOfRow[row] : -1;
    if (t >= 0 && base.month[i] >= from) units[t] += base.qty[i];
  }
  return names.map((tier, t) => ({ tier, demand: Math.max(0, Math.round(units[t])) }));
}
