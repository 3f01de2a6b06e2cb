import { accumulate, assignAccumulate, assignRows, type AssignOutput } from './kernels.ts';
import type { Matrix } from '../matrix.ts';

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
  /** Row-centre distances computed, summed over iterations (n k per plain iteration). */
  readonly distances: number;
}

/** A skip needs the bound to win by this relative margin, so rounding in the bounds can never change a label. */
const MARGIN = 1 - 1e-9;

/**
 * Lloyd's algorithm on a flat array. Mirrors ml-kmeans 7 step for step (assign with strict
 * `<`, centres as running sums in row order divided by counts, stop when every centre moved at
 * most `tolerance` in squared distance), except that an empty cluster is reseeded to the row
 * farthest from its centre instead of keeping its old centre.
 *
 * With `accelerate` (default) assignments use Hamerly's bounds (2010): an upper bound on the
 * distance to the own centre and a lower bound on the second nearest let most rows skip the
 * scan over centres once clusters settle. The skips are exact (with a safety margin), so labels
 * and centres equal those of the plain loop.
 */
export function lloyd(
  m: Matrix,
  init: Float64Array,
  k: number,
  maxIterations: number,
  tolerance: number,
  accelerate = true,
): LloydRun {
  const { n, d, data } = m;
  let centers = Float64Array.from(init);
  let next = new Float64Array(k * d);
  const counts = new Int32Array(k);
  const out: AssignOutput = {
    labels: new Int32Array(n),
    best: new Float64Array(n),
    second: new Float64Array(n),
  };
  const { labels, best, second } = out;
  const upper = new Float64Array(n);
  const lower = new Float64Array(n);
  const shift = new Float64Array(k);
  const half = new Float64Array(k);
  const todo = new Int32Array(n);
  let iterations = 0;
  let converged = false;
  let reseeds = 0;
  let distances = 0;
  let exactBounds = false;
  while (!converged && iterations < maxIterations) {
    iterations++;
    let summed = false;
    if (!accelerate || !exactBounds) {
      assignAccumulate(data, n, d, centers, k, out, next, counts);
      summed = true;
      distances += n * k;
      if (accelerate) {
        for (let i = 0; i < n; i++) {
          upper[i] = Math.sqrt(best[i]);
          lower[i] = Math.sqrt(second[i]);
        }
        exactBounds = true;
      }
    } else {
      halfGaps(centers, k, d, half);
      let count = 0;
      for (let i = 0; i < n; i++) {
        const a = labels[i];
        const bound = (half[a] > lower[i] ? half[a] : lower[i]) * MARGIN;
        if (upper[i] < bound) continue;
        let s = 0;
        for (let t = 0, p = i * d, q = a * d; t < d; t++, p++, q++)
          s += (data[p] - centers[q]) * (data[p] - centers[q]);
        distances++;
        upper[i] = Math.sqrt(s);
        if (upper[i] < bound) continue;
        todo[count++] = i;
      }
      assignRows(data, d, centers, k, out, todo, count);
      distances += count * k;
      for (let r = 0; r < count; r++) {
        const i = todo[r];
        upper[i] = Math.sqrt(best[i]);
        lower[i] = Math.sqrt(second[i]);
      }
    }
    if (!summed) accumulate(data, n, d, labels, next, counts);
    let reseeded = false;
    let searched = false;
    for (let c = 0; c < k; c++) {
      if (counts[c] > 0) {
        for (let t = 0, q = c * d; t < d; t++, q++) next[q] /= counts[c];
        continue;
      }
      if (!searched) exactOwnDistances(m, centers, labels, best);
      searched = true;
      let far = 0;
      for (let i = 1; i < n; i++) if (best[i] > best[far]) far = i;
      if (!(best[far] > 0)) {
        // Every row sits on its centre (fewer distinct rows than k): a reseed could only
        // duplicate a centre, so the cluster stays empty at its old centre.
        for (let t = 0, q = c * d; t < d; t++, q++) next[q] = centers[q];
        continue;
      }
      for (let t = 0; t < d; t++) next[c * d + t] = data[far * d + t];
      best[far] = -1;
      reseeds++;
      reseeded = true;
    }
    converged = !reseeded;
    let maxShift = 0;
    let maxAt = 0;
    let secondShift = 0;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let t = 0, q = c * d; t < d; t++, q++) s += (next[q] - centers[q]) * (next[q] - centers[q]);
      if (s > tolerance) converged = false;
      shift[c] = Math.sqrt(s);
      if (shift[c] > maxShift) {
        secondShift = maxShift;
        maxShift = shift[c];
        maxAt = c;
      } else if (shift[c] > secondShift) secondShift = shift[c];
    }
    const swap = centers;
    centers = next;
    next = swap;
    if (reseeded) exactBounds = false;
    else if (accelerate && !converged) {
      for (let i = 0; i < n; i++) {
        const a = labels[i];
        upper[i] += shift[a];
        lower[i] -= a === maxAt ? secondShift : maxShift;
      }
    }
  }
  return { labels, centers, iterations, converged, reseeds, distances };
}

/** half[c] = half the distance from centre c to its nearest other centre. */
function halfGaps(centers: Float64Array, k: number, d: number, half: Float64Array): void {
  half.fill(Infinity);
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += (centers[a * d + t] - centers[b * d + t]) ** 2;
      const h = Math.sqrt(s) / 2;
      if (h < half[a]) half[a] = h;
      if (h < half[b]) half[b] = h;
    }
  }
  if (k === 1) half[0] = Infinity;
}

/** Squared distance of every row to its own centre, into `out`. */
function exactOwnDistances(m: Matrix, centers: Float64Array, labels: Int32Array, out: Float64Array): void {
  const { n, d, data } = m;
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let t = 0, p = i * d, q = labels[i] * d; t < d; t++, p++, q++) s += (data[p] - centers[q]) ** 2;
    out[i] = s;
  }
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
