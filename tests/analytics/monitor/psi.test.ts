import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PSI_EPSILON, psi, psiBand, segmentShares } from '../../../src/analytics/monitor/psi.ts';

describe('psi', () => {
  it('reproduces the tier-share examples: 0.071 (stable) and 0.211 (moderate)', () => {
    const before = [0.1, 0.2, 0.3, 0.4];
    // (0.05-0.10)ln(0.5) + (0.15-0.20)ln(0.75) + 0 + (0.50-0.40)ln(1.25) = 0.034657 + 0.014384 + 0 + 0.022314
    const a = psi(before, [0.05, 0.15, 0.3, 0.5]);
    expect(a).toBeCloseTo(0.071356, 6);
    expect(psiBand(a)).toBe('stable');
    // (−0.06)ln(0.4) + (−0.10)ln(0.5) + (−0.04)ln(0.26/0.30) + 0.20 ln(1.5) = 0.054977 + 0.069315 + 0.005724 + 0.081093
    const b = psi(before, [0.04, 0.1, 0.26, 0.6]);
    expect(b).toBeCloseTo(0.211109, 6);
    expect(psiBand(b)).toBe('moderate');
    expect(psiBand(0.25)).toBe('significant');
    expect(psiBand(0.0999)).toBe('stable');
  });

  it('replaces a zero share by epsilon = 1e-4 (without renormalising)', () => {
    // (0.5 − 1e-4) ln(0.5 / 1e-4) + (0.5 − 1) ln(0.5)
    expect(psi([0, 1], [0.5, 0.5])).toBeCloseTo((0.5 - PSI_EPSILON) * Math.log(0.5 / PSI_EPSILON) + -0.5 * Math.log(0.5), 12);
    expect(psi([0, 1], [0, 1])).toBe(0);
    expect(() => psi([0.5, 0.5], [1])).toThrow('invalid shares: 2 baseline bins but 1 current bins');
  });

  it('is zero for equal shares and positive otherwise (a symmetric KL divergence)', () => {
    const shares = fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 12 }).map((c) => {
      const t = c.reduce((s, x) => s + x, 0);
      return c.map((x) => x / t);
    });
    fc.assert(
      fc.property(shares, fc.integer({ min: 0, max: 1000 }), (e, seed) => {
        expect(psi(e, e)).toBe(0);
        const a = e.map((x, i) => x * (1 + ((seed + i * 7) % 5) / 10));
        const t = a.reduce((s, x) => s + x, 0);
        const p = psi(e, a.map((x) => x / t));
        expect(p).toBeGreaterThanOrEqual(-1e-15);
        expect(psi(a.map((x) => x / t), e)).toBeCloseTo(p, 12);
      }),
    );
  });

  it('gives segment shares over a fixed order, missing segments as 0', () => {
    expect(segmentShares(new Map([['Gold', 1], ['Silver', 3]]), ['Platinum', 'Gold', 'Silver'])).toEqual([0, 0.25, 0.75]);
  });
});
