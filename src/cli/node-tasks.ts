import { Worker as ThreadWorker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { laneRunner } from '../workers/worker-runner.ts';
import { inlineRunner, type TaskRunner } from '../workers/tasks.ts';

/** A task runner the command can close when it is done (worker threads keep a process alive). */
export interface ClosableRunner extends TaskRunner {
  close(): Promise<void>;
  /** Starts a worker now (it loads its modules while the caller reads a file); the first task's lane takes it. */
  warm?(): void;
}

type Listener = (event: { data?: unknown; message?: string }) => void;

/**
 * A `worker_threads` Worker with the slice of the Web Worker interface that `workerRunner`
 * uses (add/removeEventListener, postMessage, terminate). A thread holds the process open only
 * while it has a request in flight, so an idle pool never delays the command's exit.
 */
class ThreadAdapter {
  private readonly thread: ThreadWorker;
  private readonly handlers = new Map<Listener, (value: unknown) => void>();
  private pending = 0;

  constructor(url: URL) {
    this.thread = new ThreadWorker(url);
    this.thread.unref();
    this.thread.on('message', (reply: { type?: string }) => {
      if (reply.type !== 'progress' && --this.pending === 0) this.thread.unref();
    });
  }
  addEventListener(type: 'message' | 'error', listener: Listener): void {
    const handler = type === 'message' ? (data: unknown) => listener({ data }) : (error: unknown) => listener({ message: error instanceof Error ? error.message : String(error) });
    this.handlers.set(listener, handler);
    this.thread.on(type, handler);
  }
  removeEventListener(type: 'message' | 'error', listener: Listener): void {
    const handler = this.handlers.get(listener);
    if (handler) this.thread.off(type, handler);
    this.handlers.delete(listener);
  }
  postMessage(message: unknown): void {
    if (this.pending++ === 0) this.thread.ref();
    this.thread.postMessage(message);
  }
  terminate(): Promise<number> {
    return this.thread.terminate();
  }
}

/**
 * Runs the notebook's tasks for the command on both cores: the browser's two lanes (the
 * interactive clustering, and the background k sweep and comparison) each get a worker thread,
 * so they run side by side while the main thread schedules cells. Used when the command runs
 * from its build (the worker entry is JavaScript beside it); from the TypeScript sources (tests,
 * a stale build) or with TIERBOOK_WORKERS=0 the tasks run inline, with the same results.
 */
export function nodeTaskRunner(): ClosableRunner {
  const url = new URL('./task-worker.js', import.meta.url);
  if (process.env.TIERBOOK_WORKERS === '0' || !existsSync(fileURLToPath(url))) return { ...inlineRunner, close: async () => {} };
  const threads: ThreadAdapter[] = [];
  let spare: ThreadAdapter | null = null;
  const runner = laneRunner(() => {
    const t = spare ?? new ThreadAdapter(url);
    spare = null;
    threads.push(t);
    return t as unknown as Worker;
  });
  return {
    run: runner.run,
    warm: () => void (spare ??= new ThreadAdapter(url)),
    close: async () => void (await Promise.all([...threads, ...(spare ? [spare] : [])].map((t) => t.terminate()))),
  };
}
