/**
 * A task runner that reads each data file once: `importData` results are kept by the file's
 * bytes (by identity), its name and the import options, so the notebook and the engines that
 * evaluate scenarios on the same data share one import instead of reading the file again.
 * Everything else passes through. An import is cancelled only when every caller waiting on it
 * has cancelled (so the notebook's own Cancel still stops the worker); a failed or cancelled
 * import is forgotten, and the next caller reads the file itself.
 */
import { abortError, type TaskRunner } from '../../workers/tasks.ts';

/** Imports kept per bytes object (and for the bundled sample); the oldest goes first. */
const KEPT = 2;

interface Entry {
  readonly result: Promise<unknown>;
  readonly controller: AbortController;
  waiting: number;
  done: boolean;
}

export function memoizeImports(runner: TaskRunner): TaskRunner {
  const byBytes = new WeakMap<Uint8Array, Map<string, Entry>>();
  const sample = new Map<string, Entry>();
  const run: TaskRunner['run'] = (task, args, options = {}) => {
    if (task !== 'importData') return runner.run(task, args, options);
    const [bytes, name, spec] = args as unknown as [Uint8Array | null, string, unknown];
    let kept = bytes === null ? sample : byBytes.get(bytes);
    if (!kept) byBytes.set(bytes as Uint8Array, (kept = new Map()));
    const map = kept;
    const key = `${name}\u0000${JSON.stringify(spec)}`;
    let entry = map.get(key);
    if (!entry) {
      const controller = new AbortController();
      const result = runner.run(task, args, { ...options, signal: controller.signal });
      const created: Entry = { result, controller, waiting: 0, done: false };
      entry = created;
      map.set(key, created);
      if (map.size > KEPT) map.delete(map.keys().next().value as string);
      result.then(
        () => (created.done = true),
        () => map.get(key) === created && map.delete(key),
      );
    }
    const shared = entry;
    const signal = options.signal;
    if (signal?.aborted) return Promise.reject(abortError());
    shared.waiting++;
    return new Promise((resolve, reject) => {
      const abort = () => {
        shared.waiting--;
        if (shared.waiting === 0 && !shared.done) {
          shared.controller.abort();
          if (map.get(key) === shared) map.delete(key);
        }
        reject(abortError());
      };
      signal?.addEventListener('abort', abort, { once: true });
      shared.result.then(
        (value) => {
          signal?.removeEventListener('abort', abort);
          shared.waiting--;
          resolve(value as never);
        },
        (error: unknown) => {
          signal?.removeEventListener('abort', abort);
          shared.waiting--;
          reject(error);
        },
      );
    }) as ReturnType<TaskRunner['run']>;
  };
  return { run };
}
