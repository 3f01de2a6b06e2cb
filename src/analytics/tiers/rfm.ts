/**
 * RFM quintile scores, 1 (worst) to 5 (best) for recency, frequency and monetary value.
 * A customer's score is 1 + ⌊5 × (customers strictly worse) / (customers with a value)⌋:
 * with distinct values that is exact quintiles, and equal values always share a score, so the
 * scores depend on the values alone, never on row order. Recency is inverted (fewer days since
 * the last order is better). Unknown values score 0 and their code is ''.
 */

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
  const known = Array.from({ length: n }, (_, i) => i).filter((i) => Number.isFinite(values[i]));
  known.sort((a, b) => values[a] - values[b]);
  const m = known.length;
  let below = 0;
  for (let k = 0; k < m; ) {
    let end = k;
    while (end < m && values[known[end]] === values[known[k]]) end++;
    const score = Math.min(5, 1 + Math.floor((5 * below) / m));
    for (let j = k; j < end; j++) out[known[j]] = score;
    below = end;
    k = end;
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
