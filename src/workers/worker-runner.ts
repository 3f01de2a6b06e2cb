import type { TaskReply, TaskRequest } from './protocol.ts';
import { abortError, type RunOptions, type TaskArgs, type TaskName, type TaskRunner } from './tasks.ts';
import { splitSweep } from './split-sweep.ts';

/**
 * What follows a drag step (the live cluster preview): a few milliseconds, so it gets a worker of
 * its own and never waits behind the clustering of the previous release.
 */
const LIVE_TASKS: ReadonlySet<TaskName> = new Set<TaskName>(['warmLabels']);

/**
 * Background tasks that take seconds (the k sweep, the on-demand robustness analyses): they get a
 * worker of their own, so the quick diagnostics that follow every change (cluster profiles,
 * silhouette, k-distance) never queue behind them and the notebook settles without waiting for
 * the sweep.
 */
const LONG_TASKS: ReadonlySet<TaskName> = new Set<TaskName>([
  'sweep',
  'bootstrap',
  'weightSensitivity',
  'monteCarloWeights',
  'dropOneFeature',
  'holdout',
  'periodStability',
]);

/**
 * One worker per lane, so a long k sweep never delays the clustering behind the chart; a third
 * for the interactive lane's live tasks (`LIVE_TASKS`), so a drag right after a release repaints
 * without waiting for that release's clustering; a fourth for the background lane's long tasks
 * (`LONG_TASKS`), and a fifth for the second half of a k sweep (`split-sweep.ts`). Workers start
 * on first use, except an interactive one already `started`.
 */
export function laneRunner(createWorker: () => Worker, started?: { interactive?: Worker }): TaskRunner {
  const interactive = workerRunner(createWorker, started?.interactive);
  const background = workerRunner(createWorker);
  const long = workerRunner(createWorker);
  const long2 = workerRunner(createWorker);
  const live = workerRunner(createWorker);
  const pick = (task: TaskName, lane: RunOptions['lane']) =>
    lane === 'background' ? (LONG_TASKS.has(task) ? long : background) : LIVE_TASKS.has(task) ? live : interactive;
  return {
    run: (task, args, options = {}) =>
      // The k sweep runs as two halves side by side (the second on a fifth worker).
      task === 'sweep' && options.lane === 'background'
        ? (splitSweep([long, long2], args as TaskArgs<'sweep'>, options) as Promise<never>)
        : pick(task, options.lane).run(task, args, options),
  };
}

/**
 * Runs tasks in a dedicated Web Worker, one at a time per worker. Cancelling terminates the
 * worker (the only way to stop a synchronous computation) and a fresh one starts on demand.
 * `started`: a worker to use first (e.g. one started before the page's main bundle loaded).
 */
export function workerRunner(createWorker: () => Worker, started?: Worker): TaskRunner {
  let worker: Worker | null = started ?? null;
  let busy = false;
  let nextId = 1;
  const queue: (() => void)[] = [];

  const acquire = async (): Promise<Worker> => {
    if (busy) await new Promise<void>((resolve) => queue.push(resolve));
    busy = true;
    worker ??= createWorker();
    return worker;
  };
  const release = () => {
    busy = false;
    queue.shift()?.();
  };

  return {
    async run(task, args, options = {}) {
      const { signal, onProgress } = options;
      if (signal?.aborted) throw abortError();
      // A progress bar (and its Cancel) at once, not only when the task first reports, which
      // for a k sweep is after its first k: the work has been handed over.
      onProgress?.(0);
      const w = await acquire();
      const id = nextId++;
      return new Promise<never>((resolve, reject) => {
        const finish = () => {
          w.removeEventListener('message', onMessage);
          w.removeEventListener('error', onError);
          signal?.removeEventListener('abort', onAbort);
          release();
        };
        const onMessage = (event: MessageEvent<TaskReply>) => {
          const reply = event.data;
          if (reply.id !== id) return;
          if (reply.type === 'progress') {
            onProgress?.(reply.fraction, reply.message);
            return;
          }
          finish();
          if (reply.type === 'result') resolve(reply.value as never);
          else {
            const error = new Error(reply.message);
            error.name = reply.name;
            reject(error);
          }
        };
        const onError = (event: ErrorEvent) => {
          finish();
          worker = null;
          w.terminate();
          reject(new Error(`the analytics worker failed: ${event.message || 'unknown error'}`));
        };
        const onAbort = () => {
          finish();
          worker = null;
          w.terminate();
          reject(abortError());
        };
        w.addEventListener('message', onMessage);
        w.addEventListener('error', onError);
        signal?.addEventListener('abort', onAbort, { once: true });
        const request: TaskRequest = { id, task, args };
        w.postMessage(request);
      });
    },
  };
}
