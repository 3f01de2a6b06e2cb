/** Cross-tabulation of two labellings of the same rows. */
export interface Contingency {
  /** Distinct labels of the first labelling, ascending (rows of `counts`). */
  readonly rowLabels: readonly number[];
  /** Distinct labels of the second labelling, ascending (columns of `counts`). */
  readonly columnLabels: readonly number[];
  /** counts[i][j]: rows with label rowLabels[i] in `a` and columnLabels[j] in `b`. */
  readonly counts: number[][];
  /** Number of rows. */
  readonly n: number;
}

function distinct(labels: ArrayLike<number>): number[] {
  return [...new Set(Array.from(labels))].sort((x, y) => x - y);
}

/** Contingency table of labellings `a` (rows) and `b` (columns); every label, noise included, is a category. */
export function contingency(a: ArrayLike<number>, b: ArrayLike<number>): Contingency {
  if (a.length !== b.length) throw new Error(`invalid labels: ${a.length} and ${b.length} rows`);
  const rowLabels = distinct(a);
  const columnLabels = distinct(b);
  const ri = new Map(rowLabels.map((v, i) => [v, i]));
  const ci = new Map(columnLabels.map((v, j) => [v, j]));
  const counts = rowLabels.map(() => new Array<number>(columnLabels.length).fill(0));
  for (let t = 0; t < a.length; t++) counts[ri.get(a[t]) as number][ci.get(b[t]) as number]++;
  return { rowLabels, columnLabels, counts, n: a.length };
}
