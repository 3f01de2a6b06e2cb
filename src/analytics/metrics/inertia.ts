import { centroidsOf } from '../cluster/centroids.ts';
import type { Matrix } from '../matrix.ts';

/** Sum of squared Euclidean distances from each labelled row to its cluster mean (within-cluster sum of squares). */
export function inertia(m: Matrix, labels: ArrayLike<number>): number {
  const { centroids, codes } = centroidsOf(m, labels);
  const { d, data } = m;
  let total = 0;
  for (let i = 0; i < m.n; i++) {
    const c = codes[i];
    if (c < 0) continue;
    for (let t = 0; t < d; t++) {
      const v = data[i * d + t] - centroids.data[c * d + t];
      total += v * v;
    }
  }
  return total;
}
