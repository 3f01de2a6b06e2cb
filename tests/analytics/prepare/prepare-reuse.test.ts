import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../../src/analytics/prepare/prepare.ts';
import { OUTLIER_POLICIES, SCALINGS, TRANSFORMS } from '../../../src/analytics/prepare/preparation-spec.ts';

// A weight drag prepares the same columns again with other weights only; the fit before the
// weights is then reused. Whatever was prepared before, the result must be the one a first
// preparation of a fresh columns object gives, value for value.
describe('prepare, again on the same columns', () => {
  const value = fc.oneof({ weight: 9, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }, { weight: 1, arbitrary: fc.constant(Number.NaN) });
  const spec = fc.record({
    transform: fc.constantFrom(...TRANSFORMS),
    scaling: fc.constantFrom(...SCALINGS),
    policy: fc.constantFrom(...OUTLIER_POLICIES),
    missing: fc.constantFrom('exclude' as const, 'median' as const),
    weights: fc.tuple(fc.double({ min: 0, max: 5, noNaN: true }), fc.double({ min: 0, max: 5, noNaN: true })),
  });
  type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;
  const specOf = (s: Spec) => ({
    features: (['a', 'b'] as const).map((name, j) => ({ name, transform: s.transform, scaling: s.scaling, weight: s.weights[j] })),
    outliers: { policy: s.policy, lower: 0.05, upper: 0.95 },
    missing: s.missing,
  });
  const attempt = (f: () => unknown) => {
    try {
      return { ok: f() };
    } catch (error) {
      return { error: String(error) };
    }
  };

  it('property: after any earlier preparation of the same columns, the same result as a fresh one', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(value, value), { minLength: 3, maxLength: 40 }), fc.array(spec, { minLength: 1, maxLength: 4 }), spec, (rows, before, last) => {
        const columns = { a: Float64Array.from(rows, (r) => r[0]), b: Float64Array.from(rows, (r) => r[1]) };
        for (const s of before) attempt(() => prepare(columns, specOf(s)));
        // the same settings but the weights, as on a drag step
        attempt(() => prepare(columns, specOf({ ...last, weights: [1, 1] })));
        const again = attempt(() => prepare(columns, specOf(last)));
        const fresh = attempt(() => prepare({ a: columns.a, b: columns.b }, specOf(last)));
        expect(again).toEqual(fresh);
      }),
      { numRuns: 300 },
    );
  });

  it('carries the new weights into the parameters and the matrix', () => {
    const columns = { a: Float64Array.of(1, 2, 3, 4), b: Float64Array.of(4, 1, 3, 2) };
    const spec = (w: number) => ({ features: [{ name: 'a', weight: w }, { name: 'b' }] });
    const one = prepare(columns, spec(1));
    const four = prepare(columns, spec(4));
    expect(four.params.features.map((f) => f.weight)).toEqual([4, 1]);
    // column × √w: the first column doubles, the second stays
    for (let i = 0; i < 4; i++) {
      expect(four.matrix.data[i * 2]).toBeCloseTo(one.matrix.data[i * 2] * 2, 12);
      expect(four.matrix.data[i * 2 + 1]).toBe(one.matrix.data[i * 2 + 1]);
    }
  });
});
