/** Where `assignRows` writes, for the rows it visits. */
export interface AssignOutput {
  /** Nearest centre (lowest index on ties). */
  readonly labels: Int32Array;
  /** Squared distance to the nearest centre. */
  readonly best: Float64Array;
  /** Squared distance to the second nearest centre (Infinity when k = 1). */
  readonly second: Float64Array;
}

/**
 * Nearest and second-nearest centre of each row, or of the `count` rows listed in `rows`.
 * Squared distances are summed with one accumulator over the dimensions in order, so they are
 * bit-identical to ml-distance-euclidean's `squaredEuclidean` (and assignments to ml-kmeans').
 */
export function assignRows(
  data: Float64Array,
  d: number,
  centers: Float64Array,
  k: number,
  out: AssignOutput,
  rows: Int32Array | null,
  count: number,
): void {
  if (d <= 8) assignPadded8(data, d, centers, k, out, rows, count, null, null);
  else assignChunked(data, d, centers, k, out, rows, count);
}

/**
 * `assignRows` over all `n` rows followed by `accumulate`, fused in one pass for d <= 8: each row
 * is added to its cluster's sums while it is still in registers. Rows are added in order, so
 * `sums` and `counts` are bit-identical to `accumulate` after `assignRows`.
 */
export function assignAccumulate(
  data: Float64Array,
  n: number,
  d: number,
  centers: Float64Array,
  k: number,
  out: AssignOutput,
  sums: Float64Array,
  counts: Int32Array,
): void {
  if (d > 8) {
    assignChunked(data, d, centers, k, out, null, n);
    accumulate(data, n, d, out.labels, sums, counts);
    return;
  }
  const padded = new Float64Array(k * 8);
  counts.fill(0);
  assignPadded8(data, d, centers, k, out, null, n, padded, counts);
  for (let c = 0; c < k; c++) for (let t = 0; t < d; t++) sums[c * d + t] = padded[c * 8 + t];
}

/**
 * d <= 8: rows are taken four at a time, each held in eight locals, and the centres are padded
 * to stride 8 with zeros (the padding adds exact zeros, so sums are unchanged); each centre is
 * loaded once per group of rows. Missing rows of the last group repeat the group's first row.
 * With `sums` and `counts`, each row is also added to its cluster's (stride-8) sums in row
 * order while it is still in registers.
 */
