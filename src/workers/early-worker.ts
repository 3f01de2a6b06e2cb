/**
 * The interactive analytics worker, started by the page's first, small script (src/boot.ts)
 * while the main bundle is still loading: the worker's own bundle then loads and starts in
 * parallel, and is ready for the sample's import when the notebook asks for it.
 */

/** A new analytics worker (its bundle is one file, shared by every lane). */
export function analyticsWorker(): Worker {
  return new Worker(new URL('./analytics.worker.ts', import.meta.url), { type: 'module' });
}

let early: Worker | undefined;

/** Starts the worker the interactive lane will use (once). */
export function startEarlyWorker(): void {
  if (typeof Worker === 'function') early ??= analyticsWorker();
}

/** The worker `startEarlyWorker` started, handed out once (undefined when none was started). */
export function takeEarlyWorker(): Worker | undefined {
  const worker = early;
  early = undefined;
  return worker;
}
