import { cell, hostValue, select, slider } from '../src/runtime/index.ts';
import { assignNearest } from '../src/analytics/cluster/assign.ts';
import { kmeans } from '../src/analytics/cluster/kmeans.ts';
import { centroidsOf } from '../src/analytics/cluster/centroids.ts';
import { inertia } from '../src/analytics/metrics/inertia.ts';
import { fromRows, type Matrix } from '../src/analytics/matrix.ts';
import { relabel, sizeOrder } from '../src/analytics/cluster/relabel.ts';
import { alignLabels } from '../src/analytics/agreement/align.ts';
import type { AnalyticsIssue } from '../src/analytics/issues.ts';
import type { TaskRunner } from '../src/workers/tasks.ts';
import { prepared } from './prepare.ts';
import { host } from './data.ts';
import { textBlock } from './view-helpers.ts';

/** k-means restarts (k-means++ seeds); the run with the lowest inertia is kept. */
export const RESTARTS = 4;

export const ALGORITHMS = ['kmeans', 'ward', 'dbscan'] as const;
export type Algorithm = (typeof ALGORITHMS)[number];

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

/** Cluster names to keep after an import: the imported centroids, with an id so it applies once. */
export interface LabelReference {
  readonly id: number;
  readonly centroids: readonly (readonly number[])[];
}

export const labelReference = hostValue<LabelReference | null>({ name: 'labelReference', value: null });

export interface Clustering {
  readonly algorithm: Algorithm;
  /** How it ran, e.g. `exact` or `micro-clusters(300)` for Ward, the index used by DBSCAN. */
  readonly method: string;
  /** Clusters found (k for k-means and Ward). */
  readonly k: number;
  readonly seed: number;
  readonly restarts: number;
  /** Cluster per prepared row, 0..k-1; -1 = DBSCAN noise. */
  readonly labels: Int32Array;
  /** Cluster means in the prepared space, k x d. */
  readonly centroids: Matrix;
  readonly sizes: number[];
  /** Sum of squared distances to the cluster means (noise left out). */
  readonly inertia: number;
  readonly noise: number;
  readonly iterations: number | null;
  readonly converged: boolean | null;
  readonly issues: readonly AnalyticsIssue[];
  /** The label reference this clustering was aligned to, so each reference applies once. */
  readonly referenceId: number | null;
  /** Share of customers whose cluster changed against the previous result (null at first). */
  readonly changedShare: number | null;
  /** The preparation the clustering ran on (to tell a live preview from the settled result). */
  readonly preparation: string;
}

interface Raw {
  labels: Int32Array;
  centroids: Matrix;
  sizes: number[];
  method: string;
  noise: number;
  iterations: number | null;
  converged: boolean | null;
  issues: readonly AnalyticsIssue[];
}

/** Runs one algorithm in the task runner (a worker in the app). */
export async function runAlgorithm(
  tasks: TaskRunner,
  m: Matrix,
  spec: { algorithm: Algorithm; k: number; seed: number; eps: number; minPoints: number },
  signal?: AbortSignal,
  lane: 'interactive' | 'background' = 'interactive',
): Promise<Raw> {
  if (spec.algorithm !== 'dbscan' && m.n < spec.k) {
    throw new Error(`only ${m.n} customers are left after preparation; choose k ≤ ${m.n}`);
  }
  if (spec.algorithm === 'kmeans') {
    const r = await tasks.run('kmeans', [m, { k: spec.k, seed: spec.seed, restarts: RESTARTS }], { signal, lane });
    return { ...r, method: `best of ${RESTARTS} k-means++ starts`, noise: 0 };
  }
  if (spec.algorithm === 'ward') {
    const r = await tasks.run('ward', [m, { k: spec.k, seed: spec.seed }], { signal, lane });
    return { ...r, noise: 0, iterations: null, converged: null };
  }
  const r = await tasks.run('dbscan', [m, { eps: spec.eps, minPoints: spec.minPoints }], { signal, lane });
  if (r.clusters === 0) {
    throw new Error(`DBSCAN found no cluster at eps = ${spec.eps}: every customer is noise. Raise eps or lower the core size.`);
  }
  const { centroids } = centroidsOf(m, r.labels);
  return { labels: r.labels, centroids, sizes: r.sizes, method: r.method, noise: r.noiseCount, iterations: null, converged: null, issues: r.issues };
}

/**
 * Alignment may name clusters with ids that leave gaps (k went down) or exceed k - 1; the
 * matched ids keep their order, so most clusters keep their number and colour.
 */
