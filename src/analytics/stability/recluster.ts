import { cluster, type NormalizedClusterSpec } from '../cluster/cluster.ts';
import type { Matrix } from '../matrix.ts';

/** Labels of a reclustering; `method` is null when DBSCAN found no cluster (every row noise). */
export interface Reclustered {
  readonly labels: Int32Array;
  readonly method: string | null;
  /** Cluster means (k x d) in the clustered space; empty when every row is noise. */
  readonly centroids: Matrix;
  readonly sizes: readonly number[];
}

/**
 * `cluster(m, spec)` for a perturbed or resampled matrix. `cluster()` refuses a DBSCAN run
 * without any cluster (right for the notebook, which has nothing to show); here that is an
 * outcome to count: every customer is noise.
 */
export function recluster(m: Matrix, spec: NormalizedClusterSpec): Reclustered {
  try {
    const r = cluster(m, spec);
    return { labels: r.labels, method: r.method, centroids: r.centroids, sizes: r.sizes };
  } catch (error) {
    if (spec.algorithm !== 'dbscan') throw error;
    return { labels: new Int32Array(m.n).fill(-1), method: null, centroids: { n: 0, d: m.d, data: new Float64Array(0) }, sizes: [] };
  }
}
