import { hungarian } from './hungarian.ts';

/** A labelling renamed to agree with a reference. */
export interface AlignedLabels {
  /** The relabelled labels (negative labels, i.e. noise, are kept as they are). */
  readonly labels: Int32Array;
  /** mapping[old] = new for every old label 0..max(labels); -1 for values that do not occur. */
  readonly mapping: readonly number[];
  /** Share of rows whose aligned label differs from the reference, 1 - trace(C_matched) / n. */
  readonly shareChanged: number;
}

/**
 * Renames the clusters of `labels` to match `reference` as closely as possible: Hungarian
 * matching maximising the matched cells of the contingency table (noise takes no part).
 * Without `k`, the candidate names are the reference's labels and clusters left without a
 * partner get fresh ids above them. With `k`, names are restricted to 0..k-1 (reference
 * clusters numbered k or above cannot be matched), so a k-cluster result always gets a
 * permutation of 0..k-1, e.g. after k was lowered.
 */
export function alignLabels(reference: ArrayLike<number>, labels: ArrayLike<number>, k = 0): AlignedLabels {
  const n = labels.length;
  if (reference.length !== n) throw new Error(`invalid labels: ${n} rows (expected ${reference.length})`);
  const from = new Set<number>();
  const to = new Set<number>(Array.from({ length: k }, (_, c) => c));
  const named = (r: number) => r >= 0 && (k === 0 || r < k);
  for (let i = 0; i < n; i++) {
    if (labels[i] >= 0) from.add(labels[i]);
    if (named(reference[i])) to.add(reference[i]);
  }
  const rowLabels = [...from].sort((a, b) => a - b);
  const colLabels = [...to].sort((a, b) => a - b);
  const ri = new Map(rowLabels.map((v, i) => [v, i]));
  const ci = new Map(colLabels.map((v, j) => [v, j]));
  const counts = rowLabels.map(() => new Array<number>(colLabels.length).fill(0));
  for (let i = 0; i < n; i++) {
    if (labels[i] >= 0 && named(reference[i]))
      counts[ri.get(labels[i]) as number][ci.get(reference[i]) as number]++;
  }
  const { rowToColumn } = hungarian(counts);
  let fresh = (colLabels.length ? colLabels[colLabels.length - 1] : -1) + 1;
  const mapping = new Array<number>(rowLabels.length ? rowLabels[rowLabels.length - 1] + 1 : 0).fill(-1);
  rowLabels.forEach((l, i) => (mapping[l] = rowToColumn[i] >= 0 ? colLabels[rowToColumn[i]] : fresh++));
  const out = Int32Array.from(labels, (l) => (l < 0 ? l : mapping[l]));
  let changed = 0;
  for (let i = 0; i < n; i++) if (out[i] !== reference[i]) changed++;
  return { labels: out, mapping, shareChanged: n ? changed / n : 0 };
}
