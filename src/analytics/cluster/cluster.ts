import type { AnalyticsIssue } from '../issues.ts';
import { keyword } from '../keyword.ts';
import type { Matrix } from '../matrix.ts';
import { inertia as inertiaOf } from '../metrics/inertia.ts';
import { canonicalMapping } from './canonical.ts';
import { centroidsOf } from './centroids.ts';
import { dbscan } from './dbscan.ts';
import { kmeans } from './kmeans.ts';
import { relabel } from './relabel.ts';
import { ward } from './ward.ts';

/** The clustering algorithms, in the order the UI offers them. */
export const ALGORITHMS = ['kmeans', 'ward', 'dbscan'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

/** k-means starts of the notebook and the command when none are given. */
export const DEFAULT_RESTARTS = 4;

/** What to run; `normalizeClusterSpec` holds every default. */
export interface ClusterSpec {
  readonly algorithm: Algorithm;
  /** Clusters wanted (k-means, Ward); DBSCAN finds its own number. */
  readonly k?: number;
  /** Seed of k-means++ (k-means) and of the micro-cluster k-means (Ward). Default 0. */
  readonly seed?: number;
  /** k-means starts; the lowest inertia wins. Default `DEFAULT_RESTARTS`. */
  readonly restarts?: number;
  /** DBSCAN radius in prepared units. Default 0.5. */
  readonly eps?: number;
  /** DBSCAN core size (neighbours within eps, the row included). Default 5. */
  readonly minPoints?: number;
}

export interface NormalizedClusterSpec {
  readonly algorithm: Algorithm;
  readonly k: number;
  readonly seed: number;
  readonly restarts: number;
  readonly eps: number;
  readonly minPoints: number;
}

/** A clustering with canonical ids: clusters numbered by size, largest first (see `canonical.ts`). */
export interface ClusterResult {
  readonly algorithm: Algorithm;
  /** How it ran, e.g. `best of 4 k-means++ starts`, `exact`, `micro-clusters(300)`, `kd-tree`. */
  readonly method: string;
  /** Clusters found (k for k-means and Ward). */
  readonly k: number;
  /** Cluster per row, 0..k-1 in canonical order; -1 = DBSCAN noise. */
  readonly labels: Int32Array;
  /** Cluster means in the clustered space, k x d, in canonical order. */
  readonly centroids: Matrix;
  readonly sizes: number[];
  /** Sum of squared distances to the cluster means (noise left out). */
  readonly inertia: number;
  /** DBSCAN noise rows (0 otherwise). */
  readonly noise: number;
  /** Lloyd iterations and convergence of the winning k-means start; null for the others. */
  readonly iterations: number | null;
  readonly converged: boolean | null;
  readonly issues: readonly AnalyticsIssue[];
}

function whole(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!(Number.isInteger(value) && value >= min && value <= max)) {
    throw new Error(`invalid ${name}: ${value} (expected a whole number from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'})`);
  }
  return value;
}

/** Resolves defaults and validates a spec for a matrix of `n` rows. */
export function normalizeClusterSpec(spec: ClusterSpec, n: number): NormalizedClusterSpec {
  const algorithm = keyword('algorithm', spec.algorithm, ALGORITHMS);
  const k = whole('k', spec.k ?? 2, 1);
  if (algorithm !== 'dbscan' && k > n) {
    throw new Error(
      n === 0
        ? 'no customers are left to cluster after preparation'
        : `only ${n.toLocaleString('en-US')} customer${n === 1 ? ' is' : 's are'} left to cluster, fewer than k = ${k}; choose k of at most ${n.toLocaleString('en-US')}`,
    );
  }
  const eps = spec.eps ?? 0.5;
  if (!(eps > 0 && Number.isFinite(eps))) throw new Error(`invalid eps: ${eps} (expected a number > 0)`);
  return {
    algorithm,
    k,
    seed: whole('seed', spec.seed ?? 0, 0),
    restarts: whole('restarts', spec.restarts ?? DEFAULT_RESTARTS, 1),
    eps,
    minPoints: whole('minPoints', spec.minPoints ?? 5, 1),
  };
}

/**
 * Clusters the rows of `m` with one of the algorithms. The one dispatch the notebook, the
 * workers and the command use; its ids are canonical, so the same matrix and spec give the
 * same labels whatever ran before.
 */
export function cluster(m: Matrix, spec: ClusterSpec): ClusterResult {
  const s = normalizeClusterSpec(spec, m.n);
  let raw: Omit<ClusterResult, 'algorithm' | 'k' | 'inertia'>;
  if (s.algorithm === 'kmeans') {
    const r = kmeans(m, { k: s.k, seed: s.seed, restarts: s.restarts });
    raw = { ...r, method: `best of ${s.restarts} k-means++ start${s.restarts === 1 ? '' : 's'}`, noise: 0 };
  } else if (s.algorithm === 'ward') {
    const r = ward(m, { k: s.k, seed: s.seed });
    raw = { ...r, noise: 0, iterations: null, converged: null };
  } else {
    const r = dbscan(m, { eps: s.eps, minPoints: s.minPoints });
    if (r.clusters === 0) {
      throw new Error(`DBSCAN found no cluster at eps = ${s.eps}: every customer is noise. Raise eps or lower the core size.`);
    }
    const { centroids } = centroidsOf(m, r.labels);
    raw = { labels: r.labels, centroids, sizes: r.sizes, method: r.method, noise: r.noiseCount, iterations: null, converged: null, issues: r.issues };
  }
  const named = relabel(raw, canonicalMapping(raw.labels, raw.sizes.length));
  return { ...named, algorithm: s.algorithm, k: named.sizes.length, inertia: inertiaOf(m, named.labels) };
}
