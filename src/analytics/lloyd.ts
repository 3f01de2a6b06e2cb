import type { Matrix } from './matrix.ts';

/** Outcome of one Lloyd run from given centres. */
export interface LloydRun {
  /** Cluster of each row, from the last assignment step. */
  readonly labels: Int32Array;
  /** k x d centres after the last update (the means of `labels`), row-major. */
  readonly centers: Float64Array;
  /** Number of assignment + update steps run. */
  readonly iterations: number;
  /** Whether every centre moved at most `tolerance` (squared distance) in the last step. */
  readonly converged: boolean;
  /** How many times an empty cluster was reseeded to the farthest point. */
  readonly reseeds: number;
}

/**
 * Nearest centre of each row (squared Euclidean, lowest index on ties) into `labels`, and its
 * squared distance into `minDist`. Distances are summed with one accumulator over dimensions
 * in order, so they are bit-identical to ml-distance-euclidean's `squaredEuclidean`.
 */
export function assignRows(
  data: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  minDist: Float64Array,
): void {
  if (d <= 8) assignPadded8(data, n, d, centers, k, labels, minDist);
  else assignChunked(data, n, d, centers, k, labels, minDist);
}

/**
 * d <= 8: the row is held in eight locals and the centres are padded to stride 8 with zeros;
 * the padding adds exact zeros, so sums are unchanged. About 2x faster than a loop over d.
 */
function assignPadded8(
  data: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  minDist: Float64Array,
): void {
  const cp = new Float64Array(k * 8);
  for (let c = 0; c < k; c++) for (let t = 0; t < d; t++) cp[c * 8 + t] = centers[c * d + t];
  for (let i = 0, p = 0; i < n; i++, p += d) {
    const x0 = data[p];
    const x1 = d > 1 ? data[p + 1] : 0;
    const x2 = d > 2 ? data[p + 2] : 0;
    const x3 = d > 3 ? data[p + 3] : 0;
    const x4 = d > 4 ? data[p + 4] : 0;
    const x5 = d > 5 ? data[p + 5] : 0;
    const x6 = d > 6 ? data[p + 6] : 0;
    const x7 = d > 7 ? data[p + 7] : 0;
    let best = 0;
    let bestD = Infinity;
    for (let c = 0, q = 0; c < k; c++, q += 8) {
      let v = x0 - cp[q];
      let s = v * v;
      v = x1 - cp[q + 1];
      s += v * v;
      v = x2 - cp[q + 2];
      s += v * v;
      v = x3 - cp[q + 3];
      s += v * v;
      v = x4 - cp[q + 4];
      s += v * v;
      v = x5 - cp[q + 5];
      s += v * v;
      v = x6 - cp[q + 6];
      s += v * v;
      v = x7 - cp[q + 7];
      s += v * v;
      if (s < bestD) {
        bestD = s;
        best = c;
      }
    }
    labels[i] = best;
    minDist[i] = bestD;
  }
}

/** d > 8: per row, partial sums per centre over chunks of four dimensions held in locals. */
function assignChunked(
  data: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  labels: Int32Array,
  minDist: Float64Array,
): void {
  const acc = new Float64Array(k);
  const d4 = d - (d % 4);
  for (let i = 0, p = 0; i < n; i++, p += d) {
    acc.fill(0);
    let t = 0;
    for (; t < d4; t += 4) {
      const x0 = data[p + t];
      const x1 = data[p + t + 1];
      const x2 = data[p + t + 2];
      const x3 = data[p + t + 3];
      for (let c = 0, q = t; c < k; c++, q += d) {
        let s = acc[c];
        let v = x0 - centers[q];
        s += v * v;
        v = x1 - centers[q + 1];
        s += v * v;
        v = x2 - centers[q + 2];
        s += v * v;
        v = x3 - centers[q + 3];
        s += v * v;
        acc[c] = s;
      }
    }
    for (; t < d; t++) {
      const x = data[p + t];
      for (let c = 0, q = t; c < k; c++, q += d) {
        const v = x - centers[q];
        acc[c] += v * v;
      }
    }
    let best = 0;
    let bestD = acc[0];
    for (let c = 1; c < k; c++) {
      if (acc[c] < bestD) {
        bestD = acc[c];
        best = c;
      }
    }
    labels[i] = best;
    minDist[i] = bestD;
  }
}

/**
 * Lloyd's algorithm on a flat array, with no per-row allocation. Mirrors ml-kmeans 7
 * step for step (assign with strict `<`, centres as running sums divided by counts, stop when
 * every centre moved at most `tolerance` in squared distance), except that an empty cluster is
 * reseeded to the point farthest from its centre instead of keeping its old centre.
 */
export function lloyd(
  m: Matrix,
  init: Float64Array,
  k: number,
  maxIterations: number,
  tolerance: number,
): LloydRun {
  const { n, d, data } = m;
  let centers = Float64Array.from(init);
  let next = new Float64Array(k * d);
  const counts = new Int32Array(k);
  const labels = new Int32Array(n).fill(-1);
  const minDist = new Float64Array(n);
  let iterations = 0;
  let converged = false;
  let reseeds = 0;
  while (!converged && iterations < maxIterations) {
    iterations++;
    assignRows(data, n, d, centers, k, labels, minDist);
    next.fill(0);
    counts.fill(0);
    for (let i = 0, p = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      const q = c * d;
      for (let t = 0; t < d; t++, p++) next[q + t] += data[p];
    }
    let reseeded = false;
    for (let c = 0; c < k; c++) {
      const q = c * d;
      if (counts[c] > 0) {
        for (let t = 0; t < d; t++) next[q + t] /= counts[c];
        continue;
      }
      let far = 0;
      for (let i = 1; i < n; i++) if (minDist[i] > minDist[far]) far = i;
      for (let t = 0; t < d; t++) next[q + t] = data[far * d + t];
      minDist[far] = -1;
      reseeds++;
      reseeded = true;
    }
    converged = !reseeded;
    for (let c = 0; c < k && converged; c++) {
      let s = 0;
      for (let t = 0, q = c * d; t < d; t++, q++) s += (next[q] - centers[q]) * (next[q] - centers[q]);
      if (s > tolerance) converged = false;
    }
    const swap = centers;
    centers = next;
    next = swap;
  }
  return { labels, centers, iterations, converged, reseeds };
}

/** Sum of squared distances from each row to the centre of its label. */
export function inertiaOf(m: Matrix, labels: Int32Array, centers: Float64Array): number {
  const { n, d, data } = m;
  let total = 0;
  for (let i = 0, p = 0; i < n; i++) {
    const q = labels[i] * d;
    for (let t = 0; t < d; t++, p++) {
      const v = data[p] - centers[q + t];
      total += v * v;
    }
  }
  return total;
}
