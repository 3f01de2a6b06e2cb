import type { Matrix } from './matrix.ts';
import { createRandom, randomNormal } from './random.ts';

/** Options of the synthetic blob generator. */
export interface BlobsSpec {
  /** Number of rows. */
  readonly n: number;
  /** Number of columns. Default 8. */
  readonly d?: number;
  /** Number of blobs. Default 6. */
  readonly centers?: number;
  /** Standard deviation of each blob. Default 1. */
  readonly spread?: number;
  /** Half-width of the box the blob centres are drawn from. Default 10. */
  readonly box?: number;
  /** Default 0. */
  readonly seed?: number;
}

/** Deterministic mixture of isotropic Gaussian blobs (row i belongs to blob i mod centers), for tests and benches. */
export function gaussianBlobs(spec: BlobsSpec): { matrix: Matrix; truth: Int32Array } {
  const { n, d = 8, centers = 6, spread = 1, box = 10, seed = 0 } = spec;
  const random = createRandom(seed);
  const means = Array.from({ length: centers * d }, () => (random() * 2 - 1) * box);
  const data = new Float64Array(n * d);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % centers;
    truth[i] = c;
    for (let t = 0; t < d; t++) data[i * d + t] = means[c * d + t] + spread * randomNormal(random);
  }
  return { matrix: { n, d, data }, truth };
}
