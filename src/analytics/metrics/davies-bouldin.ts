import { centroidsOf } from '../cluster/centroids.ts';
import type { Matrix } from '../matrix.ts';

/**
 * Davies-Bouldin index: mean over clusters of max_j (s_i + s_j) / |c_i - c_j|, with s the mean
 * Euclidean distance of a cluster's rows to its centroid; lower is better, minimum 0. As in
 * scikit-learn, coinciding centroids contribute 0, and fewer than 2 clusters give 0.
 */
export function daviesBouldin(m: Matrix, labels: ArrayLike<number>): number {
  const { centroids, codes, sizes } = centroidsOf(m, labels);
  const k = sizes.length;
  if (k < 2) return 0;
  const { d, data } = m;
  const c = centroids.data;
  const scatter = new Float64Array(k);
  for (let i = 0; i < m.n; i++) {
    const l = codes[i];
    if (l < 0) continue;
    let s = 0;
    for (let t = 0; t < d; t++) s += (data[i * d + t] - c[l * d + t]) ** 2;
    scatter[l] += Math.sqrt(s);
  }
  for (let l = 0; l < k; l++) scatter[l] /= sizes[l];
  let total = 0;
  for (let a = 0; a < k; a++) {
    let worst = 0;
    for (let b = 0; b < k; b++) {
      if (a === b) continue;
      let s = 0;
      for (let t = 0; t < d; t++) s += (c[a * d + t] - c[b * d + t]) ** 2;
      const dist = Math.sqrt(s);
      if (dist > 0) worst = Math.max(worst, (scatter[a] + scatter[b]) / dist);
    }
    total += worst;
  }
  return total / k;
}
