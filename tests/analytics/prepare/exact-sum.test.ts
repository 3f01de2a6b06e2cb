import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactSum } from '../../../src/analytics/prepare/exact-sum.ts';

describe('exactSum (correctly rounded, order-free)', () => {
  it('keeps what a running sum loses', () => {
    // 1e16 + 1 rounds back to 1e16 in doubles; the exact total of the three is 1.
    expect(exactSum([1e16, 1, -1e16])).toBe(1);
    // Ten 0.1s: a running sum gives 0.9999999999999999; the exact sum of the ten doubles rounds to 1.
    expect(exactSum(Array(10).fill(0.1))).toBe(1);
    // Large terms cancel exactly, leaving the tiny one.
    expect(exactSum([1e100, 1, -1e100, 1e-100, 1e50, -1, -1e50])).toBe(1e-100);
    expect(exactSum([])).toBe(0);
  });

  it('rounds half to even when the lower partials decide', () => {
    // 2^53 + 1 is halfway between 2^53 and 2^53 + 2: ties to even gives 2^53; a further
    // 2^-60 above the tie rounds up to 2^53 + 2.
    const two53 = 2 ** 53;
    expect(exactSum([two53, 1])).toBe(two53);
    expect(exactSum([two53, 1, 2 ** -60])).toBe(two53 + 2);
    expect(exactSum([two53, 1, -(2 ** -60)])).toBe(two53);
  });

  it('equals the plain sum where that is exact (small integers), in any order (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1e6, max: 1e6 }), { maxLength: 200 }), (xs) => {
        expect(exactSum(xs)).toBe(xs.reduce((a, b) => a + b, 0));
      }),
    );
  });

  it('does not depend on the order of the values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 100 }),
        fc.integer({ min: 0, max: 1e6 }),
        (xs, seed) => {
          const shuffled = [...xs];
          let s = seed;
          for (let i = shuffled.length - 1; i > 0; i--) {
            s = (s * 1103515245 + 12345) % 2 ** 31;
            const j = s % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
          }
          expect(exactSum(shuffled)).toBe(exactSum(xs));
          expect(exactSum([...xs].reverse())).toBe(exactSum(xs));
        },
      ),
    );
  });

  it('gives the IEEE result for infinities and NaN', () => {
    expect(exactSum([1, Infinity])).toBe(Infinity);
    expect(exactSum([Infinity, -Infinity])).toBeNaN();
    expect(exactSum([1, NaN])).toBeNaN();
  });
});
