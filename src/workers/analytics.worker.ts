/// <reference lib="webworker" />
import { TASKS } from './task-table.ts';
import type { TaskContext } from './tasks.ts';
import type { PrefetchRequest, TaskReply, TaskRequest } from './protocol.ts';
import { prefetchSampleSnapshot, sampleReplies } from './sample-snapshot.ts';
import { partPool, type PartEndpoint, type PartReply } from './part-pool.ts';

declare const self: DedicatedWorkerGlobalScope;

/** A nested Web Worker reading parts of large delimited files for this one. */
function parseWorker(): PartEndpoint {
  const w = new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' });
  return {
    post: (request, transfer) => w.postMessage(request, transfer),
    listen(onReply, onFail) {
      w.onmessage = (event: MessageEvent<PartReply>) => onReply(event.data);
      w.onerror = (event) => {
        event.preventDefault();
        onFail(new Error(event.message || 'the parse worker failed'));
      };
    },
    terminate: () => w.terminate(),
  };
}

/**
 * Large files are read in parts: this worker reads the first, nested workers (started on the
 * first large file, kept for the next) the others; one part a core, at most four (each part holds
 * its columns until the merge). Without nested workers, one thread.
 */
const parallel = typeof Worker === 'undefined' ? undefined : partPool(parseWorker, Math.min(4, navigator.hardwareConcurrency || 2));

/** Typed arrays in a result move to the main thread instead of being copied. */
function transferables(value: unknown, out: Transferable[] = [], depth = 0): Transferable[] {
  if (depth > 4 || value === null || typeof value !== 'object') return out;
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
    return out;
  }
  for (const item of Array.isArray(value) ? value : Object.values(value)) transferables(item, out, depth + 1);
  return out;
}

self.onmessage = async (event: MessageEvent<TaskRequest | PrefetchRequest>) => {
  if ('type' in event.data) {
    prefetchSampleSnapshot(event.data.url);
    return;
  }
  const { id, task, args } = event.data;
  const post = (reply: TaskReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);
  try {
    const fn = TASKS[task] as (ctx: TaskContext, ...a: unknown[]) => unknown;
    if (!fn) throw new Error(`unknown task "${task}"`);
    let last = 0;
    const context: TaskContext = {
      // Cancelling terminates this worker, so the signal never fires here.
      signal: new AbortController().signal,
      parallel,
      onProgress: (fraction, message) => {
        const now = performance.now();
        if (now - last < 50 && fraction < 1) return; // at most ~20 messages a second
        last = now;
        post({ id, type: 'progress', fraction, message });
      },
    };
    // A reply the build recorded for exactly these arguments (the sample at default settings).
    const recorded = sampleReplies.take(task, args);
    const value = recorded ? recorded.value : await fn(context, ...args);
    post({ id, type: 'result', value }, transferables(value));
  } catch (error) {
    post({
      id,
      type: 'error',
      message: error instanceof Error ? error.message : String(error),
      name: error instanceof Error ? error.name : 'Error',
    });
  }
};
