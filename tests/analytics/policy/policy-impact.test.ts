import { describe, expect, it } from 'vitest';
import { policyImpact } from '../../../src/analytics/policy/policy-impact.ts';
import { normalizePolicy } from '../../../src/analytics/policy/policy-spec.ts';
import { servedTiers } from '../../../src/analytics/policy/parent-rule.ts';
import { weekOfDay, type OrderHistory } from '../../../src/analytics/policy/order-history.ts';

/**
 * Customer 0 is Platinum (5 delivery days), customer 1 Standard (1 delivery day, minimum order
 * $250, $15 surcharge below it, CTS allowance 10 % of revenue).
 * Customer 1 orders $50, $300 and $100 in week 100 and $20 in week 101; customer 0 orders
 * $1,000 and $40 in week 100.
 */
const customers = {
  n: 2,
  revenue: Float64Array.of(5000, 1000),
  grossMargin: Float64Array.of(1500, 300),
  cts: Float64Array.of(400, 300),
  orders: Float64Array.of(2, 4),
};
const orders: OrderHistory = {
  customer: Int32Array.of(1, 1, 1, 1, 0, 0),
  value: Float64Array.of(50, 300, 100, 20, 1000, 40),
  units: Float64Array.of(5, 30, 10, 2, 100, 4),
  week: Int32Array.of(100, 100, 100, 101, 100, 100),
};
const policy = normalizePolicy({ tiers: { Standard: { minimumOrder: 250, smallOrderSurcharge: 15, ctsAllowancePct: 10 } } }, ['Platinum', 'Standard']);
const tier = Int32Array.of(0, 1);

describe('policy impact', () => {
  const r = policyImpact({ customers, tier, policy, orders, orderRate: 25 });
  const [platinum, standard] = r.tiers;

  it('consolidates a week’s orders onto the delivery days and saves the order rate per folded order', () => {
    // Week 100: 3 orders on 1 delivery day → 2 folded; week 101: 1 order → none.
    expect(standard.ordersConsolidated.value).toBe(2);
    expect(standard.ctsSaved.value).toBe(50);
    expect(standard.ctsSaved.assumption).toBe('Each folded order saves the order-handling rate of $25; lines and freight are unchanged.');
    expect(platinum.ordersConsolidated.value).toBe(0);
    expect(standard.ctsAfter).toBe(250);
  });

  it('counts small orders and surcharge revenue from the actual history', () => {
    // $50, $100 and $20 are below $250: 3 × $15 = $45.
    expect(standard.ordersBelowMinimum.value).toBe(3);
    expect(standard.smallOrderRevenue.value).toBe(45);
    expect(standard.smallOrderRevenue.assumption).toBe('Every order below $250 pays $15 (3 of 4 orders in the history); customers keep ordering as they did.');
    // CTS allowance: max(0, 300 − 10 % × 1,000) = 200.
    expect(standard.ctsAllowanceRevenue.value).toBe(200);
    expect(standard.surchargeRevenue).toBe(245);
    expect(platinum.smallOrderRevenue.assumption).toBe('No small-order surcharge set.');
  });

  it('gives the break-even order value per tier: CTS per order / GM %', () => {
    // Standard: (300 / 4) / 30 % = 250; Platinum: (400 / 2) / 30 % = 666.67.
    expect(standard.breakEvenOrderValue.value).toBeCloseTo(250, 10);
    expect(platinum.breakEvenOrderValue.value).toBeCloseTo(2000 / 3, 10);
    expect(standard.breakEvenOrderValue.assumption).toBe('CTS per order $75 / GM 30.0%: an order below it does not pay for serving it.');
  });

  it('totals the tiers', () => {
    expect([r.ctsBefore, r.ctsSaved, r.ctsAfter, r.surchargeRevenue, r.fromOrderHistory]).toEqual([700, 50, 650, 245, true]);
  });

  it('states what needs order lines for a customer table, and still computes the rest', () => {
    const t = policyImpact({ customers, tier, policy, orders: null, orderRate: 25 });
    expect(t.tiers[1].ctsSaved).toEqual({ value: null, assumption: 'Needs order lines: a customer table has no order history.' });
    expect(t.tiers[1].ctsAllowanceRevenue.value).toBe(200);
    expect(t.fromOrderHistory).toBe(false);
  });

  it('numbers weeks from Monday', () => {
    // 1970-01-05 (day 4) was the first Monday; day 3 a Sunday.
    expect([weekOfDay(3), weekOfDay(4), weekOfDay(10), weekOfDay(11)]).toEqual([0, 1, 1, 2]);
  });
});

describe('parent-account rule', () => {
  const names = ['Platinum', 'Gold', 'Silver'];
  // Customer 1 (Silver) and customer 2 (Gold) have customer 0 (Platinum) as parent; 3 (Platinum) has 2 (Gold).
  const tier = Int32Array.of(0, 2, 1, 0);
  const parent = Int32Array.of(-1, 0, 0, 2);

  it('keeps the own tier by default', () => {
    expect(servedTiers(tier, parent, normalizePolicy({}, names))).toEqual({ tier, moved: 0 });
  });

  it('takes the parent’s tier or the higher one, by the rule of the customer’s own tier', () => {
    const p = normalizePolicy({ tiers: { Silver: { parentRule: 'parent' }, Platinum: { parentRule: 'parent' }, Gold: { parentRule: 'higher' } } }, names);
    // 1: Silver, rule parent → Platinum; 2: Gold, higher of Gold and Platinum → Platinum; 3: Platinum, rule parent → Gold.
    expect([...servedTiers(tier, parent, p).tier]).toEqual([0, 0, 0, 1]);
    const higher = normalizePolicy({ tiers: { Platinum: { parentRule: 'higher' } } }, names);
    expect(servedTiers(tier, parent, higher).tier[3]).toBe(0);
  });
});
