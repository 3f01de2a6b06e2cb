import { compactLabels } from '../cluster/labels.ts';
import type { Matrix } from '../matrix.ts';
import { addRowSums, paddedRows, rowDistances, silhouette, summarise, valuesFromSums } from './silhouette.ts';

/**
 * The exact mean silhouette of several labellings of the same rows (a k sweep's), equal to
 * `silhouette(m, labels).mean` for each, bit for bit: each pair's distance is computed once and
 * added to every labelling's sums, each sum receiving the same additions in the same order as in
 * `silhouette`. The distances are the cost (n²/2 square roots), so L labellings cost little more
 * than one instead of L times as much. A labelling with noise (negative labels) or fewer than two
 * clusters goes through `silhouette` itself.
 *
 * `onRows(done)` is called every few hundred rows with the rows done so far (progress, and a
 * place to throw for cancellation).
 */
export function silhouetteMeans(m: Matrix, labellings: readonly ArrayLike<number>[], onRows?: (done: number) => void): number[] {
  const { n } = m;
  const means = new Array<number>(labellings.length).fill(0);
  const batch: { index: number; codes: Int32Array; k: number; sizes: readonly number[]; sums: Float64Array }[] = [];
  labellings.forEach((labels, index) => {
    if (labels.length !== n) throw new Error(`invalid labels: ${labels.length} labels for ${n} rows`);
    const { codes, k, sizes } = compactLabels(labels);
    if (k < 2 || sizes.reduce((a, b) => a + b, 0) !== n) means[index] = silhouette(m, labels).mean;
    else batch.push({ index, codes, k, sizes, sums: new Float64Array(n * k) });
  });
  if (batch.length === 0) return means;

  const L = batch.length;
  const padded = paddedRows(m);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Row i's distances once, then into every labelling's sums, as `silhouette` adds them.
    rowDistances(m, padded, i, row);
    for (let l = 0; l < L; l++) addRowSums(batch[l].sums, batch[l].codes, batch[l].k, i, n, row);
    if (onRows && (i & 255) === 255) onRows(i + 1);
  }
  for (const { index, codes, k, sizes, sums } of batch) means[index] = summarise(valuesFromSums(sums, codes, k, sizes), codes, k, sizes).mean;
  return means;
}
