import { centroidsOf } from '../cluster/centroids.ts';
import type { Matrix } from '../matrix.ts';

/**
 * Calinski-Harabasz index [B / (k - 1)] / [W / (n - k)], higher is better. As in scikit-learn,
 * 1 when W = 0; NaN-free: 0 when there are fewer than 2 clusters or n <= k.
 */
export function calinskiHarabasz(m: Matrix, labels: ArrayLike<number>): number {
  const { centroids, codes, sizes } = centroidsOf(m, labels);
  const k = sizes.length;
  const { d, data } = m;
  let n = 0;
  const mean = new Float64Array(d);
  for (let i = 0; i < m.n; i++) {
    if (codes[i] < 0) continue;
    n++;
    for (let t = 0; t < d; t++) mean[t] += data[i * d + t];
  }
  if (k < 2 || n <= k) return 0;
  for (let t = 0; t < d; t++) mean[t] /= n;
  let between = 0;
  for (let c = 0; c < k; c++) {
    for (let t = 0; t < d; t++) between += sizes[c] * (centroids.data[c * d + t] - mean[t]) ** 2;
  }
  let within = 0;
  for (let i = 0; i < m.n; i++) {
    const c = codes[i];
    if (c < 0) continue;
    for (let t = 0; t < d; t++) within += (data[i * d + t] - centroids.data[c * d + t]) ** 2;
  }
  return within === 0 ? 1 : (between * (n - k)) / (within * (k - 1));
}
