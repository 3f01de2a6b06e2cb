/**
 * Worker threads that read parts of large delimited files (see src/data/read/read-parallel.ts):
 * the caller reads the first part itself while each thread reads one of the others. Threads start
 * on the first large file and are kept for the next; an idle thread never holds the process open.
 */
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { PartResult } from '../data/read/delimited-part.ts';
import { readPartInput, type ParallelRead, type PartInput } from '../data/read/read-parallel.ts';

export interface ParseThreadsOptions {
  /** Parts a large file is cut into, the caller's included; default: the cores available. */
  parts?: number;
  /** The worker entry; default parse-worker.js beside this file (the build), else parse-worker.ts (the sources, run through tsx). */
  url?: URL;
  /** Bodies shorter than this many characters are read on one thread (default in read-parallel.ts). */
  minChars?: number;
}

/** A parallel reader the owner closes when done. */
export interface ParseThreads extends ParallelRead {
  /** Parts read on a thread so far (the others were read on the calling thread). */
  readonly threaded: number;
  close(): Promise<void>;
}

type Reply = { id: number; part: PartResult } | { id: number; error: string };

class PartThread {
  private readonly thread: Worker;
  private readonly waiting = new Map<number, { resolve: (p: PartResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  /** Why the thread stopped, once it has: it takes no more parts. */
  dead: Error | null = null;
  constructor(url: URL) {
    // A TypeScript entry (the sources, in tests and development) starts through tsx's loader:
    // a loader given to the process does not reach its worker threads.
    this.thread = url.pathname.endsWith('.ts')
      ? new Worker(`import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`, { eval: true })
      : new Worker(url);
    this.thread.unref();
    this.thread.on('message', (reply: Reply) => {
      const w = this.waiting.get(reply.id);
      if (!w) return;
      this.settled(reply.id);
      if ('part' in reply) w.resolve(reply.part);
      else w.reject(new Error(reply.error));
    });
    const fail = (error: Error) => {
      this.dead ??= error;
      for (const [id, w] of this.waiting) {
        this.settled(id);
        w.reject(error);
      }
    };
    this.thread.on('error', fail);
    this.thread.on('exit', (code) => fail(new Error(`the parse thread stopped (exit code ${code})`)));
  }
  private settled(id: number): void {
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.thread.unref();
  }
  read(input: PartInput): Promise<PartResult> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    if (this.waiting.size === 0) this.thread.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Moved, not copied (the bytes are the reader's own copy of the part).
      this.thread.postMessage({ id, input }, 'bytes' in input ? [input.bytes.buffer as ArrayBuffer] : []);
    });
  }
  terminate(): Promise<number> {
    return this.thread.terminate();
  }
}

/** The worker entry beside this module: the build's JavaScript, else the TypeScript source. */
function defaultUrl(): URL {
  const js = new URL('./parse-worker.js', import.meta.url);
  return existsSync(fileURLToPath(js)) ? js : new URL('./parse-worker.ts', import.meta.url);
}

/**
 * A parallel reader over worker threads. When a thread fails (it could not start, or crashed),
 * `read` rejects and the reader reads the file again on the calling thread: the same table.
 */
export function parseThreads(options: ParseThreadsOptions = {}): ParseThreads {
  const parts = Math.max(1, options.parts ?? availableParallelism());
  const url = options.url ?? defaultUrl();
  const threads: PartThread[] = [];
  // A thread that stopped is replaced on the next file.
  const thread = (k: number): PartThread => (threads[k] = threads[k] && !threads[k].dead ? threads[k] : new PartThread(url));
  let threaded = 0;
  return {
    parts,
    minChars: options.minChars,
    get threaded() {
      return threaded;
    },
    async read(inputs, onProgress) {
      // Post the others first, so the threads work while this one reads the first part.
      const others = inputs.slice(1).map((input, k) =>
        thread(k % Math.max(1, parts - 1))
          .read(input)
          .then((part) => (threaded++, part)),
      );
      // Nothing may reject unobserved while this thread reads the first part.
      const settled = Promise.allSettled(others);
      const first = inputs.length > 0 ? [readPartInput(inputs[0], onProgress)] : [];
      const rest = await settled;
      const failed = rest.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      return [...first, ...rest.map((r) => (r as PromiseFulfilledResult<PartResult>).value)];
    },
    warm() {
      for (let k = 0; k < parts - 1; k++) thread(k);
    },
    close: async () => void (await Promise.all(threads.map((t) => t.terminate()))),
  };
}
