/**
 * The bundled sample, imported at build time. Generating the sample's 200,000 order lines and
 * reading them back takes seconds in a browser worker, and it is the same every time for the
 * same import settings: the build imports it once with the notebook's default settings and
 * ships the result (`snapshot-codec.ts`) under a name made from those settings. A worker asked
 * for the sample with the same settings reads that file instead; any other settings, a file of
 * the person's own, Node and the dev server take the usual path. Results are identical
 * (tests/workers/sample-snapshot.test.ts).
 */
import { canonicalJson, sha256 } from '../config/hash.ts';
import type { DataImportSpec } from '../data/import-spec.ts';
import { decodeSnapshot, encodeSnapshot } from './snapshot-codec.ts';
import type { ImportResult } from './tasks.ts';

/** The file name for the sample imported with `spec`, e.g. `sample-import-3f2a….bin`. */
export async function sampleSnapshotName(spec: DataImportSpec): Promise<string> {
  const hash = await sha256(canonicalJson(spec));
  return `sample-import-${hash.slice(0, 16)}.bin`;
}

export const encodeSampleSnapshot = (result: ImportResult): Uint8Array => encodeSnapshot(result);

/**
 * In a browser worker: the sample as the build imported it with `spec`, or null when the build
 * made none for these settings (or the file cannot be read: the caller imports as usual).
 * `base` is the URL the file is relative to (the page's folder).
 */
export async function fetchSampleSnapshot(spec: DataImportSpec, base: string): Promise<ImportResult | null> {
  try {
    const response = await fetch(new URL(await sampleSnapshotName(spec), base));
    if (!response.ok) return null;
    return decodeSnapshot(new Uint8Array(await response.arrayBuffer())) as ImportResult;
  } catch {
    return null;
  }
}
