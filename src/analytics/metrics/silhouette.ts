import type { AnalyticsIssue } from '../issues.ts';
import { compactLabels } from '../cluster/labels.ts';
import { selectRows, type Matrix } from '../matrix.ts';

/** Silhouette values s = (b - a) / max(a, b) of some or all rows, with summaries. */
export interface SilhouetteResult {
  /** Silhouette of each row in `rows`, in [-1, 1]; 0 for a one-point cluster (scikit-learn convention). */
  readonly values: Float64Array;
  /** Input row of each value (all labelled rows when exact; the sample otherwise). */
  readonly rows: Int32Array;
  /** Mean silhouette over all labelled rows (estimated, weighting each cluster by its size, when sampled). */
  readonly mean: number;
  /** Mean silhouette per cluster, in ascending order of label value. */
  readonly perCluster: readonly number[];
  /** Label value of each `perCluster` entry. */
  readonly clusters: readonly number[];
  /** Number of rows whose silhouette was computed. */
  readonly sampleSize: number;
  /** Whether every labelled row was used. */
  readonly exact: boolean;
  readonly issues: readonly AnalyticsIssue[];
}

/** Rows of at most 8 columns padded to stride 8 (zeros add nothing), for `rowDistances`; null for wider rows. */
export function paddedRows(m: Matrix): Float64Array | null {
  const { n, d, data } = m;
  if (d > 8) return null;
  const pd = new Float64Array(n * 8);
  for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) pd[i * 8 + t] = data[i * d + t];
  return pd;
}

/** Euclidean distances from row i to every later row j, into `out[j]` (rows of <= 8 columns held in locals). */
export function rowDistances(m: Matrix, padded: Float64Array | null, i: number, out: Float64Array): void {
  const { n, d, data } = m;
  if (!padded) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let t = 0, p = i * d, q = j * d; t < d; t++, p++, q++) s += (data[p] - data[q]) * (data[p] - data[q]);
      out[j] = Math.sqrt(s);
    }
    return;
  }
  const pd = padded;
  const p = i * 8;
  const x0 = pd[p], x1 = pd[p + 1], x2 = pd[p + 2], x3 = pd[p + 3]; // prettier-ignore
  const x4 = pd[p + 4], x5 = pd[p + 5], x6 = pd[p + 6], x7 = pd[p + 7]; // prettier-ignore
  for (let j = i + 1, q = p + 8; j < n; j++, q += 8) {
    let v = x0 - pd[q];
    let s = v * v;
    v = x1 - pd[q + 1];
    s += v * v;
    v = x2 - pd[q + 2];
    s += v * v;
    v = x3 - pd[q + 3];
    s += v * v;
    v = x4 - pd[q + 4];
    s += v * v;
    v = x5 - pd[q + 5];
    s += v * v;
    v = x6 - pd[q + 6];
    s += v * v;
    v = x7 - pd[q + 7];
    s += v * v;
    out[j] = Math.sqrt(s);
  }
}

/** Adds row i's distances to later rows (`rowDistances`) to the n x k sums (row-major), both ways. */
export function addRowSums(sums: Float64Array, codes: Int32Array, k: number, i: number, n: number, row: Float64Array): void {
  const base = i * k;
  const li = codes[i];
  for (let j = i + 1; j < n; j++) {
    const dist = row[j];
    sums[base + codes[j]] += dist;
    sums[j * k + li] += dist;
  }
}

/** Silhouette of each row from its n x k distance sums (row-major); codes must all be >= 0. */
export function valuesFromSums(sums: Float64Array, codes: Int32Array, k: number, sizes: readonly number[]): Float64Array {
  const n = codes.length;
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const own = codes[i];
    if (sizes[own] < 2) continue;
    const a = sums[i * k + own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[i * k + c] / sizes[c]);
    const top = Math.max(a, b);
    values[i] = top > 0 && b < Infinity ? (b - a) / top : 0;
  }
  return values;
}

/** Silhouette of each row: sums of distances to every cluster, visiting each pair once; codes must all be >= 0. */
export function silhouetteFromCodes(
  m: Matrix,
  codes: Int32Array,
  k: number,
  sizes: readonly number[],
): Float64Array {
  const sums = new Float64Array(m.n * k);
  const padded = paddedRows(m);
  const row = new Float64Array(m.n);
  for (let i = 0; i < m.n; i++) {
    rowDistances(m, padded, i, row);
    addRowSums(sums, codes, k, i, m.n, row);
  }
  return valuesFromSums(sums, codes, k, sizes);
}

/** Means of values per code, and the overall mean weighted by `weights` per code. */
export function summarise(values: Float64Array, codes: Int32Array, k: number, weights: readonly number[]) {
  const sum = new Float64Array(k);
  const count = new Float64Array(k);
  for (let i = 0; i < values.length; i++) {
    sum[codes[i]] += values[i];
    count[codes[i]]++;
  }
  const perCluster = Array.from(sum, (s, c) => (count[c] ? s / count[c] : 0));
  let total = 0;
  let weight = 0;
  for (let c = 0; c < k; c++) {
    if (!count[c]) continue;
    total += perCluster[c] * weights[c];
    weight += weights[c];
  }
  return { perCluster, mean: weight ? total / weight : 0 };
}

/** Checks the labels and returns the issues that make the silhouette degenerate. */
export function silhouetteIssues(k: number, noise: number): AnalyticsIssue[] {
  const issues: AnalyticsIssue[] = [];
  if (noise > 0) {
    issues.push({
      code: 'noise-ignored',
      message: `${noise} rows without a cluster (noise) were left out of the silhouette.`,
    });
  }
  if (k < 2) {
    issues.push({
      code: 'single-cluster',
      message: 'The silhouette needs at least 2 clusters; it is reported as 0.',
    });
  }
  return issues;
}

/** Exact silhouette (Euclidean, O(n^2 d)); rows with negative labels (noise) are left out and reported. */
export function silhouette(m: Matrix, labels: ArrayLike<number>): SilhouetteResult {
  if (labels.length !== m.n) throw new Error(`invalid labels: ${labels.length} labels for ${m.n} rows`);
  const { codes, k, values: clusters, sizes } = compactLabels(labels);
  const kept: number[] = [];
  for (let i = 0; i < m.n; i++) if (codes[i] >= 0) kept.push(i);
  const noise = m.n - kept.length;
  const sub = noise ? selectRows(m, kept) : m;
  const subCodes = noise ? Int32Array.from(kept, (i) => codes[i]) : codes;
  const values = k < 2 ? new Float64Array(sub.n) : silhouetteFromCodes(sub, subCodes, k, sizes);
  const { perCluster, mean } = summarise(values, subCodes, k, sizes);
  return {
    values,
    rows: Int32Array.from(kept),
    mean,
    perCluster,
    clusters,
    sampleSize: sub.n,
    exact: true,
    issues: silhouetteIssues(k, noise),
  };
}
