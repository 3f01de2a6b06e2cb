import { calinskiHarabasz } from '../metrics/calinski-harabasz.ts';
import { daviesBouldin } from '../metrics/davies-bouldin.ts';
import type { AnalyticsIssue } from '../issues.ts';
import { kmeans } from '../cluster/kmeans.ts';
import { sweepKnee } from './knee.ts';
import type { Matrix } from '../matrix.ts';
import { keyword } from '../prepare/preparation-spec.ts';
import { sampledSilhouette } from '../metrics/silhouette-sampled.ts';
import { silhouetteMeans } from '../metrics/silhouette-many.ts';

/** A metric the sweep can compute for each k. */
export type SweepMetric = 'inertia' | 'silhouette' | 'ch' | 'db';
export const SWEEP_METRICS: readonly SweepMetric[] = ['inertia', 'silhouette', 'ch', 'db'];

/** Options of a k sweep; every field is optional. */
export interface SweepSpec {
  /** Smallest k. Default 2. */
  readonly kMin?: number;
  /** Largest k (at most n). Default 10. */
  readonly kMax?: number;
  /** k-means++ starts per k; the lowest inertia is kept. Default 3. */
  readonly restarts?: number;
  /** Seed of every k's k-means (the same for each k). Default 0. */
  readonly seed?: number;
  /**
   * k-means stopping rule (largest squared centre move). Default 1e-4 x the mean column
   * variance, scikit-learn's rule: choosing k needs no more, and it cuts iterations about 4x.
   */
  readonly tolerance?: number;
  /** Metrics to compute; the others are null. Default all four. */
  readonly metrics?: readonly SweepMetric[];
  /** Up to this many rows the silhouette is exact; above, stratified-sampled. Default 5000. */
  readonly silhouetteExactMax?: number;
  /** Sample size of the sampled silhouette. Default 2000. */
  readonly silhouetteSampleSize?: number;
  /** Called with the share of work done, in [0, 1], after each step. */
  readonly onProgress?: (fraction: number) => void;
  /** Checked between steps; when aborted the sweep throws an `AbortError`. */
  readonly signal?: AbortSignal;
}

/** One k of a sweep. */
export interface SweepPoint {
  readonly k: number;
  /** Within-cluster sum of squares (prepared units), or null when not asked for. */
  readonly inertia: number | null;
  /** Mean silhouette (exact or estimated from a stratified sample), or null. */
  readonly silhouette: number | null;
  /** Rows the silhouette was computed on (n when exact), or null. */
  readonly silhouetteSampleSize: number | null;
  readonly calinskiHarabasz: number | null;
  readonly daviesBouldin: number | null;
  readonly sizes: number[];
  readonly labels: Int32Array;
  /** k x d centroids, e.g. for a warm start or assigning new customers. */
  readonly centroids: Matrix;
}

/** The sweep over k. */
export interface SweepResult {
  readonly points: SweepPoint[];
  /** k at the knee of the inertia curve (null without inertia or with fewer than 3 k). */
  readonly kneeK: number | null;
  readonly issues: readonly AnalyticsIssue[];
}

function checkAborted(signal: AbortSignal | undefined): void {
  if (!signal?.aborted) return;
  throw signal.reason instanceof Error
    ? signal.reason
    : new DOMException('The k sweep was cancelled.', 'AbortError');
}

/**
 * Clusters with k-means for every k in kMin..kMax and computes the asked metrics. Pure and
 * synchronous, meant to run in a worker: reports progress and can be cancelled between steps.
 */
export function sweepK(m: Matrix, spec: SweepSpec = {}): SweepResult {
  const kMin = spec.kMin ?? 2;
  const kMax = Math.min(spec.kMax ?? 10, m.n);
  if (!(Number.isInteger(kMin) && kMin >= 1 && kMin <= kMax)) {
    throw new Error(
      `invalid k range: ${kMin}..${spec.kMax ?? 10} (expected whole numbers with 1 <= kMin <= kMax <= ${m.n})`,
    );
  }
  const metrics = new Set((spec.metrics ?? SWEEP_METRICS).map((x) => keyword('metric', x, SWEEP_METRICS)));
  const exactMax = spec.silhouetteExactMax ?? 5000;
  const restarts = spec.restarts ?? 3;
  const seed = spec.seed ?? 0;
  const tolerance = spec.tolerance ?? 1e-4 * meanVariance(m);
  const { onProgress, signal } = spec;
  const ks = Array.from({ length: kMax - kMin + 1 }, (_, i) => kMin + i);
  // rough cost weights: k-means grows with k; the metrics are a pass or a silhouette each
  const silCost = metrics.has('silhouette') ? 10 : 0;
  const total = ks.reduce((s, k) => s + k + silCost + 2, 0);
  let done = 0;
  const step = (w: number) => {
    done += w;
    onProgress?.(Math.min(1, done / total));
    checkAborted(signal);
  };
  checkAborted(signal);
  const issues: AnalyticsIssue[] = [];
  const fits = ks.map((k) => {
    const r = kmeans(m, { k, seed, restarts, tolerance });
    issues.push(...r.issues.map((i) => ({ ...i, message: `k = ${k}: ${i.message}` })));
    step(k);
    return r;
  });
  // The exact silhouettes of every k in one pass over the pairs (the distances are the cost);
  // equal, bit for bit, to one silhouette per k (silhouette-many.ts).
  const exact = metrics.has('silhouette') && m.n <= exactMax;
  let rowsDone = 0;
  const exactMeans = exact
    ? silhouetteMeans(
        m,
        fits.map((r) => r.labels),
        (rows) => {
          step((silCost * ks.length * (rows - rowsDone)) / m.n);
          rowsDone = rows;
        },
      )
    : null;
  if (exact) step((silCost * ks.length * (m.n - rowsDone)) / m.n);
  const points = ks.map((k, at): SweepPoint => {
    const r = fits[at];
    let sil: { mean: number; sampleSize: number } | null = null;
    if (exactMeans) sil = { mean: exactMeans[at], sampleSize: m.n };
    else if (metrics.has('silhouette')) {
      sil = sampledSilhouette(m, r.labels, { sampleSize: spec.silhouetteSampleSize ?? 2000, seed });
      step(silCost);
    }
    const ch = metrics.has('ch') ? calinskiHarabasz(m, r.labels) : null;
    const db = metrics.has('db') ? daviesBouldin(m, r.labels) : null;
    step(2);
    return {
      k,
      inertia: metrics.has('inertia') ? r.inertia : null,
      silhouette: sil ? sil.mean : null,
      silhouetteSampleSize: sil ? sil.sampleSize : null,
      calinskiHarabasz: ch,
      daviesBouldin: db,
      sizes: r.sizes,
      labels: r.labels,
      centroids: r.centroids,
    };
  });
  return { points, kneeK: sweepKnee(points), issues };
}

/** Mean over columns of the population variance. */
export function meanVariance(m: Matrix): number {
  const { n, d, data } = m;
  if (n === 0 || d === 0) return 0;
  let total = 0;
  for (let t = 0; t < d; t++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data[i * d + t];
    mean /= n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (data[i * d + t] - mean) ** 2;
    total += ss / n;
  }
  return total / d;
}
