import type { Matrix } from '../analytics/matrix.ts';
import { cluster, type Algorithm, type ClusterResult } from '../analytics/cluster/cluster.ts';
import { formatPercent } from '../analytics/issues.ts';
import { silhouette } from '../analytics/metrics/silhouette.ts';
import { calinskiHarabasz } from '../analytics/metrics/calinski-harabasz.ts';
import { daviesBouldin } from '../analytics/metrics/davies-bouldin.ts';

export type { Algorithm };
export type Metric = 'inertia' | 'silhouette' | 'ch' | 'db';
export const METRICS: readonly Metric[] = ['inertia', 'silhouette', 'ch', 'db'];

/** DBSCAN results with at least this share of customers in one cluster, or as noise, are flagged. */
export const DBSCAN_DEGENERATE_SHARE = 0.95;

export interface ClusterReportSpec {
  readonly algorithm: Algorithm;
  /** The k values to try (ignored by DBSCAN, which finds its own number of clusters). */
  readonly ks: readonly number[];
  readonly restarts: number;
  readonly seed: number;
  readonly eps?: number;
  readonly minPoints: number;
  readonly metrics: readonly Metric[];
  /** Include each row's label (input row order; null for rows left out or DBSCAN noise). */
  readonly labels: boolean;
}

export interface ClusterReportRow {
  /** Clusters asked for (k-means, Ward) or found (DBSCAN). */
  readonly k: number;
  /** Non-empty clusters. */
  readonly clusters: number;
  /** Sum of squared distances to the cluster mean in the prepared space (noise excluded). */
  readonly inertia?: number;
  /**
   * Exact mean silhouette (noise excluded). This and the two scores below are null when they
   * are undefined: fewer than two non-empty clusters, or as many clusters as rows (scikit-learn
   * refuses both).
   */
  readonly silhouette?: number | null;
  readonly calinskiHarabasz?: number | null;
  readonly daviesBouldin?: number | null;
  /** Rows per cluster, in canonical order (largest first; the notebook's ids). */
  readonly sizes: readonly number[];
  readonly noise?: number;
  readonly method: string;
  /** Lloyd iterations and convergence of the winning k-means start (k-means only). */
  readonly iterations?: number;
  readonly converged?: boolean;
  /** Why this result should not be read at face value (empty clusters, not converged, ...). */
  readonly warnings: readonly string[];
  readonly labels?: readonly (number | null)[];
}

/** Distinct rows of `m`, counted up to `limit` (enough to tell whether k exceeds them). */
export function distinctRows(m: Matrix, limit: number): number {
  const seen = new Set<string>();
  const { n, d, data } = m;
  for (let i = 0; i < n && seen.size <= limit; i++) seen.add(data.subarray(i * d, (i + 1) * d).join(','));
  return seen.size;
}

/** The warnings of one clustering: its own issues, then what makes its scores unreliable. */
function warningsOf(r: ClusterResult, k: number, n: number, distinct: number): string[] {
  const tooFewPoints = r.algorithm !== 'dbscan' && k > distinct;
  // One sentence per fact: the distinct-point count explains the empty clusters.
  const warnings = r.issues.filter((i) => !(tooFewPoints && i.code === 'fewer-clusters')).map((i) => i.message);
  const nonEmpty = r.sizes.filter((s) => s > 0).length;
  if (tooFewPoints) {
    warnings.push(`k = ${k} is more than the ${distinct} distinct point${distinct === 1 ? '' : 's'} in the prepared data: ${k - nonEmpty} cluster${k - nonEmpty === 1 ? ' is' : 's are'} empty.`);
  } else if (r.algorithm !== 'dbscan' && nonEmpty < k && !r.issues.some((i) => i.code === 'fewer-clusters')) {
    warnings.push(`Only ${nonEmpty} of the ${k} clusters ${nonEmpty === 1 ? 'is' : 'are'} non-empty.`);
  }
  if (r.algorithm === 'dbscan' && n > 0) {
    const largest = Math.max(0, ...r.sizes);
    if (largest / n >= DBSCAN_DEGENERATE_SHARE) {
      warnings.push(`${formatPercent(largest / n)} of customers are in one cluster: eps is probably too large to separate groups.`);
    }
    if (r.noise / n >= DBSCAN_DEGENERATE_SHARE) {
      warnings.push(`${formatPercent(r.noise / n)} of customers are noise: eps is probably too small (or --min-points too large).`);
    }
  }
  if (nonEmpty < 2) warnings.push('Silhouette, Calinski-Harabasz and Davies-Bouldin need at least 2 non-empty clusters: they are null.');
  return warnings;
}

/**
 * Clusters a prepared matrix for each k with `cluster()` (canonical ids, as in the notebook)
 * and scores every result with the asked metrics. `rows[i]` is the input row of matrix row i,
 * so labels come back in input order.
 */
export function clusterReport(m: Matrix, spec: ClusterReportSpec, inputRows: number, rows: Int32Array): ClusterReportRow[] {
  const ks = spec.algorithm === 'dbscan' ? [0] : spec.ks;
  const distinct = distinctRows(m, Math.max(...ks));
  return ks.map((k) => {
    const r = cluster(m, { algorithm: spec.algorithm, k: k || undefined, seed: spec.seed, restarts: spec.restarts, eps: spec.eps, minPoints: spec.minPoints });
    const clustered = m.n - r.noise;
    const nonEmpty = r.sizes.filter((s) => s > 0).length;
    // Undefined (scikit-learn raises) unless 2 <= clusters <= clustered rows - 1.
    const defined = nonEmpty >= 2 && nonEmpty < clustered;
    const has = (metric: Metric) => spec.metrics.includes(metric);
    const score = (f: () => number) => (defined ? f() : null);
    const out: ClusterReportRow = {
      k: r.k,
      clusters: nonEmpty,
      ...(has('inertia') ? { inertia: r.inertia } : {}),
      ...(has('silhouette') ? { silhouette: score(() => silhouette(m, r.labels).mean) } : {}),
      ...(has('ch') ? { calinskiHarabasz: score(() => calinskiHarabasz(m, r.labels)) } : {}),
      ...(has('db') ? { daviesBouldin: score(() => daviesBouldin(m, r.labels)) } : {}),
      sizes: r.sizes,
      ...(r.algorithm === 'dbscan' ? { noise: r.noise } : {}),
      method: r.method,
      ...(r.iterations === null ? {} : { iterations: r.iterations, converged: r.converged ?? false }),
      warnings: warningsOf(r, r.k, m.n, distinct),
    };
    if (!spec.labels) return out;
    const byRow: (number | null)[] = new Array(inputRows).fill(null);
    rows.forEach((row, i) => (byRow[row] = r.labels[i] < 0 ? null : r.labels[i]));
    return { ...out, labels: byRow };
  });
}
