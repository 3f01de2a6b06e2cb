import type { ImportedData } from '../data/import-data.ts';
import type { TASKS } from './task-table.ts';
import type { PartPool } from './part-pool.ts';

/**
 * What every side of the task protocol shares: names, argument and result types, the runner
 * interface and the inline runner. The table of tasks itself (`task-table.ts`, with every
 * analytics and data-reading module behind it) is imported only by a worker, or on the first
 * inline run, so a page that runs tasks in workers does not load it on the main thread.
 */
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

/** What a task may use besides its arguments: progress reports and cancellation. */
export interface TaskContext {
  readonly onProgress: (fraction: number, message?: string) => void;
  readonly signal: AbortSignal;
  /** Where a large delimited file may be read in parts (parse workers); default: this thread only. */
  readonly parallel?: PartPool;
}

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
    const { TASKS } = await import('./task-table.ts');
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
