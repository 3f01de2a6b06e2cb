/** What every tiering produces: named tiers, best first, and the tier of each customer. */
import type { AnalyticsIssue } from '../issues.ts';
import type { TieringMethod } from './tiering-spec.ts';

export interface Tiering {
  readonly method: TieringMethod;
  /** Tier names, best first (the order of service priority by default). */
  readonly names: readonly string[];
  /** Tier of each customer: an index into `names`, or -1 when the customer has no tier (see `issues`). */
  readonly tier: Int32Array;
  /** Customers per tier, parallel to `names`. */
  readonly counts: readonly number[];
  /** Customers without a tier. */
  readonly unassigned: number;
  readonly issues: readonly AnalyticsIssue[];
}

/** Customers per tier and without one. */
export function tierCounts(tier: Int32Array, tiers: number): { counts: number[]; unassigned: number } {
  const counts = new Array<number>(tiers).fill(0);
  let unassigned = 0;
  for (const t of tier) {
    if (t >= 0) counts[t]++;
    else unassigned++;
  }
  return { counts, unassigned };
}

/** The tier name of each customer ('' without a tier). */
export function tierLabels(t: Pick<Tiering, 'names' | 'tier'>): string[] {
  return Array.from(t.tier, (i) => (i >= 0 ? t.names[i] : ''));
}