function assignPadded8(
  data: Float64Array,
  d: number,
  centers: Float64Array,
  k: number,
  out: AssignOutput,
  rows: Int32Array | null,
  count: number,
  sums: Float64Array | null,
  counts: Int32Array | null,
): void {
  const { labels, best: bestOut, second: secondOut } = out;
  const cp = new Float64Array(k * 8);
  for (let c = 0; c < k; c++) for (let t = 0; t < d; t++) cp[c * 8 + t] = centers[c * d + t];
  for (let r = 0; r < count; r += 4) {
    const i0 = rows === null ? r : rows[r];
    const i1 = r + 1 < count ? (rows === null ? r + 1 : rows[r + 1]) : i0;
    const i2 = r + 2 < count ? (rows === null ? r + 2 : rows[r + 2]) : i0;
    const i3 = r + 3 < count ? (rows === null ? r + 3 : rows[r + 3]) : i0;
    const p0 = i0 * d;
    const x0 = data[p0];
    const x1 = d > 1 ? data[p0 + 1] : 0;
    const x2 = d > 2 ? data[p0 + 2] : 0;
    const x3 = d > 3 ? data[p0 + 3] : 0;
    const x4 = d > 4 ? data[p0 + 4] : 0;
    const x5 = d > 5 ? data[p0 + 5] : 0;
    const x6 = d > 6 ? data[p0 + 6] : 0;
    const x7 = d > 7 ? data[p0 + 7] : 0;
    const p1 = i1 * d;
    const y0 = data[p1];
    const y1 = d > 1 ? data[p1 + 1] : 0;
    const y2 = d > 2 ? data[p1 + 2] : 0;
    const y3 = d > 3 ? data[p1 + 3] : 0;
    const y4 = d > 4 ? data[p1 + 4] : 0;
    const y5 = d > 5 ? data[p1 + 5] : 0;
    const y6 = d > 6 ? data[p1 + 6] : 0;
    const y7 = d > 7 ? data[p1 + 7] : 0;
    const p2 = i2 * d;
    const z0 = data[p2];
    const z1 = d > 1 ? data[p2 + 1] : 0;
    const z2 = d > 2 ? data[p2 + 2] : 0;
    const z3 = d > 3 ? data[p2 + 3] : 0;
    const z4 = d > 4 ? data[p2 + 4] : 0;
    const z5 = d > 5 ? data[p2 + 5] : 0;
    const z6 = d > 6 ? data[p2 + 6] : 0;
    const z7 = d > 7 ? data[p2 + 7] : 0;
    const p3 = i3 * d;
    const w0 = data[p3];
    const w1 = d > 1 ? data[p3 + 1] : 0;
    const w2 = d > 2 ? data[p3 + 2] : 0;
    const w3 = d > 3 ? data[p3 + 3] : 0;
    const w4 = d > 4 ? data[p3 + 4] : 0;
    const w5 = d > 5 ? data[p3 + 5] : 0;
    const w6 = d > 6 ? data[p3 + 6] : 0;
    const w7 = d > 7 ? data[p3 + 7] : 0;
    let b0 = 0;
    let bd0 = Infinity;
    let sd0 = Infinity;
    let b1 = 0;
    let bd1 = Infinity;
    let sd1 = Infinity;
    let b2 = 0;
    let bd2 = Infinity;
    let sd2 = Infinity;
    let b3 = 0;
    let bd3 = Infinity;
    let sd3 = Infinity;
    for (let c = 0, q = 0; c < k; c++, q += 8) {
      const c0 = cp[q + 0];
      const c1 = cp[q + 1];
      const c2 = cp[q + 2];
      const c3 = cp[q + 3];
      const c4 = cp[q + 4];
      const c5 = cp[q + 5];
      const c6 = cp[q + 6];
      const c7 = cp[q + 7];
      let v0 = x0 - c0;
      let s0 = v0 * v0;
      let v1 = y0 - c0;
      let s1 = v1 * v1;
      let v2 = z0 - c0;
      let s2 = v2 * v2;
      let v3 = w0 - c0;
      let s3 = v3 * v3;
      v0 = x1 - c1;
      s0 += v0 * v0;
      v1 = y1 - c1;
      s1 += v1 * v1;
      v2 = z1 - c1;
      s2 += v2 * v2;
      v3 = w1 - c1;
      s3 += v3 * v3;
      v0 = x2 - c2;
      s0 += v0 * v0;
      v1 = y2 - c2;
      s1 += v1 * v1;
      v2 = z2 - c2;
      s2 += v2 * v2;
      v3 = w2 - c2;
      s3 += v3 * v3;
      v0 = x3 - c3;
      s0 += v0 * v0;
      v1 = y3 - c3;
      s1 += v1 * v1;
      v2 = z3 - c3;
      s2 += v2 * v2;
      v3 = w3 - c3;
      s3 += v3 * v3;
      v0 = x4 - c4;
      s0 += v0 * v0;
      v1 = y4 - c4;
      s1 += v1 * v1;
      v2 = z4 - c4;
      s2 += v2 * v2;
      v3 = w4 - c4;
      s3 += v3 * v3;
      v0 = x5 - c5;
      s0 += v0 * v0;
      v1 = y5 - c5;
      s1 += v1 * v1;
      v2 = z5 - c5;
      s2 += v2 * v2;
      v3 = w5 - c5;
      s3 += v3 * v3;
      v0 = x6 - c6;
      s0 += v0 * v0;
      v1 = y6 - c6;
      s1 += v1 * v1;
      v2 = z6 - c6;
      s2 += v2 * v2;
      v3 = w6 - c6;
      s3 += v3 * v3;
      v0 = x7 - c7;
      s0 += v0 * v0;
      v1 = y7 - c7;
      s1 += v1 * v1;
      v2 = z7 - c7;
      s2 += v2 * v2;
      v3 = w7 - c7;
      s3 += v3 * v3;
      if (s0 < bd0) {
        sd0 = bd0;
        bd0 = s0;
        b0 = c;
      } else if (s0 < sd0) sd0 = s0;
      if (s1 < bd1) {
        sd1 = bd1;
        bd1 = s1;
        b1 = c;
      } else if (s1 < sd1) sd1 = s1;
      if (s2 < bd2) {
        sd2 = bd2;
        bd2 = s2;
        b2 = c;
      } else if (s2 < sd2) sd2 = s2;
      if (s3 < bd3) {
        sd3 = bd3;
        bd3 = s3;
        b3 = c;
      } else if (s3 < sd3) sd3 = s3;
    }
    labels[i0] = b0;
    bestOut[i0] = bd0;
    secondOut[i0] = sd0;
    labels[i1] = b1;
    bestOut[i1] = bd1;
    secondOut[i1] = sd1;
    labels[i2] = b2;
    bestOut[i2] = bd2;
    secondOut[i2] = sd2;
    labels[i3] = b3;
    bestOut[i3] = bd3;
    secondOut[i3] = sd3;
    if (sums === null || counts === null) continue;
    // In row order, as accumulate() adds them.
    counts[b0]++;
    let q = b0 * 8;
    sums[q] += x0;
    sums[q + 1] += x1;
    sums[q + 2] += x2;
    sums[q + 3] += x3;
    sums[q + 4] += x4;
    sums[q + 5] += x5;
    sums[q + 6] += x6;
    sums[q + 7] += x7;
    if (r + 1 >= count) continue;
    counts[b1]++;
    q = b1 * 8;
    sums[q] += y0;
    sums[q + 1] += y1;
    sums[q + 2] += y2;
    sums[q + 3] += y3;
    sums[q + 4] += y4;
    sums[q + 5] += y5;
    sums[q + 6] += y6;
    sums[q + 7] += y7;
    if (r + 2 >= count) continue;
    counts[b2]++;
    q = b2 * 8;
    sums[q] += z0;
    sums[q + 1] += z1;
    sums[q + 2] += z2;
    sums[q + 3] += z3;
    sums[q + 4] += z4;
    sums[q + 5] += z5;
    sums[q + 6] += z6;
    sums[q + 7] += z7;
    if (r + 3 >= count) continue;
    counts[b3]++;
    q = b3 * 8;
    sums[q] += w0;
    sums[q + 1] += w1;
    sums[q + 2] += w2;
    sums[q + 3] += w3;
    sums[q + 4] += w4;
    sums[q + 5] += w5;
    sums[q + 6] += w6;
    sums[q + 7] += w7;
  }
}

