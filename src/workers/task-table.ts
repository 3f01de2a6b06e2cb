/** The table of analytics tasks that run in a worker (or inline in Node), by name. */
import { cluster, type ClusterResult, type ClusterSpec } from '../analytics/cluster/cluster.ts';
import { silhouette, type SilhouetteResult } from '../analytics/metrics/silhouette.ts';
import { sampledSilhouette, type SampledSilhouetteSpec } from '../analytics/metrics/silhouette-sampled.ts';
import { profileClusters, type ClusterProfile } from '../analytics/profile/cluster-profile.ts';
import type { Columns } from '../analytics/prepare/apply-preparation.ts';
import { kDistance } from '../analytics/cluster/k-distance.ts';
import type { Matrix } from '../analytics/matrix.ts';
import { sweepK, type SweepResult, type SweepSpec } from '../analytics/choose-k/sweep.ts';
import { importData } from '../data/import-data.ts';
import type { DataImportSpec } from '../data/import-spec.ts';
import { sampleOrdersCsv } from '../data/synthetic/sample-orders.ts';
import { sha256 } from '../config/hash.ts';
import { ROBUSTNESS_TASKS } from './robustness-tasks.ts';
import type { ImportResult, TaskContext } from './tasks.ts';
import { fetchSampleSnapshot } from './sample-snapshot.ts';
import { warmLabels } from './warm-labels.ts';

/** Reads a file (or generates the bundled sample when `bytes` is null) into customers + quality report. */
async function importTask(ctx: TaskContext, bytes: Uint8Array | null, fileName: string, spec: DataImportSpec): Promise<ImportResult> {
  let data = bytes;
  // In a browser worker, the build's import of the sample with these settings, when there is one.
  if (data === null && typeof location !== 'undefined' && typeof fetch === 'function') {
    ctx.onProgress(0, 'reading the prepared sample');
    const prepared = await fetchSampleSnapshot(spec, new URL('..', location.href).href);
    if (prepared) return prepared;
  }
  if (data === null) {
    ctx.onProgress(0, 'generating the sample order lines');
    data = new TextEncoder().encode(sampleOrdersCsv());
  }
  const before = ctx.parallel?.threaded ?? 0;
  const imported = await importData(data, fileName, spec, (f) => ctx.onProgress(f, 'reading'), ctx.parallel);
  return { imported, fingerprint: `sha256:${await sha256(data)}`, bytes: data.length, threadedParts: (ctx.parallel?.threaded ?? 0) - before };
}

/**
 * The heavy analytics that run off the main thread, by name. Each takes plain, cloneable
 * arguments and returns plain data, so the same call runs in a Web Worker or inline (Node).
 */
export const TASKS = {
  /** k-means, Ward or DBSCAN with canonical ids: the one clustering dispatch (`cluster.ts`). */
  cluster: (_: TaskContext, m: Matrix, spec: ClusterSpec): ClusterResult => cluster(m, spec),
  silhouette: (_: TaskContext, m: Matrix, labels: Int32Array): SilhouetteResult => silhouette(m, labels),
  sampledSilhouette: (_: TaskContext, m: Matrix, labels: Int32Array, spec: SampledSilhouetteSpec): SilhouetteResult =>
    sampledSilhouette(m, labels, spec),
  profiles: (_: TaskContext, columns: Columns, features: readonly string[], rows: Int32Array, labels: Int32Array, k: number): ClusterProfile[] =>
    profileClusters(columns, features, rows, labels, k),
  kDistance: (_: TaskContext, m: Matrix, k: number): Float64Array => kDistance(m, k),
  sweep: (ctx: TaskContext, m: Matrix, spec: Omit<SweepSpec, 'onProgress' | 'signal'>): SweepResult =>
    sweepK(m, { ...spec, onProgress: ctx.onProgress, signal: ctx.signal }),
  importData: importTask,
  ...ROBUSTNESS_TASKS,
  /**
   * The live preview's few Lloyd iterations from given centroids (cluster c starts at centroid c):
   * labels only, in the interactive worker so a drag never blocks the main thread.
   */
  warmLabels: (_: TaskContext, m: Matrix, init: Matrix, iterations: number): Int32Array => warmLabels(m, init, iterations),
} satisfies Record<string, (ctx: TaskContext, ...args: never[]) => unknown>;

