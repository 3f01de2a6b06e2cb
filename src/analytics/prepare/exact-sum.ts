/**
 * Sums of doubles rounded once, at the end (Shewchuk's exact partials, the algorithm of Python's
 * `math.fsum`): the result is the exact sum correctly rounded, so it does not depend on the
 * order of the values. A scaler fitted with it gives the same parameters however the rows are
 * ordered, without sorting them first.
 */

/** Partials of one sum: non-overlapping, increasing in magnitude; at most ~40 for doubles. */
const MAX_PARTIALS = 64;

/**
 * Correctly rounded sum of the values (order does not matter), or of `(values[i] - shift)²`
 * when `squaredFrom` is given (the sum of squared deviations of a variance). NaN and
 * infinities give the IEEE result.
 */
export function exactSum(values: ArrayLike<number>, squaredFrom?: number): number {
  const p = new Float64Array(MAX_PARTIALS);
  let m = 0;
  let special = 0;
  const square = squaredFrom !== undefined;
  const shift = squaredFrom ?? 0;
  for (let i = 0; i < values.length; i++) {
    let x = values[i];
    if (square) {
      const d = x - shift;
      x = d * d;
    }
    if (!(x - x === 0)) {
      special += x; // NaN or an infinity
      continue;
    }
    let count = 0;
    for (let j = 0; j < m; j++) {
      let y = p[j];
      if (Math.abs(x) < Math.abs(y)) {
        const t = x;
        x = y;
        y = t;
      }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[count++] = lo;
      x = hi;
    }
    if (!(x - x === 0)) {
      // The running total overflowed: no finite sum to round.
      special += x;
      m = 0;
      continue;
    }
    p[count] = x;
    m = count + 1;
  }
  if (special !== 0 || Number.isNaN(special)) return special;
  return roundPartials(p, m);
}

/** The sum of the partials rounded to the nearest double (ties to even), as `math.fsum` ends. */
function roundPartials(p: Float64Array, m: number): number {
  let n = m;
  if (n === 0) return 0;
  let hi = p[--n];
  let lo = 0;
  while (n > 0) {
    const x = hi;
    const y = p[--n];
    hi = x + y;
    lo = y - (hi - x);
    if (lo !== 0) break;
  }
  // The remaining partials push a tie the other way: round away from it.
  if (n > 0 && ((lo < 0 && p[n - 1] < 0) || (lo > 0 && p[n - 1] > 0))) {
    const y = lo * 2;
    const x = hi + y;
    if (y === x - hi) hi = x;
  }
  return hi;
}
