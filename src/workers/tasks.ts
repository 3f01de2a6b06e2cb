import { cluster, type ClusterResult, type ClusterSpec } from '../analytics/cluster/cluster.ts';
import { kmeans } from '../analytics/cluster/kmeans.ts';
import { silhouette, type SilhouetteResult } from '../analytics/metrics/silhouette.ts';
import { sampledSilhouette, type SampledSilhouetteSpec } from '../analytics/metrics/silhouette-sampled.ts';
import { profileClusters, type ClusterProfile } from '../analytics/profile/cluster-profile.ts';
import type { Columns } from '../analytics/prepare/apply-preparation.ts';
import { kDistance } from '../analytics/cluster/k-distance.ts';
import type { Matrix } from '../analytics/matrix.ts';
import { sweepK, type SweepResult, type SweepSpec } from '../analytics/choose-k/sweep.ts';
import { importData, type ImportedData } from '../data/import-data.ts';
import type { DataImportSpec } from '../data/import-spec.ts';
import { sampleOrdersCsv } from '../data/synthetic/sample-orders.ts';
import { sha256 } from '../config/hash.ts';
import { ROBUSTNESS_TASKS } from './robustness-tasks.ts';
import type { PartPool } from './part-pool.ts';

/** The file name the generated sample goes by in messages and exports. */
export const SAMPLE_ORDERS_NAME = 'sample-orders.csv';

export interface ImportResult {
  readonly imported: ImportedData;
  /** `sha256:<hex>` of the bytes read (the generated CSV for the sample). */
  readonly fingerprint: string;
  readonly bytes: number;
  /** Parts of the file read by parse workers (0: all on one thread). */
  readonly threadedParts?: number;
}

/** An import with where it came from: the notebook's `imported` value. */
export interface Loaded extends ImportResult {
  /** The file name (the sample's generated name for the bundled data). */
  readonly source: string;
  readonly sample: boolean;
}

/** Reads a file (or generates the bundled sample when `bytes` is null) into customers + quality report. */
async function importTask(ctx: TaskContext, bytes: Uint8Array | null, fileName: string, spec: DataImportSpec): Promise<ImportResult> {
  let data = bytes;
  if (data === null) {
    ctx.onProgress(0, 'generating the sample order lines');
    data = new TextEncoder().encode(sampleOrdersCsv());
  }
  const before = ctx.parallel?.threaded ?? 0;
  const imported = await importData(data, fileName, spec, (f) => ctx.onProgress(f, 'reading'), ctx.parallel);
  return { imported, fingerprint: `sha256:${await sha256(data)}`, bytes: data.length, threadedParts: (ctx.parallel?.threaded ?? 0) - before };
}

/** What a task may use besides its arguments: progress reports and cancellation. */
export interface TaskContext {
  readonly onProgress: (fraction: number, message?: string) => void;
  readonly signal: AbortSignal;
  /** Where a large delimited file may be read in parts (parse workers); default: this thread only. */
  readonly parallel?: PartPool;
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
  warmLabels: (_: TaskContext, m: Matrix, init: Matrix, iterations: number): Int32Array =>
    kmeans(m, { k: init.n, init, maxIterations: iterations }).labels,
} satisfies Record<string, (ctx: TaskContext, ...args: never[]) => unknown>;

export type TaskName = keyof typeof TASKS;
type Tail<T> = T extends [unknown, ...infer R] ? R : never;
export type TaskArgs<K extends TaskName> = Tail<Parameters<(typeof TASKS)[K]>>;
export type TaskResult<K extends TaskName> = Awaited<ReturnType<(typeof TASKS)[K]>>;

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (fraction: number, message?: string) => void;
  /**
   * `interactive` (default) for what the person is waiting on, e.g. the clustering behind the
   * chart; `background` for diagnostics (k sweep, comparison) so they never queue in front of it.
   */
  lane?: 'interactive' | 'background';
}

/** Runs tasks somewhere (a worker, or this thread) with progress and cancellation. */
export interface TaskRunner {
  run<K extends TaskName>(
    task: K,
    args: TaskArgs<K>,
    options?: RunOptions,
  ): Promise<TaskResult<K>>;
}

/** The error a cancelled task rejects with. */
export function abortError(): Error {
  const error = new Error('cancelled');
  error.name = 'AbortError';
  return error;
}

/** Runs tasks on the calling thread (Node, tests); honours an already-aborted signal. */
export const inlineRunner: TaskRunner = {
  async run(task, args, options = {}) {
    if (options.signal?.aborted) throw abortError();
    const fn = TASKS[task] as (ctx: TaskContext, ...a: unknown[]) => unknown;
    const context: TaskContext = {
      onProgress: options.onProgress ?? (() => {}),
      signal: options.signal ?? new AbortController().signal,
    };
    const result = await fn(context, ...(args as unknown[]));
    if (options.signal?.aborted) throw abortError();
    return result as never;
  },
};
