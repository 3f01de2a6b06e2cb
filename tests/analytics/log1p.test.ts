import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { log1p } from '../../src/analytics/log1p.ts';

/** Distance in units in the last place between two finite doubles of the same sign. */
function ulps(a: number, b: number): number {
  const bits = new BigInt64Array(new Float64Array([a, b]).buffer);
  const d = bits[0] - bits[1];
  return Number(d < 0n ? -d : d);
}

describe('log1p', () => {
  it('gives the special values of ln(1 + x)', () => {
    expect(Object.is(log1p(0), 0)).toBe(true);
    expect(Object.is(log1p(-0), -0)).toBe(true);
    expect(log1p(-1)).toBe(-Infinity);
    expect(log1p(-1.5)).toBeNaN();
    expect(log1p(-Infinity)).toBeNaN();
    expect(log1p(Infinity)).toBe(Infinity);
    expect(log1p(NaN)).toBeNaN();
  });

  it('is x itself for |x| below 2^-54 and x - x²/2 just above (the series)', () => {
    expect(log1p(1e-300)).toBe(1e-300);
    expect(log1p(5e-324)).toBe(5e-324);
    expect(log1p(-1e-20)).toBe(-1e-20);
    const x = 2 ** -40;
    expect(log1p(x)).toBe(x - (x * x) / 2);
  });

  it('is ln 2 at 1 and k ln 2 at 2^k - 1 (to within an ulp of the correctly rounded values)', () => {
    // ln 2 = 0.693147180559945309417..., whose nearest double is Math.LN2.
    expect(log1p(1)).toBe(Math.LN2);
    for (const k of [2, 10, 40, 100]) expect(ulps(log1p(2 ** k - 1), k * Math.LN2)).toBeLessThanOrEqual(1);
  });

  it('stays within 2 ulps of this engine’s Math.log1p (each is within 1 ulp of the true value)', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.999999, max: 1e300, noNaN: true }), (x) => {
        const ours = log1p(x);
        const theirs = Math.log1p(x);
        if (ours === 0 || theirs === 0) expect(ours).toBe(theirs);
        else expect(ulps(ours, theirs)).toBeLessThanOrEqual(2);
      }),
      { numRuns: 20_000 },
    );
  });

  it('never decreases as x grows (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.999999, max: 1e12, noNaN: true }), fc.double({ min: -0.999999, max: 1e12, noNaN: true }), (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(log1p(lo)).toBeLessThanOrEqual(log1p(hi));
      }),
      { numRuns: 20_000 },
    );
  });
});
