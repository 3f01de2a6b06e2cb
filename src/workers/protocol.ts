import type { TaskName } from './tasks.ts';

/** Main thread -> worker. */
export interface TaskRequest {
  readonly id: number;
  readonly task: TaskName;
  readonly args: readonly unknown[];
}

/** Worker -> main thread: progress, then exactly one result or error. */
export type TaskReply =
  | { readonly id: number; readonly type: 'progress'; readonly fraction: number; readonly message?: string }
  | { readonly id: number; readonly type: 'result'; readonly value: unknown }
  | { readonly id: number; readonly type: 'error'; readonly message: string; readonly name: string };

/**
 * Main thread -> worker, no reply: fetch and decode the bundled sample's snapshot at `url` now,
 * for the import the app is about to ask for (src/workers/early-worker.ts).
 */
export interface PrefetchRequest {
  readonly type: 'prefetch';
  readonly url: string;
}
