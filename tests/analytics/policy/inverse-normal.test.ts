import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inverseNormal, zForServiceLevel } from '../../../src/analytics/policy/inverse-normal.ts';

/**
 * Φ(x) by the Maclaurin series of erf, summed to convergence: independent of the rational
 * approximation under test. For |x| <= 4 the largest term is below e^(x²/2) ≈ 3,000, so the
 * result keeps about 12 correct digits.
 */
function phi(x: number): number {
  const t = x / Math.SQRT2;
  let term = t;
  let sum = t;
  for (let n = 1; n < 200; n++) {
    term *= (-t * t) / n;
    const add = term / (2 * n + 1);
    sum += add;
    if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}

describe('inverseNormal (AS 241)', () => {
  it('gives the z of the usual cycle service levels to 4 decimals', () => {
    // Four-decimal values of the standard normal quantile, as printed in statistical tables and
    // returned by scipy.stats.norm.ppf (SciPy 1.17.1: 1.2815515655446004, 1.6448536269514722,
    // 1.959963984540054, 2.0537489106318225, 2.3263478740408408, 2.5758293035489004);
    // each is also checked by Φ(z) = p below with an independent Φ.
    const table: [number, string][] = [
      [0.9, '1.2816'],
      [0.95, '1.6449'],
      [0.975, '1.9600'],
      [0.98, '2.0537'],
      [0.99, '2.3263'],
      [0.995, '2.5758'],
    ];
    for (const [p, z] of table) expect(zForServiceLevel(p).toFixed(4)).toBe(z);
  });

  it('agrees with SciPy 1.17.1 norm.ppf to 1e-12 at the table levels and in both tails', () => {
    const scipy: [number, number][] = [
      [0.9, 1.2815515655446004],
      [0.975, 1.959963984540054],
      [0.99, 2.3263478740408408],
      [1e-10, -6.361340902404056],
      [0.02425, -1.972961051311885],
      [0.999999, 4.753424308817087],
    ];
    for (const [p, z] of scipy) expect(Math.abs(inverseNormal(p) - z)).toBeLessThan(1e-12);
  });

  it('inverts an independent Φ to 1e-11 over (0.0001, 0.9999)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-4, max: 1 - 1e-4, noNaN: true }), (p) => {
        expect(Math.abs(phi(inverseNormal(p)) - p)).toBeLessThan(1e-11);
      }),
    );
  });

  it('is odd around 0.5, increasing, and infinite at the ends', () => {
    expect(inverseNormal(0.5)).toBe(0);
    expect(inverseNormal(0.3)).toBeCloseTo(-inverseNormal(0.7), 14);
    expect(inverseNormal(0)).toBe(-Infinity);
    expect(inverseNormal(1)).toBe(Infinity);
    expect(inverseNormal(1.2)).toBeNaN();
    fc.assert(
      fc.property(fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), fc.double({ min: 1e-9, max: 1 - 1e-9, noNaN: true }), (a, b) => {
        if (a < b) expect(inverseNormal(a)).toBeLessThanOrEqual(inverseNormal(b));
      }),
    );
  });

  it('refuses service levels outside (0, 1) with a clear message', () => {
    expect(() => zForServiceLevel(1)).toThrow('invalid service level: 1 (expected a fraction between 0 and 1, e.g. 0.95)');
    expect(() => zForServiceLevel(95)).toThrow('invalid service level: 95');
  });
});
