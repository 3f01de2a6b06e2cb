import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quintileScores } from '../../../src/analytics/tiers/rfm.ts';

/** The definition, counted directly: 1 + ⌊5 × (known values strictly smaller) / (known values)⌋, 0 when unknown. */
function byDefinition(values: readonly number[]): number[] {
  const known = values.filter((v) => Number.isFinite(v));
  return values.map((v) => (Number.isFinite(v) ? Math.min(5, 1 + Math.floor((5 * known.filter((w) => w < v).length) / known.length)) : 0));
}

describe('quintile scores', () => {
  it('follow the definition for any values, ties, -0, NaN and infinities included (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, 1, 2, NaN, Infinity, -Infinity), fc.integer({ min: -3, max: 3 })), { maxLength: 200 }), (xs) => {
        expect(Array.from(quintileScores(xs))).toEqual(byDefinition(xs));
      }),
      { numRuns: 500 },
    );
  });
});
