/**
 * Population Stability Index: PSI = sum_i (A_i - E_i) ln(A_i / E_i), E the baseline (reference)
 * shares, A the current shares; a zero share is replaced by epsilon = 1e-4 (shares are not
 * renormalised afterwards). Read < 0.10 as stable, 0.10 to 0.25 as moderate change, >= 0.25 as
 * a significant shift; these are rules of thumb that depend on the number of bins.
 */

/** Zero shares are replaced by this before taking logarithms. */
export const PSI_EPSILON = 1e-4;

export type PsiBand = 'stable' | 'moderate' | 'significant';

/** PSI between baseline shares `expected` and current shares `actual` (same bins, same order). */
export function psi(expected: readonly number[], actual: readonly number[], epsilon = PSI_EPSILON): number {
  if (expected.length !== actual.length) throw new Error(`invalid shares: ${expected.length} baseline bins but ${actual.length} current bins`);
  let sum = 0;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i] > 0 ? expected[i] : epsilon;
    const a = actual[i] > 0 ? actual[i] : epsilon;
    sum += (a - e) * Math.log(a / e);
  }
  return sum;
}

/** The reading of a PSI value: stable below 0.10, moderate below 0.25, significant from 0.25. */
export function psiBand(value: number): PsiBand {
  return value < 0.1 ? 'stable' : value < 0.25 ? 'moderate' : 'significant';
}

/** Shares of named segments, over the names in `order` (a name missing from `counts` has share 0). */
export function segmentShares(counts: ReadonlyMap<string, number>, order: readonly string[]): number[] {
  const total = order.reduce((s, name) => s + (counts.get(name) ?? 0), 0);
  return order.map((name) => (total > 0 ? (counts.get(name) ?? 0) / total : 0));
}
