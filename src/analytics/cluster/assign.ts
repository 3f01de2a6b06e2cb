import { assignRows } from './kernels.ts';
import type { Matrix } from '../matrix.ts';

/** Nearest centroid (squared Euclidean, lowest index on ties) of each row, e.g. for new customers. */
export function assignNearest(m: Matrix, centroids: Matrix): Int32Array {
  if (centroids.d !== m.d) throw new Error(`invalid centroids: ${centroids.d} features (expected ${m.d})`);
  const out = { labels: new Int32Array(m.n), best: new Float64Array(m.n), second: new Float64Array(m.n) };
  assignRows(m.data, m.d, centroids.data, centroids.n, out, null, m.n);
  return out.labels;
}
