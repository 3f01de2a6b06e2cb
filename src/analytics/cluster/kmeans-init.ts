import type { Matrix } from '../matrix.ts';
import { randomInt, type Random } from '../random.ts';

/**
 * k-means++ seeding (Arthur & Vassilvitskii 2007): the first centre uniformly at random, each
 * next one with probability proportional to the squared distance to the nearest chosen centre.
 * Returns k x d centres, row-major. When every point already coincides with a centre, the
 * next one is drawn uniformly (the Lloyd loop then handles the duplicate).
 */
export function kmeansPlusPlus(m: Matrix, k: number, random: Random): Float64Array {
  const { n, d, data } = m;
  const centers = new Float64Array(k * d);
  const minD = new Float64Array(n).fill(Infinity);
  let chosen = randomInt(random, n);
  for (let c = 0; c < k; c++) {
    if (c > 0) {
      let total = 0;
      for (let i = 0; i < n; i++) total += minD[i];
      if (total > 0) {
        const r = random() * total;
        let acc = 0;
        chosen = -1;
        for (let i = 0; i < n; i++) {
          if (minD[i] === 0) continue;
          acc += minD[i];
          if (acc > r) {
            chosen = i;
            break;
          }
        }
        // rounding can leave r just above the last partial sum: take the last positive point
        if (chosen < 0) for (let i = n - 1; i >= 0 && chosen < 0; i--) if (minD[i] > 0) chosen = i;
      } else chosen = randomInt(random, n);
    }
    const off = chosen * d;
    for (let t = 0; t < d; t++) centers[c * d + t] = data[off + t];
    for (let i = 0, p = 0; i < n; i++) {
      let s = 0;
      for (let t = 0; t < d; t++, p++) {
        const v = data[p] - data[off + t];
        s += v * v;
      }
      if (s < minD[i]) minD[i] = s;
    }
  }
  return centers;
}
