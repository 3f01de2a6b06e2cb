import { cell, sampled, select, slider } from '../src/runtime/index.ts';
import { ALGORITHMS, DEFAULT_RESTARTS, type ClusterResult } from '../src/analytics/cluster/cluster.ts';
import type { Prepared } from '../src/analytics/prepare/prepare.ts';
import { prepared } from './prepare.ts';
import { host } from './data.ts';
import { textBlock } from './view-helpers.ts';

export const algorithm = select({
  name: 'algorithm',
  title: 'Algorithm',
  options: ALGORITHMS,
  value: 'kmeans',
  description:
    'k-means: compact clusters around centres. Ward: hierarchical merging (over k-means micro-clusters above 2,000 customers). DBSCAN: dense regions; sparse customers become noise.',
});

export const k = slider({
  name: 'k',
  title: 'Number of clusters (k)',
  min: 2,
  max: 10,
  value: 4,
  description: 'Most service-tier designs use 3 to 6 segments. DBSCAN finds its own number.',
});

export const seed = slider({
  name: 'seed',
  title: 'Random seed',
  min: 0,
  max: 999,
  value: 42,
  description: 'Fixes k-means++ seeding so the same inputs always give the same clusters.',
});

export const eps = slider({
  name: 'eps',
  title: 'DBSCAN radius (eps)',
  min: 0.05,
  max: 5,
  step: 0.05,
  value: 0.8,
  description: 'Distance in the prepared space within which customers count as neighbours; read it off the k-distance plot.',
});

export const minPoints = slider({
  name: 'minPoints',
  title: 'DBSCAN core size',
  min: 2,
  max: 50,
  value: 8,
  description: 'Neighbours (including itself) a customer needs within eps to be a core point.',
});

/** The settled clustering: canonical ids (by size, largest first), a function of its inputs only. */
export interface Clustering extends ClusterResult {
  readonly seed: number;
  readonly restarts: number;
  /** The prepared data it clustered (to tell the live preview from the settled result). */
  readonly on: Prepared;
}

const NAMES = { kmeans: 'k-means', ward: 'Ward', dbscan: 'DBSCAN' } as const;

export const clustering = cell({
  name: 'clustering',
  title: 'Clustering',
  // Every input sampled: one run per released change, never one per drag step.
  inputs: {
    prepared: sampled(prepared),
    algorithm: sampled(algorithm),
    k: sampled(k),
    seed: sampled(seed),
    eps: sampled(eps),
    minPoints: sampled(minPoints),
    host,
  },
  run: async (v, { signal, lane }): Promise<Clustering> => {
    const restarts = v.algorithm === 'kmeans' ? DEFAULT_RESTARTS : 1;
    const spec = { algorithm: v.algorithm, k: v.k, seed: v.seed, restarts: DEFAULT_RESTARTS, eps: v.eps, minPoints: v.minPoints };
    const result = await v.host.tasks.run('cluster', [v.prepared.matrix, spec], { signal, lane });
    return { ...result, seed: v.seed, restarts, on: v.prepared };
  },
  view: (c, { document }) =>
    textBlock(document, [
      `${NAMES[c.algorithm]} (${c.method}): ${c.k} clusters, ` +
        `sizes ${c.sizes.map((s, i) => `${i + 1}: ${s.toLocaleString('en-US')}`).join(', ')}` +
        `${c.noise > 0 ? `; ${c.noise.toLocaleString('en-US')} noise` : ''}; inertia ${c.inertia.toFixed(1)}` +
        `${c.iterations !== null ? `; ${c.iterations} iterations${c.converged ? '' : ' (not converged)'}` : ''}.`,
      ...c.issues.map((i) => `⚠ ${i.message}`),
    ]),
});

/** Lloyd iterations of the live preview: enough to follow a drag. */
const PREVIEW_ITERATIONS = 3;

/**
 * What the chart colours by. While a preparation control is dragged, k-means is warm-started
 * from the settled centroids on the live prepared matrix (a few Lloyd iterations in the
 * interactive worker, at any size, so the main thread stays free for the repaint), so colours
 * follow the drag; on release the settled clustering replaces it. Cluster c of the preview starts
 * from settled centroid c, so ids match without any alignment: a function of the live matrix and
 * the settled clustering only, shown during a drag and never exported.
 */
export const previewLabels = cell({
  name: 'previewLabels',
  title: 'Live cluster preview',
  hidden: true,
  inputs: { prepared, clustering, host },
  run: async ({ prepared, clustering, host }, { lane }): Promise<{ labels: Int32Array; warm: boolean }> => {
    const m = prepared.matrix;
    const settledFits = clustering.labels.length === m.n;
    if (clustering.on === prepared) return { labels: clustering.labels, warm: false };
    if (clustering.algorithm !== 'kmeans' || clustering.centroids.d !== m.d || !settledFits || m.n < clustering.k) {
      return { labels: settledFits ? clustering.labels : new Int32Array(m.n).fill(-1), warm: false };
    }
    // No signal on purpose: cancelling a worker task terminates the worker, and a drag supersedes
    // a preview every few milliseconds; a stale result (a few ms of work) is simply dropped.
    const labels = await host.tasks.run('warmLabels', [m, clustering.centroids, PREVIEW_ITERATIONS], { lane });
    return { labels, warm: true };
  },
});
