import type { Matrix } from '../matrix.ts';

/** The parts of a clustering that carry cluster ids. */
export interface Labelled {
  readonly labels: Int32Array;
  readonly centroids: Matrix;
  readonly sizes: readonly number[];
}

/**
 * Renames clusters: cluster `c` becomes `mapping[c]` (a permutation of 0..k-1). Noise (-1)
 * stays -1. The partition itself does not change, so no metric changes.
 */
export function relabel<T extends Labelled>(result: T, mapping: readonly number[]): T {
  const k = result.sizes.length;
  const seen = new Set(mapping);
  if (mapping.length !== k || seen.size !== k || mapping.some((m) => !(Number.isInteger(m) && m >= 0 && m < k))) {
    throw new Error(`invalid mapping: [${mapping.join(', ')}] (expected a permutation of 0..${k - 1})`);
  }
  const labels = result.labels.map((c) => (c < 0 ? c : mapping[c]));
  const { d } = result.centroids;
  const data = new Float64Array(result.centroids.data.length);
  const sizes = new Array<number>(k);
  for (let c = 0; c < k; c++) {
    data.set(result.centroids.data.subarray(c * d, (c + 1) * d), mapping[c] * d);
    sizes[mapping[c]] = result.sizes[c];
  }
  return { ...result, labels, centroids: { n: k, d, data }, sizes };
}

/** The mapping that numbers clusters by size, largest first (ties keep their order). */
export function sizeOrder(sizes: readonly number[]): number[] {
  const order = sizes.map((_, c) => c).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const mapping = new Array<number>(sizes.length);
  order.forEach((c, rank) => (mapping[c] = rank));
  return mapping;
}
