import { assignNearest } from '../cluster/assign.ts';
import type { NormalizedClusterSpec } from '../cluster/cluster.ts';
import { buildKdTree, rangeQuery, within } from '../cluster/kdtree.ts';
import { squaredDistance, type Matrix } from '../matrix.ts';
import type { Reclustered } from './recluster.ts';

/** What "the nearest fitted cluster" means for each algorithm, as shown next to the holdout ARI. */
export const ASSIGNMENT_RULES = {
  kmeans: 'nearest fitted centroid (squared Euclidean distance, lowest id on ties), as k-means assigns',
  ward: "the cluster whose within-cluster sum of squares grows least when the customer joins, n/(n+1) x squared distance to its centroid (Ward's own merge cost)",
  dbscan: "the cluster of the nearest fitted core customer within eps (DBSCAN's rule for border points); noise when no core customer is that close",
} as const;

/**
 * Assigns new rows to a fitted clustering of `fit`. k-means: nearest centroid. Ward: least
 * increase of the within-cluster sum of squares. DBSCAN: nearest core row within eps, else
 * noise (-1); core rows are recomputed on the fitted rows with the same eps and core size.
 */
export function assignHeldOut(fit: Matrix, fitted: Reclustered, rows: Matrix, spec: NormalizedClusterSpec): Int32Array {
  if (fitted.method === null) return new Int32Array(rows.n).fill(-1);
  if (spec.algorithm === 'kmeans') return assignNearest(rows, fitted.centroids);
  if (spec.algorithm === 'ward') return assignWard(rows, fitted.centroids, fitted.sizes);
  return assignDbscan(fit, fitted.labels, rows, spec.eps, spec.minPoints);
}

function assignWard(rows: Matrix, centroids: Matrix, sizes: readonly number[]): Int32Array {
  const out = new Int32Array(rows.n);
  for (let i = 0; i < rows.n; i++) {
    let best = Infinity;
    for (let c = 0; c < centroids.n; c++) {
      const cost = (sizes[c] / (sizes[c] + 1)) * squaredDistance(rows, i, centroids, c);
      if (cost < best) {
        best = cost;
        out[i] = c;
      }
    }
  }
  return out;
}

function assignDbscan(fit: Matrix, labels: Int32Array, rows: Matrix, eps: number, minPoints: number): Int32Array {
  const r2 = eps * eps;
  const q = rangeQuery();
  const fitTree = buildKdTree(fit);
  const core: number[] = [];
  for (let i = 0; i < fit.n; i++) if (within(fitTree, q, i, r2, minPoints) >= minPoints) core.push(i);
  // One tree over the core rows followed by the new rows, so a new row can be queried by index.
  const { d } = fit;
  const data = new Float64Array((core.length + rows.n) * d);
  core.forEach((i, r) => data.set(fit.data.subarray(i * d, i * d + d), r * d));
  data.set(rows.data, core.length * d);
  const both: Matrix = { n: core.length + rows.n, d, data };
  const tree = buildKdTree(both);
  const out = new Int32Array(rows.n).fill(-1);
  for (let i = 0; i < rows.n; i++) {
    const self = core.length + i;
    const found = within(tree, q, self, r2);
    let best = Infinity;
    let nearest = -1;
    for (let f = 0; f < found; f++) {
      const j = q.rows[f];
      if (j >= core.length) continue;
      const s = squaredDistance(both, self, both, j);
      if (s < best || (s === best && j < nearest)) {
        best = s;
        nearest = j;
      }
    }
    if (nearest >= 0) out[i] = labels[core[nearest]];
  }
  return out;
}
