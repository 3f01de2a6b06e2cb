/**
 * A pool of parse workers for the delimited reader (src/data/read/read-parallel.ts), the same in
 * the browser (Web Workers started by the analytics worker) and in Node (worker threads, see
 * src/cli/parse-threads.ts): the caller reads the first part itself while each worker reads one
 * of the others. Workers start on the first large file (or its `warm`) and are kept for the next.
 */
import type { PartResult } from '../data/read/delimited-part.ts';
import { partBuffers, readPartInput, type ParallelRead, type PartInput } from '../data/read/read-parallel.ts';

/** Pool -> parse worker. */
export interface PartRequest {
  readonly id: number;
  readonly input: PartInput;
}

/** Parse worker -> pool: the part, or why it could not be read. */
export type PartReply = { readonly id: number; readonly part: PartResult } | { readonly id: number; readonly error: string };

/** One parse worker as the pool sees it: a Web Worker or a Node worker thread, adapted. */
export interface PartEndpoint {
  post(request: PartRequest, transfer: ArrayBuffer[]): void;
  /** Replies, and the worker's failure (it could not start, crashed or stopped). */
  listen(onReply: (reply: PartReply) => void, onFail: (error: Error) => void): void;
  /** Node: whether the worker may hold the process open (only while a part is out). */
  hold?(busy: boolean): void;
  terminate(): unknown;
}

/** A parallel reader its owner closes when done. */
export interface PartPool extends ParallelRead {
  /** Parts read by the workers so far (the others on the calling thread). */
  readonly threaded: number;
  close(): Promise<void>;
}

/** What a parse worker does with a request: the reply and the buffers to move back with it. */
export function answerPart({ id, input }: PartRequest): { reply: PartReply; transfer: ArrayBuffer[] } {
  try {
    const part = readPartInput(input);
    return { reply: { id, part }, transfer: partBuffers(part) };
  } catch (error) {
    return { reply: { id, error: error instanceof Error ? error.message : String(error) }, transfer: [] };
  }
}

class PartWorker {
  private readonly waiting = new Map<number, { resolve: (p: PartResult) => void; reject: (e: Error) => void }>();
  private nextId = 1;
  /** Why the worker stopped, once it has: it takes no more parts. */
  dead: Error | null = null;
  constructor(private readonly endpoint: PartEndpoint) {
    endpoint.listen(
      (reply) => {
        const w = this.waiting.get(reply.id);
        if (!w) return;
        this.settled(reply.id);
        if ('part' in reply) w.resolve(reply.part);
        else w.reject(new Error(reply.error));
      },
      (error) => {
        this.dead ??= error;
        for (const [id, w] of this.waiting) {
          this.settled(id);
          w.reject(error);
        }
      },
    );
  }
  private settled(id: number): void {
    this.waiting.delete(id);
    if (this.waiting.size === 0) this.endpoint.hold?.(false);
  }
  read(input: PartInput): Promise<PartResult> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    if (this.waiting.size === 0) this.endpoint.hold?.(true);
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      // Moved, not copied: the bytes are the reader's own copy of the part.
      this.endpoint.post({ id, input }, 'bytes' in input ? [input.bytes.buffer as ArrayBuffer] : []);
    });
  }
  terminate(): unknown {
    return this.endpoint.terminate();
  }
}

/**
 * A parallel reader over `parts - 1` workers made by `create`. When a worker fails, `read`
 * rejects and the reader reads the file again on the calling thread (the same table); the
 * worker is replaced on the next file.
 */
export function partPool(create: () => PartEndpoint, parts: number, minChars?: number): PartPool {
  const workers: PartWorker[] = [];
  const worker = (k: number): PartWorker => (workers[k] = workers[k] && !workers[k].dead ? workers[k] : new PartWorker(create()));
  let threaded = 0;
  return {
    parts: Math.max(1, parts),
    minChars,
    get threaded() {
      return threaded;
    },
    async read(inputs, onProgress) {
      // Post the others first, so the workers read while this thread reads the first part.
      const others = inputs.slice(1).map((input, k) =>
        worker(k % Math.max(1, parts - 1))
          .read(input)
          .then((part) => (threaded++, part)),
      );
      // Nothing may reject unobserved while this thread reads.
      const settled = Promise.allSettled(others);
      const first = inputs.length > 0 ? [readPartInput(inputs[0], onProgress)] : [];
      const rest = await settled;
      const failed = rest.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
      return [...first, ...rest.map((r) => (r as PromiseFulfilledResult<PartResult>).value)];
    },
    warm() {
      for (let k = 0; k < parts - 1; k++) worker(k);
    },
    close: async () => void (await Promise.all(workers.map((w) => w.terminate()))),
  };
}
