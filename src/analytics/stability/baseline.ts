import { cluster, type ClusterSpec } from '../cluster/cluster.ts';
import type { Matrix } from '../matrix.ts';

/** The clustering every robustness analysis compares against. */
export interface Baseline {
  /** Cluster per matrix row, 0..clusters-1; -1 = DBSCAN noise. */
  readonly labels: Int32Array;
  /** Number of clusters (the largest id + 1). */
  readonly clusters: number;
  /** Rows per cluster, by id. */
  readonly sizes: readonly number[];
  /** Rows labelled noise (-1). */
  readonly noise: number;
}

/**
 * The baseline: the given labels (e.g. the notebook's clustering, with whatever ids it shows),
 * or `cluster(m, spec)`. Given labels must be whole numbers >= -1, one per row.
 */
export function resolveBaseline(m: Matrix, spec: ClusterSpec, given?: ArrayLike<number>): Baseline {
  let labels: Int32Array;
  if (given === undefined) labels = cluster(m, spec).labels;
  else {
    if (given.length !== m.n) throw new Error(`invalid baseline: ${given.length} labels for ${m.n} rows`);
    labels = Int32Array.from(given);
    for (let i = 0; i < m.n; i++) {
      if (labels[i] !== given[i] || labels[i] < -1) {
        throw new Error(`invalid baseline: label ${given[i]} at row ${i} (expected a whole number >= -1; -1 = noise)`);
      }
    }
  }
  let clusters = 0;
  for (const c of labels) if (c + 1 > clusters) clusters = c + 1;
  const sizes = new Array<number>(clusters).fill(0);
  let noise = 0;
  for (const c of labels) {
    if (c < 0) noise++;
    else sizes[c]++;
  }
  return { labels, clusters, sizes, noise };
}

