import { compactLabels } from '../cluster/labels.ts';
import type { Matrix } from '../matrix.ts';
import { silhouette, summarise } from './silhouette.ts';

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
  const { n, d, data } = m;
  const means = new Array<number>(labellings.length).fill(0);
  const batch: { index: number; codes: Int32Array; k: number; sizes: readonly number[]; sums: Float64Array }[] = [];
  labellings.forEach((labels, index) => {
    if (labels.length !== n) throw new Error(`invalid labels: ${labels.length} labels for ${n} rows`);
    const { codes, k, sizes } = compactLabels(labels);
    if (k < 2 || sizes.reduce((a, b) => a + b, 0) !== n) means[index] = silhouette(m, labels).mean;
    else batch.push({ index, codes, k, sizes, sums: new Float64Array(n * k) });
  });
  if (batch.length === 0) return means;

  // Rows of at most 8 columns padded to stride 8 (zeros add nothing), as `silhouette` does.
  const pd = new Float64Array(d <= 8 ? n * 8 : 0);
  if (d <= 8) for (let i = 0; i < n; i++) for (let t = 0; t < d; t++) pd[i * 8 + t] = data[i * d + t];
  const L = batch.length;
  const codes = batch.map((b) => b.codes);
  const sums = batch.map((b) => b.sums);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = i * 8;
    // Distances from row i to every later row, in the order `silhouette` computes them.
    if (d <= 8) {
      const x0 = pd[p], x1 = pd[p + 1], x2 = pd[p + 2], x3 = pd[p + 3]; // prettier-ignore
      const x4 = pd[p + 4], x5 = pd[p + 5], x6 = pd[p + 6], x7 = pd[p + 7]; // prettier-ignore
      for (let j = i + 1, q = p + 8; j < n; j++, q += 8) {
        let v = x0 - pd[q];
        let s = v * v;
        v = x1 - pd[q + 1];
        s += v * v;
        v = x2 - pd[q + 2];
        s += v * v;
        v = x3 - pd[q + 3];
        s += v * v;
        v = x4 - pd[q + 4];
        s += v * v;
        v = x5 - pd[q + 5];
        s += v * v;
        v = x6 - pd[q + 6];
        s += v * v;
        v = x7 - pd[q + 7];
        s += v * v;
        row[j] = Math.sqrt(s);
      }
    } else {
      for (let j = i + 1; j < n; j++) {
        let s = 0;
        for (let t = 0, a = i * d, b = j * d; t < d; t++, a++, b++) s += (data[a] - data[b]) * (data[a] - data[b]);
        row[j] = Math.sqrt(s);
      }
    }
    // Sums are held cluster-major (sum[c * n + j]: row j's distances to cluster c), so the
    // additions to the later rows' sums for row i's cluster run along one stretch of memory.
    // Each sum still receives the same additions in the same order: those from earlier rows
    // (their loops come first), then row j's own.
    for (let l = 0; l < L; l++) {
      const c = codes[l];
      const sum = sums[l];
      const mine = c[i] * n;
      for (let j = i + 1; j < n; j++) {
        const dist = row[j];
        sum[c[j] * n + i] += dist;
        sum[mine + j] += dist;
      }
    }
    if (onRows && (i & 255) === 255) onRows(i + 1);
  }
  for (const { index, codes: c, k, sizes, sums: sum } of batch) {
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const own = c[i];
      if (sizes[own] < 2) continue;
      const a = sum[own * n + i] / (sizes[own] - 1);
      let b = Infinity;
      for (let o = 0; o < k; o++) if (o !== own && sizes[o] > 0) b = Math.min(b, sum[o * n + i] / sizes[o]);
      const top = Math.max(a, b);
      values[i] = top > 0 && b < Infinity ? (b - a) / top : 0;
    }
    means[index] = summarise(values, c, k, sizes).mean;
  }
  return means;
}
