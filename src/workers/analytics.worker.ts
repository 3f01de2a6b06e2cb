/// <reference lib="webworker" />
import { TASKS } from './task-table.ts';
import type { TaskContext } from './tasks.ts';
import type { TaskReply, TaskRequest } from './protocol.ts';

declare const self: DedicatedWorkerGlobalScope;

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

self.onmessage = async (event: MessageEvent<TaskRequest>) => {
  const { id, task, args } = event.data;
  const post = (reply: TaskReply, transfer: Transferable[] = []) => self.postMessage(reply, transfer);
  try {
    const fn = TASKS[task] as (ctx: TaskContext, ...a: unknown[]) => unknown;
    if (!fn) throw new Error(`unknown task "${task}"`);
    let last = 0;
    const context: TaskContext = {
      // Cancelling terminates this worker, so the signal never fires here.
      signal: new AbortController().signal,
      onProgress: (fraction, message) => {
        const now = performance.now();
        if (now - last < 50 && fraction < 1) return; // at most ~20 messages a second
        last = now;
        post({ id, type: 'progress', fraction, message });
      },
    };
    const value = await fn(context, ...args);
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
