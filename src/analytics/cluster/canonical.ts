/**
 * Canonical cluster ids: a function of the partition alone, never of how it was reached.
 *
 * Clusters are numbered by size, largest first. Two clusters of the same size are ordered by
 * their first row (the lowest row index that belongs to them), so the numbering does not depend
 * on the algorithm's internal numbering either. Noise (-1) and other negative labels stay as
 * they are.
 */

/**
 * The canonical id of each of the `k` raw clusters in `labels` (values 0..k-1, or negative for
 * noise): `mapping[raw] = canonical`. An empty cluster sorts after every non-empty one.
 */
export function canonicalMapping(labels: ArrayLike<number>, k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  const first = new Array<number>(k).fill(Number.POSITIVE_INFINITY);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (c < 0) continue;
    if (c >= k || !Number.isInteger(c)) throw new Error(`invalid label: ${c} at row ${i} (expected 0..${k - 1} or negative for noise)`);
    sizes[c]++;
    if (first[c] === Number.POSITIVE_INFINITY) first[c] = i;
  }
  const order = sizes.map((_, c) => c).sort((a, b) => sizes[b] - sizes[a] || first[a] - first[b] || a - b);
  const mapping = new Array<number>(k);
  order.forEach((c, rank) => (mapping[c] = rank));
  return mapping;
}

/** Whether `labels` already carry canonical ids (each cluster's id is its canonical one). */
export function isCanonical(labels: ArrayLike<number>, k: number): boolean {
  return canonicalMapping(labels, k).every((to, from) => to === from);
}