/** d > 8: per row, partial sums per centre over chunks of four dimensions held in locals. */
function assignChunked(
  data: Float64Array,
  d: number,
  centers: Float64Array,
  k: number,
  out: AssignOutput,
  rows: Int32Array | null,
  count: number,
): void {
  const { labels, best: bestOut, second: secondOut } = out;
  const acc = new Float64Array(k);
  const d4 = d - (d % 4);
  for (let r = 0; r < count; r++) {
    const i = rows === null ? r : rows[r];
    const p = i * d;
    acc.fill(0);
    let t = 0;
    for (; t < d4; t += 4) {
      const x0 = data[p + t];
      const x1 = data[p + t + 1];
      const x2 = data[p + t + 2];
      const x3 = data[p + t + 3];
      for (let c = 0, q = t; c < k; c++, q += d) {
        let s = acc[c];
        let v = x0 - centers[q];
        s += v * v;
        v = x1 - centers[q + 1];
        s += v * v;
        v = x2 - centers[q + 2];
        s += v * v;
        v = x3 - centers[q + 3];
        s += v * v;
        acc[c] = s;
      }
    }
    for (; t < d; t++) {
      const x = data[p + t];
      for (let c = 0, q = t; c < k; c++, q += d) {
        const v = x - centers[q];
        acc[c] += v * v;
      }
    }
    let best = 0;
    let bestD = Infinity;
    let secondD = Infinity;
    for (let c = 0; c < k; c++) {
      const s = acc[c];
      if (s < bestD) {
        secondD = bestD;
        bestD = s;
        best = c;
      } else if (s < secondD) secondD = s;
    }
    labels[i] = best;
    bestOut[i] = bestD;
    secondOut[i] = secondD;
  }
}

/**
 * Per-cluster sums of the rows (k x d into `sums`, zeroed first) and counts. Rows are added in
 * order, so the sums are bit-identical to ml-kmeans' `updateCenters`. For d <= 8 the dimension
 * loop is unrolled (with predictable branches past d), about 2.5x faster than a loop over d.
 */
export function accumulate(
  data: Float64Array,
  n: number,
  d: number,
  labels: Int32Array,
  sums: Float64Array,
  counts: Int32Array,
): void {
  sums.fill(0);
  counts.fill(0);
  if (d > 8) {
    for (let i = 0, p = 0; i < n; i++) {
      const c = labels[i];
      counts[c]++;
      const q = c * d;
      for (let t = 0; t < d; t++, p++) sums[q + t] += data[p];
    }
    return;
  }
  for (let i = 0, p = 0; i < n; i++, p += d) {
    const c = labels[i];
    counts[c]++;
    const q = c * d;
    sums[q] += data[p];
    if (d > 1) sums[q + 1] += data[p + 1];
    if (d > 2) sums[q + 2] += data[p + 2];
    if (d > 3) sums[q + 3] += data[p + 3];
    if (d > 4) sums[q + 4] += data[p + 4];
    if (d > 5) sums[q + 5] += data[p + 5];
    if (d > 6) sums[q + 6] += data[p + 6];
    if (d > 7) sums[q + 7] += data[p + 7];
  }
}
