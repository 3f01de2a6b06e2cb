/**
 * Whole-unit apportionment by largest remainder (Hamilton): each part gets the floor of its
 * exact quota `total × weight / Σ weights`, and the units left over go one each to the largest
 * fractional parts, ties to the earlier part. The parts sum exactly to `total`, each stays
 * within one unit of its quota, and the result depends on nothing but the inputs. Quotas are
 * compared in exact integer arithmetic, so ties are real ties, not rounding noise.
 */

/** Splits the whole number `total` over whole-number `weights` (not all zero). */
export function largestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (total === 0 || sum === 0) return weights.map(() => 0);
  const T = BigInt(total);
  const S = BigInt(sum);
  const floors = weights.map((w) => (T * BigInt(w)) / S);
  const remainders = weights.map((w) => (T * BigInt(w)) % S);
  let left = Number(T - floors.reduce((s, f) => s + f, 0n));
  const order = weights.map((_, i) => i).sort((a, b) => (remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b));
  const out = floors.map(Number);
  for (const i of order) {
    if (left === 0) break;
    if (remainders[i] === 0n) continue;
    out[i]++;
    left--;
  }
  return out;
}
