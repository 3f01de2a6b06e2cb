/**
 * The bundled sample, imported at build time. Generating the sample's 200,000 order lines and
 * reading them back takes seconds in a browser worker, and it is the same every time for the
 * same import settings: the build imports it once with the notebook's default settings and
 * ships the result (`snapshot-codec.ts`) under a name made from those settings. A worker asked
 * for the sample with the same settings reads that file instead; any other settings, a file of
 * the person's own, Node and the dev server take the usual path. The file also carries the
 * replies of the tasks on the way to the first chart at default settings (`task-replies.ts`),
 * which the worker then answers with when asked with the same arguments. Results are identical
 * (tests/workers/sample-snapshot.test.ts).
 */
import { canonicalJson, sha256 } from '../config/hash.ts';
import type { DataImportSpec } from '../data/import-spec.ts';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.ts';
import type { ImportResult } from './tasks.ts';
import { TaskReplies, type RecordedReply } from './task-replies.ts';

/** What the file holds; the version is part of its name, so a file of another layout is never read. */
export interface SampleSnapshot {
  readonly import: ImportResult;
  readonly replies: readonly RecordedReply[];
}
const LAYOUT = 2;

/** The file name for the sample imported with `spec`, e.g. `sample-import-3f2a….bin`. */
export async function sampleSnapshotName(spec: DataImportSpec): Promise<string> {
  const hash = await sha256(canonicalJson({ layout: LAYOUT, spec }));
  return `sample-import-${hash.slice(0, 16)}.bin`;
}

/** The snapshot's bytes before compression (the build gzips them, see `load`). */
export const encodeSampleSnapshot = (snapshot: SampleSnapshot): Uint8Array => encodeSnapshot(snapshot);

/** The recorded replies of the snapshots this worker read, for the worker to answer with. */
export const sampleReplies = new TaskReplies();

/** Snapshots fetched ahead of the import that will use them, by URL (`prefetchSampleSnapshot`). */
const prefetched = new Map<string, Promise<ImportResult | null>>();

/** Gzip's first two bytes. */
const isGzip = (bytes: Uint8Array) => bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

/**
 * The file as the build wrote it: gzip-compressed (7.4 MB becomes 2.0 MB to download, and a
 * static host need not compress it), or already inflated by a host that sent it with a gzip
 * content encoding.
 */
async function inflated(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function load(url: string): Promise<ImportResult | null> {
  try {
    const response = await fetch(url);
    if (!response.ok) return null;
    const snapshot = decodeSnapshot(await inflated(new Uint8Array(await response.arrayBuffer()))) as SampleSnapshot;
    sampleReplies.replace(snapshot.replies);
    return snapshot.import;
  } catch {
    return null;
  }
}

/**
 * Starts fetching and decoding the snapshot at `url` now (a worker started with the page, before
 * the app has computed its import settings). The next `fetchSampleSnapshot` for that URL takes
 * it, once (the result's arrays then move to the main thread); any import of the sample lets
 * go of prefetches it did not take.
 */
export function prefetchSampleSnapshot(url: string): void {
  if (!prefetched.has(url)) prefetched.set(url, load(url));
}

/**
 * In a browser worker: the sample as the build imported it with `spec`, or null when the build
 * made none for these settings (or the file cannot be read: the caller imports as usual).
 * `base` is the URL the file is relative to (the page's folder).
 */
export async function fetchSampleSnapshot(spec: DataImportSpec, base: string): Promise<ImportResult | null> {
  const url = new URL(await sampleSnapshotName(spec), base).href;
  const early = prefetched.get(url);
  // Taken once; a prefetch for other settings was a wrong guess and is let go (its memory too).
  prefetched.clear();
  return early ?? load(url);
}
