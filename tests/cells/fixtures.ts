import { gaussianBlobs } from '../../src/analytics/blobs.ts';
import { createEngine, type NotebookEngine } from '../../src/runtime/index.ts';
import { segmentation } from '../../notebooks/segmentation.ts';
import { inlineHost } from '../../src/workers/host.ts';

/** A small customer table of four features (a, b, c, d), as an uploaded CSV. */
export function blobsFile(n = 150, seed = 11): { name: string; bytes: Uint8Array } {
  const { matrix } = gaussianBlobs({ n, d: 4, centers: 4, seed });
  const lines = ['customer_id,a,b,c,d'];
  for (let i = 0; i < matrix.n; i++) lines.push(`C${i},${Array.from(matrix.data.subarray(i * 4, i * 4 + 4), (x) => (x + 20).toFixed(4)).join(',')}`);
  return { name: 'blobs.csv', bytes: new TextEncoder().encode(lines.join('\n')) };
}

/** The segmentation notebook on this thread (live, short debounce), with `initial` values. */
export function openSegmentation(initial: Record<string, unknown> = {}): NotebookEngine {
  return createEngine(segmentation, { debounceMs: 5, initial: { host: inlineHost, ...initial } });
}

/** The segmentation notebook on the blobs table, clustering on its four features. */
export function openBlobs(initial: Record<string, unknown> = {}): NotebookEngine {
  return openSegmentation({ dataFile: blobsFile(), features: ['a', 'b', 'c', 'd'], transform: 'none', ...initial });
}
