/**
 * Kolmogorov-Smirnov distance D = sup_x |F1(x) - F2(x)| and its p-value. The p-value uses the
 * asymptotic Kolmogorov distribution with Stephens' (1970) small-sample correction, as in
 * Numerical Recipes (3rd ed., section 14.3.3): lambda = (sqrt(Ne) + 0.12 + 0.11 / sqrt(Ne)) D
 * with Ne = n m / (n + m), p = Q_KS(lambda) = 2 sum_{j>=1} (-1)^(j-1) exp(-2 j^2 lambda^2). It
 * assumes continuous data (ties make it conservative), and with large samples even a tiny D is
 * "significant": read D as well as p.
 */
import { sortedFinite } from '../prepare/quantile.ts';
import { sketchCdf } from './distribution.ts';

export interface KsResult {
  /** Largest distance between the two CDFs, in [0, 1]. */
  readonly d: number;
  /** Asymptotic p-value (see the module comment). */
  readonly pValue: number;
  /** Finite values of the first (reference) and second (current) sample. */
  readonly n: number;
  readonly m: number;
}

/** Q_KS(lambda), the Kolmogorov survival function. */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 1e-3) return 1;
  let sum = 0;
  let sign = 1;
  for (let j = 1; j <= 100; j++) {
    const term = sign * Math.exp(-2 * j * j * lambda * lambda);
    sum += term;
    if (Math.abs(term) < 1e-12 * Math.abs(sum)) break;
    sign = -sign;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** p-value of a two-sample D with sample sizes n and m. */
export function ksPValue(d: number, n: number, m: number): number {
  if (n === 0 || m === 0) return 1;
  const ne = Math.sqrt((n * m) / (n + m));
  return kolmogorovQ((ne + 0.12 + 0.11 / ne) * d);
}

/** Exact two-sample D over the finite values of both samples. */
export function ksTwoSample(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  const x = sortedFinite(a);
  const y = sortedFinite(b);
  const n = x.length;
  const m = y.length;
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < n && j < m) {
    const v = Math.min(x[i], y[j]);
    while (i < n && x[i] <= v) i++;
    while (j < m && y[j] <= v) j++;
    d = Math.max(d, Math.abs(i / n - j / m));
  }
  return { d: n && m ? d : 0, pValue: ksPValue(d, n, m), n, m };
}

/**
 * D between a reference known by its percentile sketch (of `referenceCount` values) and a
 * current sample. The current ECDF is a step function and the rebuilt reference CDF does not
 * decrease, so the largest gap lies at a current value: just below it or at it. The rebuilt
 * CDF is within 0.01 of the reference ECDF, so D is within 0.01 of the exact two-sample D.
 */
export function ksAgainstSketch(percentiles: readonly number[], referenceCount: number, values: ArrayLike<number>): KsResult {
  const y = sortedFinite(values);
  const m = y.length;
  if (m === 0 || percentiles.length !== 101) return { d: 0, pValue: 1, n: referenceCount, m };
  let d = 0;
  let j = 0;
  while (j < m) {
    const v = y[j];
    const before = j / m;
    while (j < m && y[j] <= v) j++;
    d = Math.max(d, Math.abs(before - sketchCdf(percentiles, v, true)), Math.abs(j / m - sketchCdf(percentiles, v)));
  }
  return { d, pValue: ksPValue(d, referenceCount, m), n: referenceCount, m };
}
