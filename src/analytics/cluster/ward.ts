import { centroidsOf } from './centroids.ts';
import type { AnalyticsIssue } from '../issues.ts';
import { kmeans } from './kmeans.ts';
import type { Matrix } from '../matrix.ts';
import { cutTree, wardLinkage, type WardMerge } from './ward-linkage.ts';

/** Hierarchical Ward clustering options; only `k` is required. */
export interface WardSpec {
  /** Number of clusters to cut the tree into. */
  readonly k: number;
  /** Largest n clustered exactly (O(n^2) time, n^2/2 doubles of memory). Default 2000. */
  readonly exactMax?: number;
  /** Above `exactMax`: number of k-means micro-clusters Ward runs on, weighted by size. Default 300. */
  readonly microClusters?: number;
  /** Lloyd iterations of the micro-cluster k-means (they need not converge). Default 10. */
  readonly microIterations?: number;
  /** Seed of the micro-cluster k-means. Default 0. */
  readonly seed?: number;
}

/** A Ward clustering of every row. */
export interface WardResult {
  /** Cluster of each row, 0..k-1, numbered by first appearance. */
  readonly labels: Int32Array;
  /** k x d cluster means. */
  readonly centroids: Matrix;
  readonly sizes: number[];
  /** `exact`, or `micro-clusters(m)` when Ward ran on m weighted k-means micro-clusters. */
  readonly method: string;
  /** The dendrogram over the points (exact) or over the micro-clusters, sorted by height. */
  readonly merges: readonly WardMerge[];
  readonly issues: readonly AnalyticsIssue[];
}

/**
 * Ward clustering that scales: exact Ward for n <= exactMax; above it, k-means micro-clusters
 * first, then exact weighted Ward over their centroids, each row taking its micro-cluster's label.
 */
export function ward(m: Matrix, spec: WardSpec): WardResult {
  const { k } = spec;
  const exactMax = spec.exactMax ?? 2000;
  const micro = spec.microClusters ?? 300;
  if (!(Number.isInteger(k) && k >= 1 && k <= m.n)) {
    throw new Error(`invalid k: ${k} (expected a whole number from 1 to ${m.n})`);
  }
  const issues: AnalyticsIssue[] = [];
  let labels: Int32Array;
  let merges: WardMerge[];
  let method = 'exact';
  if (m.n <= exactMax) {
    merges = wardLinkage(m);
    labels = cutTree(merges, m.n, k);
  } else {
    const km = kmeans(m, {
      k: Math.max(k, Math.min(micro, m.n)),
      seed: spec.seed ?? 0,
      maxIterations: spec.microIterations ?? 10,
    });
    issues.push(...km.issues.filter((i) => i.code !== 'not-converged'));
    const keep = km.sizes.map((s, c) => (s > 0 ? c : -1)).filter((c) => c >= 0);
    const slot = new Int32Array(km.sizes.length).fill(-1);
    keep.forEach((c, j) => (slot[c] = j));
    const d = m.d;
    const pts = new Float64Array(keep.length * d);
    keep.forEach((c, j) => pts.set(km.centroids.data.subarray(c * d, c * d + d), j * d));
    merges = wardLinkage(
      { n: keep.length, d, data: pts },
      keep.map((c) => km.sizes[c]),
    );
    const microLabels = cutTree(merges, keep.length, Math.min(k, keep.length));
    labels = firstAppearance(Int32Array.from(km.labels, (c) => microLabels[slot[c]]));
    method = `micro-clusters(${keep.length})`;
  }
  const { centroids, sizes, values } = centroidsOf(m, labels);
  if (values.length !== k) {
    issues.push({
      code: 'fewer-clusters',
      message: `Ward produced ${values.length} clusters instead of ${k}.`,
    });
  }
  return { labels, centroids, sizes: [...sizes], method, merges, issues };
}

function firstAppearance(labels: Int32Array): Int32Array {
  const names = new Map<number, number>();
  return labels.map((l) => {
    if (!names.has(l)) names.set(l, names.size);
    return names.get(l) as number;
  });
}
