/**
 * Open demand per tier for a shortage allocation, taken from a recent period of the order
 * lines: units net of returns ordered in the last `months` months of the window, per tier,
 * rounded to whole units (never below 0).
 */
import type { DemandBase } from './demand-base.ts';
import type { TierDemand } from './allocation.ts';

export function recentDemand(base: DemandBase, tierOfRow: Int32Array, names: readonly string[], months: number): TierDemand[] {
  if (!(Number.isInteger(months) && months >= 1)) throw new Error(`invalid months: ${months} (expected a whole number of months >= 1)`);
  const from = base.months - months;
  const units = new Float64Array(names.length);
  for (let c = 0; c < base.cellQty.length; c++) {
    const row = base.pairCustomer[base.cellPair[c]];
    const t = row >= 0 ? tierOfRow[row] : -1;
    if (t >= 0 && base.cellMonth[c] >= from) units[t] += base.cellQty[c];
  }
  return names.map((tier, t) => ({ tier, demand: Math.max(0, Math.round(units[t])) }));
}
