/**
 * ABC classes by cumulative share (Pareto): customers sorted by value, largest first (ties by
 * row); a customer is A while the share accumulated before it is below the A cut-off, B while
 * below the B cut-off, C after. Customers whose value is 0 or negative are C; unknown values
 * get no class (''). Shares are of the sum of the positive values. The one ABC of Tierbook:
 * the customer features' `abc_class` and the top-down tiers both use it.
 */

export type AbcClass = 'A' | 'B' | 'C' | '';

/** Upper cumulative shares of classes A and B: 70/25/5 (A ≈ the top 70% of the value, B the next 25%, C the last 5%). */
export const DEFAULT_ABC_CUTS: readonly [number, number] = [0.7, 0.95];

/** Checks ABC cut-offs `[a, b]`: 0 < a < b <= 1. */
export function checkAbcCuts(cuts: readonly number[], name = 'abcCuts'): [number, number] {
  const [a, b] = cuts;
  if (cuts.length !== 2 || !(a > 0 && a < b && b <= 1)) throw new Error(`invalid ${name}: ${cuts.join(', ')} (expected 0 < A < B <= 1, e.g. 0.7, 0.95)`);
  return [a, b];
}

/** ABC class of each customer for cut-offs `[a, b]` (fractions, e.g. 0.7 and 0.95 for 70/25/5). */
export function abcClasses(values: ArrayLike<number>, cuts: readonly [number, number] = DEFAULT_ABC_CUTS): AbcClass[] {
  const n = values.length;
  const out = new Array<AbcClass>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    out[i] = Number.isNaN(v) ? '' : 'C';
    if (v > 0) total += v;
  }
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => values[i] > 0)
    .sort((a, b) => values[b] - values[a] || a - b);
  let cum = 0;
  for (const i of order) {
    const before = cum / total;
    out[i] = before < cuts[0] ? 'A' : before < cuts[1] ? 'B' : 'C';
    cum += values[i];
  }
  return out;
}