function compactMapping(mapping: readonly number[], k: number): number[] {
  const targets = [...new Set(mapping.slice(0, k))].sort((a, b) => a - b);
  const rank = new Map(targets.map((t, i) => [t, i]));
  return Array.from({ length: k }, (_, c) => rank.get(mapping[c]) as number);
}

export const clustering = cell({
  name: 'clustering',
  title: 'Clustering',
  schedule: 'settled',
  inputs: { prepared, algorithm, k, seed, eps, minPoints, labelReference, host },
  run: async (v, { previous, signal }): Promise<Clustering> => {
    const m = v.prepared.matrix;
    const raw = await runAlgorithm(v.host.tasks, m, v, signal);
    const found = raw.sizes.length;
    const prev = previous as Clustering | undefined;
    // Names and colours follow the previous result (or an imported config) so they do not jump.
    let reference: Int32Array | null = null;
    let referenceId = prev?.referenceId ?? null;
    const ref = v.labelReference;
    if (ref && ref.id !== prev?.referenceId && ref.centroids[0]?.length === m.d) {
      reference = assignNearest(m, fromRows(ref.centroids));
      referenceId = ref.id;
    } else if (prev && prev.labels.length === m.n) {
      reference = prev.labels;
    }
    const named = reference
      ? relabel(raw, compactMapping(alignLabels(reference, raw.labels).mapping, found))
      : relabel(raw, sizeOrder(raw.sizes));
    let changed: number | null = null;
    if (prev && prev.labels.length === m.n) {
      let moved = 0;
      for (let i = 0; i < m.n; i++) if (prev.labels[i] !== named.labels[i]) moved++;
      changed = moved / m.n;
    }
    return {
      ...named,
      algorithm: v.algorithm,
      k: found,
      seed: v.seed,
      restarts: v.algorithm === 'kmeans' ? RESTARTS : 1,
      inertia: inertia(m, named.labels),
      referenceId,
      changedShare: changed,
      preparation: JSON.stringify(v.prepared.params),
    };
  },
  view: (c, { document }) =>
    textBlock(document, [
      `${c.algorithm === 'kmeans' ? 'k-means' : c.algorithm === 'ward' ? 'Ward' : 'DBSCAN'} (${c.method}): ${c.k} clusters, ` +
        `sizes ${c.sizes.map((s, i) => `${i + 1}: ${s.toLocaleString('en-US')}`).join(', ')}` +
        `${c.noise > 0 ? `; ${c.noise.toLocaleString('en-US')} noise` : ''}; inertia ${c.inertia.toFixed(1)}` +
        `${c.iterations !== null ? `; ${c.iterations} iterations${c.converged ? '' : ' (not converged)'}` : ''}.`,
      ...(c.changedShare !== null ? [`${(c.changedShare * 100).toFixed(1)}% of customers changed cluster.`] : []),
      ...c.issues.map((i) => `⚠ ${i.message}`),
    ]),
});

/** Lloyd iterations of the live preview: enough to follow a drag. */
const PREVIEW_ITERATIONS = 3;
/**
 * Above this many customers the preview is skipped: its Lloyd steps on the main thread cost
 * more than the repaint itself (measured: about +60 ms per drag step at 50,000), so colours
 * wait for the release there.
 */
export const PREVIEW_MAX_ROWS = 20_000;

/**
 * What the chart colours by. While a preparation control is dragged, k-means is warm-started
 * from the last settled centroids on the live prepared matrix (a few Lloyd iterations on this
 * thread), so colours follow the drag; on release the settled clustering (seeded restarts,
 * reproducible) replaces it. Labels are aligned to the settled clustering so colours do not jump.
 */
export const previewLabels = cell({
  name: 'previewLabels',
  title: 'Live cluster preview',
  hidden: true,
  inputs: { prepared, clustering },
  run: ({ prepared, clustering }): { labels: Int32Array; warm: boolean } => {
    const m = prepared.matrix;
    const settledFits = clustering.labels.length === m.n;
    if (settledFits && clustering.preparation === JSON.stringify(prepared.params)) return { labels: clustering.labels, warm: false };
    if (clustering.algorithm !== 'kmeans' || clustering.centroids.d !== m.d || !settledFits || m.n < clustering.k || m.n > PREVIEW_MAX_ROWS) {
      return { labels: settledFits ? clustering.labels : new Int32Array(m.n).fill(-1), warm: false };
    }
    const warm = kmeans(m, { k: clustering.k, init: clustering.centroids, maxIterations: PREVIEW_ITERATIONS });
    return { labels: alignLabels(clustering.labels, warm.labels).labels, warm: true };
  },
});
