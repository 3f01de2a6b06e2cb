import { describe, expect, it } from 'vitest';
import { recentDemandByTier } from '../../../src/analytics/policy/recent-demand.ts';
import type { DemandBase } from '../../../src/analytics/policy/demand-base.ts';

// Three customers (rows 0, 1, 2), one product each, over three months from 2024-11.
const base = {
  products: [],
  basis: 'tier',
  months: 3,
  firstMonth: '2024-11',
  pairCustomer: Int32Array.of(0, 1, 2),
  cellPair: Int32Array.of(0, 0, 1, 1, 2),
  cellMonth: Int32Array.of(0, 2, 1, 2, 2),
  cellQty: Float64Array.of(100, 7, 50, 5.6, -3),
} as unknown as DemandBase;

describe('recentDemandByTier', () => {
  it('sums the last month per tier, in the order asked, negatives (net returns) floored at 0', () => {
    // rows 0 and 1 are tier 0 (Gold), row 2 tier 1 (Silver): Gold = 7 + 5.6 = 12.6 -> 13; Silver = -3 -> 0
    const r = recentDemandByTier(base, Int32Array.of(0, 0, 1), ['Gold', 'Silver'], [1, 0]);
    expect(r).toEqual({ tiers: [{ tier: 'Silver', demand: 0 }, { tier: 'Gold', demand: 13 }], period: '2025-01' });
  });

  it('takes a longer period when asked, and refuses a period that is not whole months', () => {
    // months 1 and 2: Gold = 7 + 50 + 5.6 = 62.6 -> 63
    expect(recentDemandByTier(base, Int32Array.of(0, 0, 1), ['Gold', 'Silver'], [0], 2)).toEqual({ tiers: [{ tier: 'Gold', demand: 63 }], period: '2024-12 to 2025-01' });
    expect(() => recentDemandByTier(base, Int32Array.of(0, 0, 1), ['Gold'], [0], 0.5)).toThrow('invalid months: 0.5');
  });
});
