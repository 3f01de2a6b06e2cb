/** Labels recoded to 0..k-1 (in ascending order of the original values); negative labels (noise) become -1. */
export interface CompactLabels {
  /** Code of each row, or -1 for a negative label. */
  readonly codes: Int32Array;
  /** Number of distinct non-negative labels. */
  readonly k: number;
  /** The original label of each code. */
  readonly values: readonly number[];
  /** Rows per code. */
  readonly sizes: readonly number[];
}

/** Recodes arbitrary integer labels to 0..k-1, leaving negative labels out as -1. */
export function compactLabels(labels: ArrayLike<number>): CompactLabels {
  const distinct = new Set<number>();
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) distinct.add(labels[i]);
  const values = [...distinct].sort((a, b) => a - b);
  const index = new Map(values.map((v, c) => [v, c]));
  const codes = new Int32Array(labels.length);
  const sizes = new Array<number>(values.length).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i] >= 0 ? (index.get(labels[i]) as number) : -1;
    codes[i] = c;
    if (c >= 0) sizes[c]++;
  }
  return { codes, k: values.length, values, sizes };
}
