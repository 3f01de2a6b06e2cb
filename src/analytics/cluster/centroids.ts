import { compactLabels } from './labels.ts';
import type { Matrix } from '../matrix.ts';

/** Cluster means of the labelled rows (rows with negative labels are ignored). */
export interface Centroids {
  /** k x d means, in ascending order of label value. */
  readonly centroids: Matrix;
  /** Code (0..k-1) of each row, -1 for negative labels. */
  readonly codes: Int32Array;
  /** Rows per cluster. */
  readonly sizes: readonly number[];
  /** Label value of each centroid. */
  readonly values: readonly number[];
}

/** Computes the mean of every cluster. */
export function centroidsOf(m: Matrix, labels: ArrayLike<number>): Centroids {
  if (labels.length !== m.n) throw new Error(`invalid labels: ${labels.length} labels for ${m.n} rows`);
  const { codes, k, values, sizes } = compactLabels(labels);
  const { d, data } = m;
  const sums = new Float64Array(k * d);
  for (let i = 0; i < m.n; i++) {
    const c = codes[i];
    if (c < 0) continue;
    for (let t = 0; t < d; t++) sums[c * d + t] += data[i * d + t];
  }
  for (let c = 0; c < k; c++) for (let t = 0; t < d; t++) sums[c * d + t] /= sizes[c];
  return { centroids: { n: k, d, data: sums }, codes, sizes, values };
}
