import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { demandCv, monthlySpread } from '../../../src/analytics/tiers/demand-variability.ts';
import { abcClasses, DEFAULT_ABC_CUTS } from '../../../src/analytics/tiers/abc.ts';
import { demandStreams } from '../../../src/analytics/policy/demand-streams.ts';
import { compactDemand } from '../../../src/analytics/policy/demand-base.ts';
import { loadSampleOrders, SMALL_SAMPLE_ORDERS_SPEC } from '../../../src/data/synthetic/sample-orders.ts';
import { buildCustomerFeatures } from '../../../src/data/features/customer-features.ts';
import { rowOfCustomerCode } from '../../../src/data/features/customer-rows.ts';
import { demandLines } from '../../../src/data/features/demand-base.ts';

describe('one definition of demand variability', () => {
  it('is the sample standard deviation (n − 1) of every month of the window, zero months included', () => {
    // [10, 0, 15]: mean 25/3; ((5/3)² + (25/3)² + (20/3)²) / 2 = 1050/18.
    const s = monthlySpread(Float64Array.of(99, 10, 0, 15), 1, 3);
    expect(s.mean).toBeCloseTo(25 / 3, 12);
    expect(s.sd).toBeCloseTo(Math.sqrt(1050 / 18), 12);
    expect(demandCv(s)).toBeCloseTo(Math.sqrt(1050 / 18) / (25 / 3), 12);
    expect(monthlySpread([4], 0, 1).sd).toBeNaN();
    expect(demandCv({ mean: 0, sd: 1 })).toBeNaN();
  });

  it('gives the customer features the CV the demand streams of safety stock see (the small sample)', async () => {
    const { lines } = await loadSampleOrders({}, SMALL_SAMPLE_ORDERS_SPEC);
    const f = buildCustomerFeatures(lines);
    const rows = rowOfCustomerCode(lines, f.ids);
    // Every customer its own tier, no products: one stream per customer.
    const base = compactDemand(demandLines({ ...lines, productLine: undefined }, rows));
    const streams = demandStreams(base, Int32Array.from(f.ids, (_, i) => i), f.rowCount);
    expect(streams.months).toBe(f.months);
    let compared = 0;
    for (const s of streams.streams) {
      const cv = f.columns.demand_cv[s.tier];
      if (Number.isNaN(cv)) continue;
      expect(s.sdMonthlyDemand / s.meanMonthlyDemand).toBeCloseTo(cv, 9);
      compared++;
    }
    expect(compared).toBeGreaterThan(400);
  });
});

describe('one ABC', () => {
  it('defaults to 70/25/5 and never lets a later customer into a better class', () => {
    expect(DEFAULT_ABC_CUTS).toEqual([0.7, 0.95]);
    fc.assert(
      fc.property(fc.array(fc.double({ min: -100, max: 1000, noNaN: true }), { minLength: 1, maxLength: 40 }), (values) => {
        const classes = abcClasses(values);
        const order = values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
        const rank = { A: 0, B: 1, C: 2, '': 3 };
        for (let k = 1; k < order.length; k++) expect(rank[classes[order[k]]]).toBeGreaterThanOrEqual(rank[classes[order[k - 1]]]);
        values.forEach((v, i) => v <= 0 && expect(classes[i]).toBe('C'));
      }),
    );
  });
});
