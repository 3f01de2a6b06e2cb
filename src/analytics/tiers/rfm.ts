/**
 * RFM quintile scores, 1 (worst) to 5 (best) for recency, frequency and monetary value.
 * A customer's score is 1 + ⌊5 × (customers strictly worse) / (customers with a value)⌋:
 * with distinct values that is exact quintiles, and equal values always share a score, so the
 * scores depend on the values alone, never on row order. Recency is inverted (fewer days since
 * the last order is better). Unknown values score 0 and their code is ''.
 */
import { sortedFinite } from '../prepare/quantile.ts';

export interface RfmScores {
  readonly recency: Uint8Array;
  readonly frequency: Uint8Array;
  readonly monetary: Uint8Array;
  /** `"545"`-style codes (R, F, M digits); '' when any score is unknown. */
  readonly codes: string[];
}

/** Quintile scores of `values`, higher is better (negate for lower-is-better). */
export function quintileScores(values: ArrayLike<number>): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  // The known values sorted (a typed array's native sort), then each value's count of strictly
  // smaller ones by binary search: no comparator called per comparison. -0 and 0 count as equal.
  const sorted = sortedFinite(values);
  const m = sorted.length;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    out[i] = Math.min(5, 1 + Math.floor((5 * lo) / m));
  }
  return out;
}

export function rfmScores(recencyDays: ArrayLike<number>, frequency: ArrayLike<number>, monetary: ArrayLike<number>): RfmScores {
  const recency = quintileScores(Array.from(recencyDays, (v) => -v));
  const f = quintileScores(frequency);
  const m = quintileScores(monetary);
  const codes = Array.from(recency, (r, i) => (r && f[i] && m[i] ? `${r}${f[i]}${m[i]}` : ''));
  return { recency, frequency: f, monetary: m, codes };
}
