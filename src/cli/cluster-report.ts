import type { Matrix } from '../analytics/matrix.ts';
import { kmeans } from '../analytics/cluster/kmeans.ts';
import { ward } from '../analytics/cluster/ward.ts';
import { dbscan } from '../analytics/cluster/dbscan.ts';
import { inertia } from '../analytics/metrics/inertia.ts';
import { silhouette } from '../analytics/metrics/silhouette.ts';
import { calinskiHarabasz } from '../analytics/metrics/calinski-harabasz.ts';
import { daviesBouldin } from '../analytics/metrics/davies-bouldin.ts';

export type Algorithm = 'kmeans' | 'ward' | 'dbscan';
export type Metric = 'inertia' | 'silhouette' | 'ch' | 'db';
export const METRICS: readonly Metric[] = ['inertia', 'silhouette', 'ch', 'db'];

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
  readonly k: number;
  /** Sum of squared distances to the cluster mean in the prepared space (noise excluded). */
  readonly inertia?: number;
  /** Exact mean silhouette (noise excluded). */
  readonly silhouette?: number;
  readonly calinskiHarabasz?: number;
  readonly daviesBouldin?: number;
  readonly sizes: readonly number[];
  readonly noise?: number;
  readonly method?: string;
  readonly labels?: readonly (number | null)[];
}

/**
 * Clusters a prepared matrix for each k and scores every result with the asked metrics.
 * `rows[i]` is the input row of matrix row i, so labels come back in input order.
 */
export function clusterReport(m: Matrix, spec: ClusterReportSpec, inputRows: number, rows: Int32Array): ClusterReportRow[] {
  const ks = spec.algorithm === 'dbscan' ? [0] : spec.ks;
  return ks.map((k) => {
    let labels: Int32Array;
    let sizes: readonly number[];
    let extra: Partial<ClusterReportRow> = {};
    if (spec.algorithm === 'kmeans') {
      if (k > m.n) throw new Error(`invalid --k: ${k} is more than the ${m.n} rows to cluster`);
      const r = kmeans(m, { k, seed: spec.seed, restarts: spec.restarts });
      ({ labels, sizes } = r);
    } else if (spec.algorithm === 'ward') {
      if (k > m.n) throw new Error(`invalid --k: ${k} is more than the ${m.n} rows to cluster`);
      const r = ward(m, { k, seed: spec.seed });
      ({ labels, sizes } = r);
      extra = { method: r.method };
    } else {
      const r = dbscan(m, { eps: spec.eps as number, minPoints: spec.minPoints });
      ({ labels, sizes } = r);
      extra = { noise: r.noiseCount, method: r.method };
    }
    const clusters = sizes.length;
    const has = (metric: Metric) => spec.metrics.includes(metric);
    const out: ClusterReportRow = {
      k: clusters,
      ...(has('inertia') ? { inertia: inertia(m, labels) } : {}),
      ...(has('silhouette') ? { silhouette: silhouette(m, labels).mean } : {}),
      ...(has('ch') ? { calinskiHarabasz: calinskiHarabasz(m, labels) } : {}),
      ...(has('db') ? { daviesBouldin: daviesBouldin(m, labels) } : {}),
      sizes,
      ...extra,
    };
    if (!spec.labels) return out;
    const byRow: (number | null)[] = new Array(inputRows).fill(null);
    rows.forEach((row, i) => (byRow[row] = labels[i] < 0 ? null : labels[i]));
    return { ...out, labels: byRow };
  });
}
