import type { AnalyticsIssue } from '../issues.ts';
import { kmeansPlusPlus } from './kmeans-init.ts';
import { inertiaOf, lloyd } from './lloyd.ts';
import { assignNearest } from './assign.ts';
import type { Matrix } from '../matrix.ts';
import { createRandom, deriveSeed } from '../random.ts';

/**
 * The stopping rule of every k-means run (the README states it; a config can record it): stop
 * when no centre moved more than `tolerance` in squared Euclidean distance (prepared units) in
 * the last step, which includes the step where no label changed (the centres then repeat
 * exactly), or after `maxIterations`. scikit-learn's default (`tol=1e-4` on the summed squared
 * shift, relative to the mean feature variance) stops earlier; at the same bound (tol = 1e-6
 * on z-scored data) the two stop at the same kind of fixed point.
 */
export const KMEANS_CONVERGENCE = { rule: 'max-centre-shift-squared', tolerance: 1e-6, maxIterations: 300 } as const;

/** k-means options; only `k` is required. */
export interface KMeansSpec {
  /** Number of clusters, 1..n. */
  readonly k: number;
  /** Seed of the k-means++ initialisation; restart r uses `deriveSeed(seed, r)`. Default 0. */
  readonly seed?: number;
  /** Independent k-means++ starts; the lowest inertia wins (first on ties). Default 1. */
  readonly restarts?: number;
  /** Maximum Lloyd iterations per start. Default 300. */
  readonly maxIterations?: number;
  /** Stop when no centre moves more than this squared distance. Default 1e-6. */
  readonly tolerance?: number;
  /** `kmeans++` (default) or starting centroids (k x d) for a warm start; a warm start runs once. */
  readonly init?: 'kmeans++' | Matrix | readonly (readonly number[])[];
}

/** A k-means spec with every default resolved. */
export interface NormalizedKMeans {
  readonly k: number;
  readonly seed: number;
  readonly restarts: number;
  readonly maxIterations: number;
  readonly tolerance: number;
  /** Warm-start centres (k x d, row-major), or null for k-means++. */
  readonly init: Float64Array | null;
}

/** A clustering with its centroids. */
export interface KMeansResult {
  /** Cluster of each row, 0..k-1. */
  readonly labels: Int32Array;
  /** k x d centroids (means of their clusters). */
  readonly centroids: Matrix;
  /** Sum of squared distances from each row to its centroid. */
  readonly inertia: number;
  /** Lloyd iterations of the winning start. */
  readonly iterations: number;
  /** Whether the winning start converged within `maxIterations`. */
  readonly converged: boolean;
  /** Rows per cluster. */
  readonly sizes: number[];
  /** Index of the winning start. */
  readonly restart: number;
  readonly issues: readonly AnalyticsIssue[];
}

function wholeNumber(name: string, value: number, min: number, max = Infinity): number {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    const range = max === Infinity ? `>= ${min}` : `from ${min} to ${max}`;
    throw new Error(`invalid ${name}: ${value} (expected a whole number ${range})`);
  }
  return value;
}

/** Resolves defaults and validates a k-means spec against the matrix it will run on. */
export function normalizeKMeans(m: Matrix, spec: KMeansSpec): NormalizedKMeans {
  const k = wholeNumber('k', spec.k, 1, Math.max(1, m.n));
  if (m.n === 0) throw new Error('invalid matrix: no rows to cluster');
  const tolerance = spec.tolerance ?? KMEANS_CONVERGENCE.tolerance;
  if (!(tolerance >= 0)) throw new Error(`invalid tolerance: ${tolerance} (expected a number >= 0)`);
  let init: Float64Array | null = null;
  const given = spec.init ?? 'kmeans++';
  if (given !== 'kmeans++') {
    if (typeof given === 'string')
      throw new Error(`invalid init: ${JSON.stringify(given)} (expected kmeans++ or centroids)`);
    const rows = 'data' in given ? given.n : given.length;
    const flat = 'data' in given ? given.data : Float64Array.from(given.flat());
    if (rows !== k || flat.length !== k * m.d) {
      throw new Error(
        `invalid init: ${rows} centroids of ${flat.length / Math.max(rows, 1)} values (expected ${k} x ${m.d})`,
      );
    }
    init = Float64Array.from(flat);
  }
  return {
    k,
    seed: spec.seed ?? 0,
    restarts: wholeNumber('restarts', spec.restarts ?? 1, 1),
    maxIterations: wholeNumber('maxIterations', spec.maxIterations ?? KMEANS_CONVERGENCE.maxIterations, 1),
    tolerance,
    init,
  };
}

/** The starting centres of start `r`: the warm start, or seeded k-means++. */
export function initialCenters(m: Matrix, s: NormalizedKMeans, r: number): Float64Array {
  return s.init ?? kmeansPlusPlus(m, s.k, createRandom(deriveSeed(s.seed, r)));
}

/** One start's outcome, as produced by the fast loop or the reference implementation. */
export interface StartRun {
  readonly labels: Int32Array;
  readonly centers: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly reseeds: number;
}

/**
 * Runs every start with `run` and keeps the lowest inertia. Each start ends with one more
 * assignment step (as scikit-learn's Lloyd loop does when it stops on the tolerance): a run that
 * stops because the centres moved less than the tolerance may hold labels from the step before
 * the last move, and a customer sitting between two centres could then differ from the nearest
 * centroid of the returned centres, which is what scoring new data (and a reviewer's replay of a
 * config) computes.
 */
export function bestOfStarts(
  m: Matrix,
  s: NormalizedKMeans,
  run: (init: Float64Array) => StartRun,
): KMeansResult {
  const starts = s.init ? 1 : s.restarts;
  let best: (StartRun & { inertia: number; restart: number }) | null = null;
  for (let r = 0; r < starts; r++) {
    const run1 = run(initialCenters(m, s, r));
    const out = { ...run1, labels: assignNearest(m, { n: s.k, d: m.d, data: run1.centers }) };
    const inertia = inertiaOf(m, out.labels, out.centers);
    if (!best || inertia < best.inertia) best = { ...out, inertia, restart: r };
  }
  if (!best) throw new Error('unreachable: no k-means start ran');
  const sizes = new Array<number>(s.k).fill(0);
  for (const c of best.labels) sizes[c]++;
  const issues: AnalyticsIssue[] = [];
  if (best.reseeds > 0) {
    issues.push({
      code: 'empty-cluster',
      message: `A cluster became empty ${best.reseeds} times and was restarted at the farthest customer.`,
    });
  }
  const empty = sizes.filter((x) => x === 0).length;
  if (empty > 0) {
    issues.push({
      code: 'fewer-clusters',
      message: `${empty} of the ${s.k} clusters ${empty === 1 ? 'is' : 'are'} empty: there are fewer distinct customers than k in the prepared data.`,
    });
  }
  if (!best.converged) {
    issues.push({
      code: 'not-converged',
      message: `k-means stopped after ${best.iterations} iterations without converging.`,
    });
  }
  return {
    labels: best.labels,
    centroids: { n: s.k, d: m.d, data: best.centers },
    inertia: best.inertia,
    iterations: best.iterations,
    converged: best.converged,
    sizes,
    restart: best.restart,
    issues,
  };
}

/** k-means with seeded k-means++ starts (or a warm start) and a fast flat-array Lloyd loop. */
export function kmeans(m: Matrix, spec: KMeansSpec): KMeansResult {
  const s = normalizeKMeans(m, spec);
  return bestOfStarts(m, s, (init) => lloyd(m, init, s.k, s.maxIterations, s.tolerance));
}
