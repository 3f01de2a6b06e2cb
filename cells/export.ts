import { cell, notebookInputs, sampled } from '../src/runtime/index.ts';
import {
  CONFIG_KIND,
  CONFIG_VERSION,
  hashAssignments,
  loadConfig,
  type SegmentationConfig,
} from '../src/config/segmentation-config.ts';
import { fingerprint, host, imported, importSpec, table } from './data.ts';
import { activeFeatures, prepared } from './prepare.ts';
import { clustering, eps, minPoints } from './cluster.ts';
import { projection } from './project.ts';
import { toRows } from '../src/analytics/matrix.ts';
import { assignments } from './assignments.ts';
import { tierConfig } from './tier-config.ts';

export { assignments, type Assignments } from './assignments.ts';

// Hidden and read by nobody on the page: computed when an export or the command reads it, never
// after every change. Its inputs are sampled, so a read during a drag sees the released values.
export const config = cell({
  name: 'config',
  title: 'Segmentation config',
  hidden: true,
  inputs: {
    host,
    imported,
    importSpec: sampled(importSpec),
    fingerprint,
    table: sampled(table),
    prepared: sampled(prepared),
    clustering,
    projection: sampled(projection),
    assignments,
    activeFeatures: sampled(activeFeatures),
    eps: sampled(eps),
    minPoints: sampled(minPoints),
    notebookInputs: sampled(notebookInputs),
    tierConfig: sampled(tierConfig),
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
        source: v.imported.sample ? 'sample' : v.imported.source,
        rows: v.table.rowCount,
        idColumn: v.table.idColumn,
        fingerprint: v.fingerprint,
        kind: v.imported.imported.kind.kind,
        import: v.importSpec,
        ...(v.imported.imported.quality
          ? {
              quality: {
                inputRows: v.imported.imported.quality.inputRows,
                keptRows: v.imported.imported.quality.keptRows,
                repaired: v.imported.imported.quality.repaired,
                excluded: v.imported.imported.quality.excluded,
              },
            }
          : {}),
      },
      inputs: v.notebookInputs,
      features: v.activeFeatures,
      preparation: v.prepared.params,
      model: {
        algorithm: v.clustering.algorithm,
        method: v.clustering.method,
        noise: v.clustering.noise,
        ...(v.clustering.algorithm === 'dbscan' ? { eps: v.eps, minPoints: v.minPoints } : {}),
        k: v.clustering.k,
        seed: v.clustering.seed,
        restarts: v.clustering.restarts,
        centroids: toRows(v.clustering.centroids),
        inertia: v.clustering.inertia,
        sizes: v.clustering.sizes,
      },
      strategic: Array.from(v.prepared.isolatedRows, (r) => v.table.ids[r]),
      pca: { explainedVarianceRatio: v.projection.explainedVarianceRatio },
      assignmentsHash: await hashAssignments(v.assignments.ids, v.assignments.labels),
      ...v.tierConfig,
    }),
});
