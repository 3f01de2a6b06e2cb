import { buildKdTree, kthNeighbourDistance, rangeQuery } from './kdtree.ts';
import type { Matrix } from './matrix.ts';

/**
 * The k-distance curve for choosing DBSCAN's eps: each row's distance to its k-th nearest other
 * row, sorted ascending. For minPoints m (the row itself counted) use k = m - 1; eps is read at
 * the knee of the curve.
 */
export function kDistance(m: Matrix, k: number): Float64Array {
  if (!(Number.isInteger(k) && k >= 1 && k < m.n)) {
    throw new Error(`invalid k: ${k} (expected a whole number from 1 to ${m.n - 1})`);
  }
  const tree = buildKdTree(m);
  const out = new Float64Array(m.n);
  const q = rangeQuery();
  const best = new Float64Array(k);
  for (let r = 0; r < m.n; r++) out[r] = Math.sqrt(kthNeighbourDistance(tree, q, tree.perm[r], k, best));
  return out.sort();
}
