import { describe, expect, it } from 'vitest';
import { policyCostCurve } from '../../../src/analytics/policy/policy-cost.ts';
import { policyImpact } from '../../../src/analytics/policy/policy-impact.ts';
import { normalizePolicy } from '../../../src/analytics/policy/policy-spec.ts';
import { safetyStockTable } from '../../../src/analytics/policy/safety-stock-table.ts';
import { demandStreams } from '../../../src/analytics/policy/demand-streams.ts';
import { compactDemand } from '../../../src/analytics/policy/demand-base.ts';
import type { OrderHistory } from '../../../src/analytics/policy/order-history.ts';
import { customerMeasures } from '../../../src/analytics/tiers/customer-measures.ts';
import { clusterTiers } from '../../../src/analytics/tiers/cluster-tiers.ts';
import { normalizeTiering } from '../../../src/analytics/tiers/tiering-spec.ts';
import { EIGHT, LABELS, STRATEGIC } from '../tiers/fixture.ts';

const m = customerMeasures(EIGHT);
const tiering = normalizeTiering().clusters;
const sweep = [
  { k: 2, labels: Int32Array.of(0, 0, 0, 0, 0, 1, 1, -1) },
  { k: 3, labels: LABELS },
];

describe('choosing k by policy cost', () => {
  it('is the CTS of the window per year when there are no order lines, and says what it leaves out', () => {
    const c = policyCostCurve({ sweep, measures: m, strategic: STRATEGIC, tiering, policy: {}, orders: null, demand: null, orderRate: 25 });
    // CTS 2,750 over 12 months, no surcharges set: the same total for both k; the smaller k wins the tie.
    expect(c.points.map((p) => [p.k, p.total, p.carryingCost])).toEqual([[2, 2750, null], [3, 2750, null]]);
    expect(c.points[1].tiers).toEqual(['Strategic', 'Platinum', 'Gold', 'Standard']);
    expect(c.bestK).toBe(2);
    expect(c.gaps).toHaveLength(2);
  });

  it('adds consolidation savings, surcharges and the carrying cost of safety stock, scaled to a year', () => {
    const orders: OrderHistory = { customer: Int32Array.of(5, 5, 6, 0), value: Float64Array.of(10, 20, 30, 400), units: Float64Array.of(1, 2, 3, 4), week: Int32Array.of(7, 7, 7, 7) };
    const demand = compactDemand({
      customer: Int32Array.of(5, 5, 0),
      product: Int32Array.of(-1, -1, -1),
      products: [],
      basis: 'tier',
      month: Int32Array.of(0, 1, 1),
      months: 2,
      firstMonth: '2024-01',
      isReturn: Uint8Array.of(0, 0, 0),
      qty: Float64Array.of(4, 1, 3),
      units: Float64Array.of(4, 1, 3),
      leadDays: Float64Array.of(3, 5, 2),
      unitCost: Float64Array.of(2, 2, 7),
    });
    const policy = { tiers: { Standard: { minimumOrder: 25, smallOrderSurcharge: 5 } } };
    const c = policyCostCurve({ sweep: [sweep[1]], measures: m, strategic: STRATEGIC, tiering, policy, orders, demand, orderRate: 25, windowMonths: 6 });
    const t = clusterTiers(LABELS, m.netProfit, STRATEGIC, tiering);
    const p = normalizePolicy(policy, t.names);
    const impact = policyImpact({ customers: m, tier: t.tier, policy: p, orders, orderRate: 25 });
    const carrying = safetyStockTable(demandStreams(demand, t.tier, t.names.length), p).total.carryingCost;
    // Standard (customers 5, 6): one delivery day, customer 5's two orders in week 7 → 1 folded ($25); $10 and $20 < $25 → 2 × $5.
    expect([impact.ctsSaved, impact.surchargeRevenue]).toEqual([25, 10]);
    expect(carrying).toBeGreaterThan(0);
    expect(c.points[0].total).toBeCloseTo((2750 - 25 - 10) * 2 + carrying, 10);
    expect(c.gaps).toEqual([]);
  });
});
