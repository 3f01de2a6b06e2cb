/**
 * Shortage allocation (available-to-promise by tier priority). Supply and demand are whole
 * units; pro-rata shares are rounded by largest remainder (see `largest-remainder.ts`), so the
 * allocations always sum to exactly the supply used.
 *
 * - `priority`: each tier in priority order gets all it asks while supply lasts.
 * - `priority-prorata`: the first tier gets all it asks; the rest share what is left pro rata
 *   to their demand.
 * - `fair-share`: every tier gets a share pro rata to its demand, no priority.
 */
import { keyword } from '../keyword.ts';
import { largestRemainder } from './largest-remainder.ts';

export const ALLOCATION_RULES = ['priority', 'priority-prorata', 'fair-share'] as const;
export type AllocationRule = (typeof ALLOCATION_RULES)[number];

/** Open demand of one tier. */
export interface TierDemand {
  readonly tier: string;
  /** Units asked, a whole number >= 0. */
  readonly demand: number;
}

export interface TierAllocation {
  readonly tier: string;
  readonly demand: number;
  /** Units allocated, whole, <= demand. */
  readonly allocated: number;
  /** allocated / demand; null when nothing was asked. */
  readonly fillRate: number | null;
}

export interface Allocation {
  readonly rule: AllocationRule;
  readonly supply: number;
  /** In priority order (the order given). */
  readonly tiers: TierAllocation[];
}

function wholeUnits(name: string, value: number): number {
  if (!(Number.isSafeInteger(value) && value >= 0)) throw new Error(`invalid ${name}: ${value} (expected a whole number of units >= 0)`);
  return value;
}

/** Pro rata to demand, never above demand (everyone is served in full when supply covers all). */
function proRata(supply: number, demands: readonly number[]): number[] {
  const total = demands.reduce((s, d) => s + d, 0);
  return supply >= total ? [...demands] : largestRemainder(supply, demands);
}

/** Allocates `supply` over `demands` (highest priority first) by `rule`. */
export function allocateShortage(supply: number, demands: readonly TierDemand[], rule: AllocationRule): Allocation {
  const r = keyword('rule', rule, ALLOCATION_RULES);
  wholeUnits('supply', supply);
  const seen = new Set<string>();
  for (const d of demands) {
    wholeUnits(`demand of ${d.tier}`, d.demand);
    if (seen.has(d.tier)) throw new Error(`invalid demand: tier "${d.tier}" is listed twice`);
    seen.add(d.tier);
  }
  const asked = demands.map((d) => d.demand);
  let allocated: number[];
  if (r === 'fair-share') allocated = proRata(supply, asked);
  else if (r === 'priority') {
    let left = supply;
    allocated = asked.map((d) => {
      const a = Math.min(d, left);
      left -= a;
      return a;
    });
  } else {
    const first = Math.min(asked[0] ?? 0, supply);
    allocated = asked.length === 0 ? [] : [first, ...proRata(supply - first, asked.slice(1))];
  }
  return {
    rule: r,
    supply,
    tiers: demands.map((d, i) => ({ tier: d.tier, demand: d.demand, allocated: allocated[i], fillRate: d.demand > 0 ? allocated[i] / d.demand : null })),
  };
}
