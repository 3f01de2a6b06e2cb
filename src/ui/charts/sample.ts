/**
 * A deterministic stratified sample: at most `max` indices into `labels`, with every cluster
 * represented in proportion to its size (and at least once), spread evenly through each
 * cluster's members. No randomness, so the same data always draws the same points.
 * Returns indices in ascending order; all indices when `labels.length <= max`.
 */
export function stratifiedSample(labels: ArrayLike<number>, max: number): Uint32Array {
  const n = labels.length;
  if (n <= max) return Uint32Array.from({ length: n }, (_, i) => i);
  const members = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const list = members.get(labels[i]);
    if (list) list.push(i);
    else members.set(labels[i], [i]);
  }
  const groups = [...members.values()];
  // Largest-remainder apportionment of `max` over the clusters, then at least one each.
  const exact = groups.map((g) => (g.length * max) / n);
  const quota = exact.map((q) => Math.floor(q));
  let left = max - quota.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((q, i) => [q - Math.floor(q), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left <= 0) break;
    quota[i]++;
    left--;
  }
  const picked: number[] = [];
  groups.forEach((g, k) => {
    const q = Math.min(g.length, Math.max(1, quota[k]));
    for (let j = 0; j < q; j++) picked.push(g[Math.floor(((j + 0.5) * g.length) / q)]);
  });
  return Uint32Array.from(picked).sort();
}
