import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { kolmogorovQ, ksAgainstSketch, ksPValue, ksTwoSample } from '../../../src/analytics/monitor/ks.ts';
import { percentileSketch } from '../../../src/analytics/monitor/distribution.ts';

describe('Kolmogorov-Smirnov', () => {
  it('finds the largest CDF gap of two small samples', () => {
    // F1 reaches 0.5 at 2 while F2 is still 0; from 3 on both climb by 0.25 per value
    expect(ksTwoSample([1, 2, 3, 4], [3, 4, 5, 6]).d).toBe(0.5);
    expect(ksTwoSample([1, 2, 3], [1, 2, 3]).d).toBe(0);
    expect(ksTwoSample([1, 2], [3, 4]).d).toBe(1);
  });

  it('uses the Kolmogorov distribution: Q(1.358) is the 5% point, Q(1.628) the 1% point', () => {
    // the classical critical values of the one-sample test in the large-sample limit
    expect(kolmogorovQ(1.3581)).toBeCloseTo(0.05, 4);
    expect(kolmogorovQ(1.6276)).toBeCloseTo(0.01, 4);
    expect(kolmogorovQ(0)).toBe(1);
    // equal samples of 1000: Ne = 500, lambda = (sqrt(500) + 0.12 + 0.11 / sqrt(500)) D
    const lambda = (Math.sqrt(500) + 0.12 + 0.11 / Math.sqrt(500)) * 0.05;
    expect(ksPValue(0.05, 1000, 1000)).toBeCloseTo(kolmogorovQ(lambda), 12);
    expect(ksPValue(0.05, 1000, 1000)).toBeGreaterThan(0.1);
    expect(ksPValue(0.1, 1000, 1000)).toBeLessThan(0.001);
  });

  it('against a percentile sketch, stays within 0.01 of the exact two-sample D', () => {
    const sample = fc.array(fc.integer({ min: -30, max: 30 }), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(sample, sample, (a, b) => {
        const exact = ksTwoSample(a, b).d;
        const sketch = ksAgainstSketch(percentileSketch(a).percentiles, a.length, b);
        expect(Math.abs(sketch.d - exact)).toBeLessThanOrEqual(0.01 + 1e-12);
      }),
    );
  });
});
