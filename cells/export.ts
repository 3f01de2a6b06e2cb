import { cell } from '../src/runtime/index.ts';
import {
  CONFIG_KIND,
  CONFIG_VERSION,
  hashAssignments,
  loadConfig,
  type SegmentationConfig,
} from '../src/config/segmentation-config.ts';
import { host, fingerprint, source, table } from './data.ts';
import { activeFeatures, features, prepared, scaling, transform, weights } from './prepare.ts';
import { clustering, k, seed } from './cluster.ts';
import { projection } from './project.ts';
import { toRows } from '../src/analytics/matrix.ts';

export interface Assignments {
  readonly idColumn: string;
  readonly ids: readonly string[];
  /** Cluster per customer in input order (0-based); -1 for customers left out by the preparation. */
  readonly labels: Int32Array;
}

export const assignments = cell({
  name: 'assignments',
  title: 'Assignments',
  hidden: true,
  inputs: { table, prepared, clustering },
  run: ({ table, prepared, clustering }): Assignments => {
    const labels = new Int32Array(table.rowCount).fill(-1);
    prepared.rows.forEach((row, i) => (labels[row] = clustering.labels[i]));
    return { idColumn: table.idColumn, ids: table.ids, labels };
  },
});

export const config = cell({
  name: 'config',
  title: 'Segmentation config',
  hidden: true,
  schedule: 'settled',
  inputs: {
    host,
    source,
    fingerprint,
    table,
    prepared,
    clustering,
    projection,
    assignments,
    activeFeatures,
    features,
    scaling,
    transform,
    weights,
    k,
    seed,
  },
  run: async (v): Promise<SegmentationConfig> =>
    loadConfig({
      kind: CONFIG_KIND,
      version: CONFIG_VERSION,
      notebook: 'segmentation',
      createdAt: new Date().toISOString(),
      tierbook: { version: v.host.version },
      packages: v.host.packages,
      data: {
        source: v.source.sample ? 'sample' : v.source.name,
        rows: v.table.rowCount,
        idColumn: v.table.idColumn,
        fingerprint: v.fingerprint,
      },
      inputs: {
        features: v.features,
        scaling: v.scaling,
        transform: v.transform,
        weights: v.weights,
        k: v.k,
        seed: v.seed,
      },
      features: v.activeFeatures,
      preparation: v.prepared.params,
      model: {
        algorithm: 'kmeans',
        k: v.clustering.k,
        seed: v.clustering.seed,
        restarts: v.clustering.restarts,
        centroids: toRows(v.clustering.centroids),
        inertia: v.clustering.inertia,
        sizes: v.clustering.sizes,
      },
      pca: { explainedVarianceRatio: v.projection.explainedVarianceRatio },
      assignmentsHash: await hashAssignments(v.assignments.ids, v.assignments.labels),
    }),
});
