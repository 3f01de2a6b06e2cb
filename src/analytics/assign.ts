import { assignRows } from './lloyd.ts';
import type { Matrix } from './matrix.ts';

/** Nearest centroid (squared Euclidean, lowest index on ties) of each row, e.g. for new customers. */
export function assignNearest(m: Matrix, centroids: Matrix): Int32Array {
  if (centroids.d !== m.d) throw new Error(`invalid centroids: ${centroids.d} features (expected ${m.d})`);
  const labels = new Int32Array(m.n);
  assignRows(m.data, m.n, m.d, centroids.data, centroids.n, labels, new Float64Array(m.n));
  return labels;
}
