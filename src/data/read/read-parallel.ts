/**
 * The delimited reader on several threads. The first pass (byte-order mark, line ends, header,
 * types; delimited-plan.ts) runs on the calling thread; the body is cut at line feeds into parts,
 * each read with that fixed layout (`readPart`) wherever the host runs them (worker threads in
 * Node, Web Workers in the browser, or in process), and the parts are merged in file order
 * (`mergeParts`). The table is the one `readDelimited` gives, byte for byte: the parts are read
 * by the same code, and the merge only offsets what a part cannot know (its first row and line).
 *
 * It stays on one thread for bodies under `PARALLEL_MIN_CHARS` and for text holding a double
 * quote: a quoted field may span lines, and whether a line feed is inside one depends on every
 * quote before it.
 */
import type { LoadedTable } from './columns.ts';
import type { DecodedText } from './decode.ts';
import { planDelimited, partLayout, type PartLayout } from './delimited-plan.ts';
import { readPart, type PartResult } from './delimited-part.ts';
import { mergeParts, readBody } from './delimited-merge.ts';
import type { ReadOptions } from './read-delimited.ts';

/**
 * Bodies shorter than this (characters, 8 MiB: about 80,000 order lines) are read on one
 * thread. Reading runs at about 10 ns a character, so below it a second thread would save under
 * 40 ms (half of an 85 ms read): about what starting a worker, moving a part to it and back and
 * merging cost.
 */
export const PARALLEL_MIN_CHARS = 8 << 20;

/** A part of the body for a reader: its text, or (pure ASCII files) its bytes, decoded by the reader. */
export type PartInput = { readonly layout: PartLayout; readonly text: string } | { readonly layout: PartLayout; readonly bytes: Uint8Array };

/** How a reader may use other threads: given by the host (see src/cli/parse-threads.ts, src/workers/part-pool.ts). */
export interface ParallelRead {
  /** Parts to cut a large body into (about one per core). */
  readonly parts: number;
  /** Bodies shorter than this many characters are read on one thread; default `PARALLEL_MIN_CHARS`. */
  readonly minChars?: number;
  /**
   * Reads the parts, results in the same order. A host reads the first on the calling thread
   * (passing `onProgress` on) and the others elsewhere; it may move (transfer) the inputs' bytes.
   * When it rejects, the file is read again on the calling thread.
   */
  read(inputs: PartInput[], onProgress?: (fraction: number) => void): Promise<PartResult[]>;
  /** Called before a large file is decoded, so that threads can start meanwhile. */
  warm?(): void;
}

/** Reads one part: what a parse worker runs. Bytes are UTF-8 (ASCII) without a byte-order mark. */
export function readPartInput(input: PartInput, onProgress?: (fraction: number) => void): PartResult {
  // ignoreBOM: a U+FEFF at the start of a part is a character of a cell, not a mark to drop.
  const text = 'text' in input ? input.text : new TextDecoder('utf-8', { ignoreBOM: true }).decode(input.bytes);
  return readPart(text, input.layout, 0, onProgress);
}

/** Offsets in `text` where the parts of the body start, then its end: each just after a line feed. */
export function splitBody(text: string, bodyStart: number, parts: number): number[] {
  const cuts = [bodyStart];
  const body = text.length - bodyStart;
  for (let k = 1; k < parts; k++) {
    const lf = text.indexOf('\n', bodyStart + Math.floor((k * body) / parts));
    const at = lf < 0 ? text.length : lf + 1;
    if (at > cuts[cuts.length - 1] && at < text.length) cuts.push(at);
  }
  cuts.push(text.length);
  return cuts;
}

/**
 * `readDelimited` of decoded bytes, in parts through `parallel` when the body is large and
 * quote-free. `bytes` are those `decoded` came from: a pure ASCII file's parts go to the readers
 * as bytes (a copy is cheaper to move than a string, and decoding is per part), others as text.
 */
export async function readDelimitedParallel(decoded: DecodedText, bytes: Uint8Array, options: ReadOptions, parallel: ParallelRead): Promise<LoadedTable> {
  const { text, layout } = planDelimited(decoded.text, options);
  const body = text.length - layout.bodyStart;
  if (layout.quotes || parallel.parts < 2 || body < (parallel.minChars ?? PARALLEL_MIN_CHARS)) {
    return readBody(text, layout, options.onProgress);
  }
  const cuts = splitBody(text, layout.bodyStart, parallel.parts);
  const bom = decoded.bom ? 3 : 0;
  // One byte a character and no line ends rewritten: text offsets are byte offsets (after the mark).
  const ascii = decoded.encoding === 'utf-8' && !layout.lineEndsRewritten && bytes.length - bom === text.length;
  const part = partLayout(layout);
  const inputs: PartInput[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const [from, to] = [cuts[k], cuts[k + 1]];
    // The first part stays on the calling thread: a view of the text, nothing copied.
    inputs.push(k > 0 && ascii ? { layout: part, bytes: bytes.slice(bom + from, bom + to) } : { layout: part, text: text.slice(from, to) });
  }
  let parts: PartResult[];
  try {
    parts = await parallel.read(inputs, options.onProgress);
  } catch {
    // A worker that failed (could not start, ran out of memory): the same table from one thread.
    return readBody(text, layout, options.onProgress);
  }
  return mergeParts(layout, parts);
}

/**
 * Parts read one after another on this thread, each through a structured clone (as a worker
 * would receive and return it): the host of tests, and of platforms without workers.
 */
export function inProcessParts(parts: number, minChars = 0): ParallelRead {
  return {
    parts,
    minChars,
    read: async (inputs, onProgress) => inputs.map((input, k) => structuredClone(readPartInput(structuredClone(input), k === 0 ? onProgress : undefined))),
  };
}

/** The buffers of a part's typed arrays, moved (not copied) when a worker posts the part back. */
export function partBuffers(part: PartResult): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  const add = (a: ArrayBufferView) => {
    if (a.buffer instanceof ArrayBuffer && !out.includes(a.buffer)) out.push(a.buffer);
  };
  add(part.lines);
  for (const c of part.columns) {
    if (c.type === 'text') {
      add(c.codes);
      add(c.hashes);
    } else add(c.values);
  }
  return out;
}
