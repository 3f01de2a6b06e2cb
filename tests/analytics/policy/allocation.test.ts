import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALLOCATION_RULES, allocateShortage } from '../../../src/analytics/policy/allocation.ts';
import { largestRemainder } from '../../../src/analytics/policy/largest-remainder.ts';

const DEMAND = [
  { tier: 'Platinum', demand: 500 },
  { tier: 'Gold', demand: 400 },
  { tier: 'Silver', demand: 300 },
];
const allocated = (rule: (typeof ALLOCATION_RULES)[number], supply = 1000, demand = DEMAND) => allocateShortage(supply, demand, rule).tiers.map((t) => t.allocated);

describe('shortage allocation', () => {
  it('strict priority: supply 1,000 over 500/400/300 gives 500/400/100', () => {
    expect(allocated('priority')).toEqual([500, 400, 100]);
  });

  it('Platinum first, then pro rata: 500 left over 400:300 gives 285.7 → 286 and 214.3 → 214', () => {
    expect(allocated('priority-prorata')).toEqual([500, 286, 214]);
  });

  it('fair share: 1,000 × 5/12, 4/12, 3/12 = 416.7, 333.3, 250 → 417/333/250 (the largest remainder gets the spare unit)', () => {
    expect(allocated('fair-share')).toEqual([417, 333, 250]);
  });

  it('reports fill rates and keeps the priority order', () => {
    const r = allocateShortage(1000, DEMAND, 'priority');
    expect(r.tiers.map((t) => t.tier)).toEqual(['Platinum', 'Gold', 'Silver']);
    expect(r.tiers.map((t) => t.fillRate)).toEqual([1, 1, 100 / 300]);
    expect(allocateShortage(10, [{ tier: 'A', demand: 0 }], 'fair-share').tiers[0].fillRate).toBeNull();
  });

  it('serves everyone in full when supply covers demand', () => {
    for (const rule of ALLOCATION_RULES) expect(allocated(rule, 5000)).toEqual([500, 400, 300]);
  });

  it('breaks exact ties towards the higher priority', () => {
    // 2 units over three equal demands: quotas 2/3 each, the first two tiers get one.
    expect(allocated('fair-share', 2, [{ tier: 'a', demand: 1 }, { tier: 'b', demand: 1 }, { tier: 'c', demand: 1 }])).toEqual([1, 1, 0]);
  });

  it('never exceeds supply or demand, and uses all supply when demand exceeds it', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e7 }),
        fc.array(fc.integer({ min: 0, max: 1e7 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(...ALLOCATION_RULES),
        (supply, demands, rule) => {
          const r = allocateShortage(supply, demands.map((demand, i) => ({ tier: `T${i}`, demand })), rule);
          const total = r.tiers.reduce((s, t) => s + t.allocated, 0);
          const asked = demands.reduce((s, d) => s + d, 0);
          expect(total).toBeLessThanOrEqual(supply);
          expect(total).toBe(Math.min(supply, asked));
          for (const t of r.tiers) {
            expect(Number.isInteger(t.allocated)).toBe(true);
            expect(t.allocated).toBeGreaterThanOrEqual(0);
            expect(t.allocated).toBeLessThanOrEqual(t.demand);
          }
        },
      ),
    );
  });

  it('refuses fractional or negative units, duplicate tiers and unknown rules', () => {
    expect(() => allocateShortage(10.5, DEMAND, 'priority')).toThrow('invalid supply: 10.5 (expected a whole number of units >= 0)');
    expect(() => allocateShortage(10, [{ tier: 'Gold', demand: -1 }], 'priority')).toThrow('invalid demand of Gold: -1');
    expect(() => allocateShortage(10, [{ tier: 'Gold', demand: 1 }, { tier: 'Gold', demand: 2 }], 'priority')).toThrow('tier "Gold" is listed twice');
    expect(() => allocateShortage(10, DEMAND, 'prorata' as never)).toThrow('invalid rule: "prorata" (expected priority, priority-prorata or fair-share)');
  });
});

describe('largestRemainder', () => {
  it('stays within one unit of each exact quota and sums to the total', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.array(fc.integer({ min: 0, max: 1e9 }), { minLength: 1, maxLength: 10 }), (total, weights) => {
        const sum = weights.reduce((s, w) => s + w, 0);
        const parts = largestRemainder(total, weights);
        if (sum === 0) {
          // (not `return expect(...)`: fast-check reads a returned false as a failed property)
          expect(parts.every((p) => p === 0)).toBe(true);
          return;
        }
        expect(parts.reduce((s, p) => s + p, 0)).toBe(total);
        // Within one unit of the exact quota total × w / sum, checked in integers (total × w
        // reaches 1e18, beyond exact doubles): |p × sum − total × w| < sum.
        parts.forEach((p, i) => {
          const gap = BigInt(p) * BigInt(sum) - BigInt(total) * BigInt(weights[i]);
          expect((gap < 0n ? -gap : gap) < BigInt(sum)).toBe(true);
        });
      }),
    );
  });
});

describe('open demand from a recent period', () => {
  it('sums net units of the last months per tier, whole and never negative', async () => {
    const { recentDemand } = await import('../../../src/analytics/policy/open-demand.ts');
    const { compactDemand } = await import('../../../src/analytics/policy/demand-base.ts');
    const base = compactDemand({
      customer: Int32Array.of(0, 0, 1, 1, 2),
      product: Int32Array.of(-1, -1, -1, -1, -1),
      products: [],
      basis: 'tier' as const,
      month: Int32Array.of(0, 2, 2, 1, 2),
      months: 3,
      firstMonth: '2024-01',
      isReturn: Uint8Array.of(0, 0, 0, 0, 1),
      qty: Float64Array.of(100, 40.4, 7, 9, -3),
      units: Float64Array.of(100, 40.4, 7, 9, 0),
      leadDays: new Float64Array(5).fill(NaN),
      unitCost: new Float64Array(5).fill(NaN),
    });
    // Last month (index 2): tier 0 has 40.4 → 40; tier 1 has 7 and the return −3 of customer 2 → 4.
    expect(recentDemand(base, Int32Array.of(0, 1, 1), ['Gold', 'Silver'], 1)).toEqual([{ tier: 'Gold', demand: 40 }, { tier: 'Silver', demand: 4 }]);
    expect(recentDemand(base, Int32Array.of(0, 1, 1), ['Gold', 'Silver'], 2)[1].demand).toBe(13);
    expect(() => recentDemand(base, Int32Array.of(0), ['Gold'], 0)).toThrow('invalid months: 0');
  });
});
