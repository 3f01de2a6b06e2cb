/**
 * Entry of a Node worker thread that runs analytics tasks for the command: the same tasks and
 * message protocol as the browser's Web Worker (src/workers/analytics.worker.ts), over
 * `worker_threads`. Built to build/cli/task-worker.js beside the command.
 */
import { parentPort } from 'node:worker_threads';
import { TASKS } from '../workers/task-table.ts';
import type { TaskContext } from '../workers/tasks.ts';
import type { TaskReply, TaskRequest } from '../workers/protocol.ts';
import { parseThreads } from './parse-threads.ts';

const port = parentPort;
if (!port) throw new Error('task-worker.ts runs as a worker thread');
// Large delimited files are read in parts on threads of this thread's own (started on the first);
// TIERBOOK_PARSE_THREADS=0 reads them on this thread alone (for comparisons: same outputs).
const parallel = process.env.TIERBOOK_PARSE_THREADS === '0' ? undefined : parseThreads();

/** The buffers of the typed arrays in a result, moved to the main thread instead of copied. */
function transferables(value: unknown, out: ArrayBuffer[] = [], depth = 0): ArrayBuffer[] {
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer && !out.includes(value.buffer)) out.push(value.buffer);
    return out;
  }
  if (value instanceof Map) value = [...value.values()];
  for (const item of Array.isArray(value) ? value : Object.values(value as object)) transferables(item, out, depth + 1);
  return out;
}

port.on('message', async ({ id, task, args }: TaskRequest) => {
  const post = (reply: TaskReply, transfer: ArrayBuffer[] = []) => port.postMessage(reply, transfer);
  try {
    const fn = TASKS[task] as (ctx: TaskContext, ...a: unknown[]) => unknown;
    if (!fn) throw new Error(`unknown task "${task}"`);
    // The command shows no progress; cancelling terminates the worker, so the signal never fires.
    const context: TaskContext = { signal: new AbortController().signal, onProgress: () => {}, parallel };
    const value = await fn(context, ...args);
    post({ id, type: 'result', value }, transferables(value));
  } catch (error) {
    post({ id, type: 'error', message: error instanceof Error ? error.message : String(error), name: error instanceof Error ? error.name : 'Error' });
  }
});
