/**
 * Per-customer confidence from bootstrap replicates: how often a customer, when drawn, lands in
 * the replicate cluster matched to its baseline cluster, and where it goes otherwise.
 */

/** `alternative` of a customer that never left the match of its baseline cluster (or was never drawn). */
export const NO_ALTERNATIVE = -2;

/** Running counts over replicates. */
export interface ConfidenceTally {
  /** Baseline clusters (ids 0..clusters-1); slot `clusters` counts moves to noise. */
  readonly clusters: number;
  /** Replicates in which each customer was drawn. */
  readonly drawn: Int32Array;
  /** Replicates in which it landed in the match of its baseline cluster (noise in noise for noise). */
  readonly stayed: Int32Array;
  /** n x (clusters + 1): replicates in which it landed in the match of another baseline cluster, or in noise. */
  readonly moved: Int32Array;
}

/** Per-customer confidence, one value per matrix row. */
export interface CustomerConfidence {
  /** Share of the replicates drawing the customer in which it stayed with its cluster, in [0, 1]; NaN if never drawn. */
  readonly confidence: Float64Array;
  /**
   * The baseline cluster it moved to most often, -1 for noise, or
   * `NO_ALTERNATIVE` when it never moved to a cluster that has a baseline counterpart.
   */
  readonly alternative: Int32Array;
  /** Replicates that drew the customer. */
  readonly drawn: Int32Array;
}

export function confidenceTally(n: number, clusters: number): ConfidenceTally {
  return {
    clusters,
    drawn: new Int32Array(n),
    stayed: new Int32Array(n),
    moved: new Int32Array(n * (clusters + 1)),
  };
}

/**
 * Adds one replicate: `rows` are the customers drawn (matrix rows), `baseline` their baseline
 * labels and `matched` their replicate labels renamed to the baseline's ids (ids from
 * `clusters` up have no baseline counterpart; they count as a move but name no alternative).
 */
export function tallyReplicate(
  tally: ConfidenceTally,
  rows: Int32Array,
  baseline: Int32Array,
  matched: Int32Array,
): void {
  const { clusters, drawn, stayed, moved } = tally;
  const slots = clusters + 1;
  for (let r = 0; r < rows.length; r++) {
    const i = rows[r];
    drawn[i]++;
    const to = matched[r];
    if (to === baseline[r]) stayed[i]++;
    else if (to < 0) moved[i * slots + clusters]++;
    else if (to < clusters) moved[i * slots + to]++;
  }
}

/**
 * Confidence and most frequent alternative of every customer. Ties between alternatives go to
 * the cluster whose first customer comes first in `baseline` (noise last): an order that does
 * not depend on how the clusters are numbered.
 */
export function finishConfidence(tally: ConfidenceTally, baseline: Int32Array): CustomerConfidence {
  const { clusters, drawn, stayed, moved } = tally;
  const n = drawn.length;
  const slots = clusters + 1;
  const confidence = new Float64Array(n);
  const alternative = new Int32Array(n).fill(NO_ALTERNATIVE);
  const firstRow = new Array<number>(clusters).fill(Infinity);
  for (let i = n - 1; i >= 0; i--) if (baseline[i] >= 0) firstRow[baseline[i]] = i;
  const order = firstRow.map((_, c) => c).sort((a, b) => firstRow[a] - firstRow[b] || a - b);
  order.push(clusters);
  for (let i = 0; i < n; i++) {
    confidence[i] = drawn[i] > 0 ? stayed[i] / drawn[i] : NaN;
    let best = 0;
    for (const s of order) {
      const count = moved[i * slots + s];
      if (count > best) {
        best = count;
        alternative[i] = s === clusters ? -1 : s;
      }
    }
  }
  return { confidence, alternative, drawn: Int32Array.from(drawn) };
}
