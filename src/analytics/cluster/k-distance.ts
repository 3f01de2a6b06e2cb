import { buildKdTree, kthNeighbourDistance, rangeQuery } from './kdtree.ts';
import type { Matrix } from '../matrix.ts';
import { createRandom, randomInt } from '../random.ts';
import { kneeIndex } from '../choose-k/knee.ts';

/** Options of the k-distance curve. */
export interface KDistanceSpec {
  /** Rows whose k-distance is computed (neighbours are still searched among all rows); all when n is at most this. Default 5000. */
  readonly sampleSize?: number;
  /** Seed of the row sample. Default 0. */
  readonly seed?: number;
}

/**
 * The k-distance curve for choosing DBSCAN's eps: each row's distance to its k-th nearest other
 * row, sorted ascending. For minPoints m (the row itself counted) use k = m - 1; eps is read at
 * the knee of the curve. Above `sampleSize` rows the curve is drawn from a uniform sample of
 * rows, which keeps its shape (it is a quantile curve) at a fraction of the cost.
 */
export function kDistance(m: Matrix, k: number, spec: KDistanceSpec = {}): Float64Array {
  if (!(Number.isInteger(k) && k >= 1 && k < m.n)) {
    throw new Error(`invalid k: ${k} (expected a whole number from 1 to ${m.n - 1})`);
  }
  const sampleSize = spec.sampleSize ?? 5000;
  const tree = buildKdTree(m);
  const q = rangeQuery();
  const best = new Float64Array(k);
  let rows: ArrayLike<number> = tree.perm;
  if (m.n > sampleSize) {
    const random = createRandom(spec.seed ?? 0);
    const pool = Int32Array.from(tree.perm);
    for (let t = 0; t < sampleSize; t++) {
      const j = t + randomInt(random, m.n - t);
      [pool[t], pool[j]] = [pool[j], pool[t]];
    }
    rows = pool.subarray(0, sampleSize).sort();
  }
  const out = new Float64Array(rows.length);
  for (let r = 0; r < rows.length; r++) out[r] = Math.sqrt(kthNeighbourDistance(tree, q, rows[r], k, best));
  return out.sort();
}

/** A suggested DBSCAN radius read off a k-distance curve. */
export interface EpsSuggestion {
  /** The distance at the knee of the curve, in prepared units. */
  readonly eps: number;
  /** Its rank in the sorted curve (0-based). */
  readonly rank: number;
}

/** The knee is searched on at most this many evenly spaced points of the curve (both ends kept). */
const KNEE_POINTS = 2000;

/**
 * The eps at the knee of a sorted k-distance curve: the point farthest from the chord between
 * its ends, both axes scaled to [0, 1] (`kneeIndex`). Curves longer than 2,000 points are
 * thinned evenly first (the knee then lies within one thinning step of the full curve's). Null
 * when the curve has fewer than 3 points or no bend.
 */
export function suggestEps(distances: ArrayLike<number>): EpsSuggestion | null {
  const n = distances.length;
  if (n < 3) return null;
  const count = Math.min(n, KNEE_POINTS);
  const ranks = Array.from({ length: count }, (_, j) => (count === n ? j : Math.round((j * (n - 1)) / (count - 1))));
  const knee = kneeIndex(
    ranks,
    ranks.map((r) => distances[r]),
  );
  if (knee <= 0) return null;
  return { eps: distances[ranks[knee]], rank: ranks[knee] };
}
