/**
 * Worker threads that read parts of large delimited files for the command (see
 * src/workers/part-pool.ts): one thread fewer than the cores, the caller reads the first part.
 * An idle thread never holds the process open.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { partPool, type PartEndpoint, type PartPool, type PartReply } from '../workers/part-pool.ts';

export interface ParseThreadsOptions {
  /** Parts a large file is cut into, the caller's included; default: the cores available. */
  parts?: number;
  /** The worker entry; default parse-worker.js beside this file (the build), else parse-worker.ts (the sources, run through tsx). */
  url?: URL;
  /** Bodies shorter than this many characters are read on one thread (default in read-parallel.ts). */
  minChars?: number;
}

/** The worker entry beside this module: the build's JavaScript, else the TypeScript source. */
function defaultUrl(): URL {
  const js = new URL('./parse-worker.js', import.meta.url);
  return existsSync(fileURLToPath(js)) ? js : new URL('./parse-worker.ts', import.meta.url);
}

/** A worker thread as a part endpoint. */
function threadEndpoint(url: URL): PartEndpoint {
  // A TypeScript entry (the sources, in tests and development) starts through tsx's loader:
  // a loader given to the process does not reach its worker threads.
  const thread = url.pathname.endsWith('.ts')
    ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`, { eval: true })
    : new Worker(url);
  thread.unref();
  return {
    post: (request, transfer) => thread.postMessage(request, transfer),
    listen(onReply, onFail) {
      thread.on('message', (reply: PartReply) => onReply(reply));
      thread.on('error', onFail);
      thread.on('exit', (code) => onFail(new Error(`the parse thread stopped (exit code ${code})`)));
    },
    hold: (busy) => (busy ? thread.ref() : thread.unref()),
    terminate: () => thread.terminate(),
  };
}

/** Parse threads for large delimited files. */
export function parseThreads(options: ParseThreadsOptions = {}): PartPool {
  const url = options.url ?? defaultUrl();
  return partPool(() => threadEndpoint(url), options.parts ?? availableParallelism(), options.minChars);
}
