/**
 * A feature's reference distribution, stored compactly in a config: 101 percentiles of the raw
 * values (the inverse empirical CDF at 0%, 1%, ..., 100%), decile edges taken from them, and
 * the share of customers per decile bin. Bins are closed on the right: a value equal to an
 * edge falls in the lower bin, so the bins are (-inf, e1], (e1, e2], ..., (e_last, +inf).
 */
import { sortedFinite } from '../prepare/quantile.ts';

/** Percentiles of the finite values and how many values were missing. */
export interface PercentileSketch {
  /** Finite values. */
  readonly count: number;
  /** NaN or infinite values, left out. */
  readonly missing: number;
  /**
   * Value at 0%, 1%, ..., 100% (101 values): for p > 0 the smallest value with at least p of
   * the values at or below it (inverse empirical CDF, R's quantile type 1); at 0% the minimum.
   * Empty when there is no finite value.
   */
  readonly percentiles: number[];
}

/** The inverse-ECDF percentile sketch of a column. */
export function percentileSketch(values: ArrayLike<number>): PercentileSketch {
  const sorted = sortedFinite(values);
  const n = sorted.length;
  const percentiles: number[] = [];
  if (n > 0) {
    for (let i = 0; i <= 100; i++) {
      // smallest order statistic x_(r) with r / n >= i / 100, i.e. r = ceil(i n / 100), at least 1
      const r = Math.max(1, Math.floor((i * n + 99) / 100));
      percentiles.push(sorted[r - 1]);
    }
  }
  return { count: n, missing: values.length - n, percentiles };
}

/** Distinct decile edges (10%, ..., 90% of the sketch), ascending. */
export function decileEdges(percentiles: readonly number[]): number[] {
  if (percentiles.length !== 101) return [];
  const edges: number[] = [];
  for (let i = 10; i <= 90; i += 10) {
    const e = percentiles[i];
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  return edges;
}

/** Bin of a value: the first edge at or above it, or the last bin. */
export function binOf(value: number, edges: readonly number[]): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (value <= edges[mid]) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Counts and shares of the finite values per bin (`edges.length + 1` bins); shares are 0 when no value is finite. */
export function binShares(values: ArrayLike<number>, edges: readonly number[]): { counts: number[]; shares: number[]; count: number } {
  const counts = new Array<number>(edges.length + 1).fill(0);
  let count = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    counts[binOf(v, edges)]++;
    count++;
  }
  return { counts, shares: counts.map((c) => (count > 0 ? c / count : 0)), count };
}

/**
 * The reference CDF at `x`, rebuilt from the percentile sketch: exact at the stored
 * percentiles and linear between them. Between the i-th and (i+1)-th percentile the true
 * empirical CDF lies in [i/100, (i+1)/100), so the rebuilt CDF is within 0.01 of it. With
 * `below`, the limit from the left (the share strictly below `x`).
 */
export function sketchCdf(percentiles: readonly number[], x: number, below = false): number {
  const q = percentiles;
  const under = (v: number) => (below ? v < x : v <= x);
  if (!under(q[0])) return 0;
  if (under(q[100])) return 1;
  // largest i with q[i] under x; q[i + 1] is not, so the span is positive
  let lo = 0;
  let hi = 100;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (under(q[mid])) lo = mid;
    else hi = mid - 1;
  }
  return (lo + (x - q[lo]) / (q[lo + 1] - q[lo])) / 100;
}
