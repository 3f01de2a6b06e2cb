import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { binOf, binShares, decileEdges, percentileSketch, sketchCdf } from '../../../src/analytics/monitor/distribution.ts';

describe('reference distributions', () => {
  it('takes percentiles as the inverse empirical CDF (type 1) and decile edges from them', () => {
    const s = percentileSketch(Float64Array.from([5, 1, 4, 2, 3, 6, 10, 8, 9, 7, NaN]));
    expect(s.count).toBe(10);
    expect(s.missing).toBe(1);
    expect(s.percentiles).toHaveLength(101);
    // 10 values: the p-percentile is the ceil(10 p)-th smallest; 0% is the minimum
    expect(s.percentiles[0]).toBe(1);
    expect(s.percentiles[10]).toBe(1);
    expect(s.percentiles[11]).toBe(2);
    expect(s.percentiles[50]).toBe(5);
    expect(s.percentiles[51]).toBe(6);
    expect(s.percentiles[100]).toBe(10);
    expect(decileEdges(s.percentiles)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('puts a value equal to an edge in the lower bin', () => {
    const edges = [1, 2, 3];
    expect([0, 1, 1.5, 2, 2.0001, 3, 4].map((v) => binOf(v, edges))).toEqual([0, 0, 1, 1, 2, 2, 3]);
    const b = binShares([1, 2, 3, 4, NaN], edges);
    expect(b.counts).toEqual([1, 1, 1, 1]);
    expect(b.shares).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(b.count).toBe(4);
  });

  it('collapses repeated edges of a feature with many equal values', () => {
    const values = [...new Array(60).fill(0), ...Array.from({ length: 40 }, (_, i) => i + 1)];
    const s = percentileSketch(values);
    const edges = decileEdges(s.percentiles);
    // 60 zeros: the 10%..60% deciles are all 0; then the 70th value (10), 80th (20), 90th (30)
    expect(edges).toEqual([0, 10, 20, 30]);
    expect(binShares(values, edges).shares).toEqual([0.6, 0.1, 0.1, 0.1, 0.1]);
  });

  it('rebuilds the CDF within 0.01 of the empirical one, from the left and at each value', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 400 }), fc.integer({ min: -60, max: 60 }), (values, x) => {
        const { percentiles } = percentileSketch(values);
        const at = values.filter((v) => v <= x).length / values.length;
        const below = values.filter((v) => v < x).length / values.length;
        expect(Math.abs(sketchCdf(percentiles, x) - at)).toBeLessThanOrEqual(0.01 + 1e-12);
        expect(Math.abs(sketchCdf(percentiles, x, true) - below)).toBeLessThanOrEqual(0.01 + 1e-12);
      }),
    );
  });
});
