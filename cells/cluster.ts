import { cell, hostValue, slider } from '../src/runtime/index.ts';
import type { KMeansResult } from '../src/analytics/kmeans.ts';
import { assignNearest } from '../src/analytics/assign.ts';
import { fromRows } from '../src/analytics/matrix.ts';
import { relabel, sizeOrder } from '../src/analytics/relabel.ts';
import { alignLabels } from '../src/analytics/align.ts';
import { prepared } from './prepare.ts';
import { host } from './data.ts';
import { textBlock } from './view-helpers.ts';

/** k-means restarts (k-means++ seeds); the run with the lowest inertia is kept. */
export const RESTARTS = 4;

export const k = slider({
  name: 'k',
  title: 'Number of clusters (k)',
  min: 2,
  max: 10,
  value: 4,
  description: 'Most service-tier designs use 3 to 6 segments.',
});

export const seed = slider({
  name: 'seed',
  title: 'Random seed',
  min: 0,
  max: 999,
  value: 42,
  description: 'Fixes k-means++ seeding so the same inputs always give the same clusters.',
});

/** Cluster names to keep after an import: the imported centroids, with an id so it applies once. */
export interface LabelReference {
  readonly id: number;
  readonly centroids: readonly (readonly number[])[];
}

export const labelReference = hostValue<LabelReference | null>({ name: 'labelReference', value: null });

export interface Clustering extends KMeansResult {
  readonly k: number;
  readonly seed: number;
  readonly restarts: number;
  /** The label reference this clustering was aligned to, so each reference applies once. */
  readonly referenceId: number | null;
  /** Share of customers whose cluster changed against the previous result (null at first). */
  readonly changedShare: number | null;
}

/**
 * Alignment may name clusters with ids that leave gaps (k went down) or exceed k - 1; the
 * matched ids keep their order, so most clusters keep their number and colour.
 */
function compactMapping(mapping: readonly number[], k: number): number[] {
  // Every cluster of a k-means result is non-empty, so mapping[c] >= 0 for c < k.
  const targets = [...new Set(mapping.slice(0, k))].sort((a, b) => a - b);
  const rank = new Map(targets.map((t, i) => [t, i]));
  return Array.from({ length: k }, (_, c) => rank.get(mapping[c]) as number);
}

export const clustering = cell({
  name: 'clustering',
  title: 'k-means clustering',
  schedule: 'settled',
  inputs: { prepared, k, seed, labelReference, host },
  run: async ({ prepared, k, seed, labelReference, host }, { previous, signal }): Promise<Clustering> => {
    const m = prepared.matrix;
    if (m.n < k) throw new Error(`only ${m.n} customers are left after preparation; choose k ≤ ${m.n}`);
    const result = await host.tasks.run('kmeans', [m, { k, seed, restarts: RESTARTS }], { signal });
    const prev = previous as Clustering | undefined;
    // Names and colours follow the previous result (or an imported config) so they do not jump.
    let reference: Int32Array | null = null;
    let referenceId = prev?.referenceId ?? null;
    if (labelReference && labelReference.id !== prev?.referenceId && labelReference.centroids[0]?.length === m.d) {
      reference = assignNearest(m, fromRows(labelReference.centroids));
      referenceId = labelReference.id;
    } else if (prev && prev.labels.length === m.n) {
      reference = prev.labels;
    }
    const named = reference
      ? relabel(result, compactMapping(alignLabels(reference, result.labels).mapping, k))
      : relabel(result, sizeOrder(result.sizes));
    let changed: number | null = null;
    if (prev && prev.labels.length === m.n) {
      let moved = 0;
      for (let i = 0; i < m.n; i++) if (prev.labels[i] !== named.labels[i]) moved++;
      changed = moved / m.n;
    }
    return { ...named, k, seed, restarts: RESTARTS, referenceId, changedShare: changed };
  },
  view: (c, { document }) =>
    textBlock(document, [
      `k = ${c.k}: sizes ${c.sizes.map((s, i) => `${i + 1}: ${s}`).join(', ')}; inertia ${c.inertia.toFixed(1)}; ` +
        `${c.iterations} iterations${c.converged ? '' : ' (not converged)'}; best of ${c.restarts} k-means++ starts, seed ${c.seed}.`,
      ...(c.changedShare !== null ? [`${(c.changedShare * 100).toFixed(1)}% of customers changed cluster.`] : []),
      ...c.issues.map((i) => `⚠ ${i.message}`),
    ]),
});
