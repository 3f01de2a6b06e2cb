/**
 * Hierarchical median imputation of missing shipping cost (DOMAIN.md §1.2): the median known
 * cost of the first group with at least `minGroupSize` known costs and a positive median, over
 * (region, carrier, qty band) → (region, carrier) → (region) → all lines.
 */

/** Imputation level per line: 0 = actual cost, 1–4 = group used, 5 = could not impute. */
export const FREIGHT_LEVELS = ['actual', 'region+carrier+qty band', 'region+carrier', 'region', 'global', 'not imputed'] as const;

export interface FreightImputation {
  /** Cost per line: actual, imputed, or NaN when nothing could be imputed. */
  values: Float64Array;
  /** Index into FREIGHT_LEVELS per line. */
  level: Uint8Array;
  /** Lines per level. */
  counts: number[];
}

/** Index of the qty band: how many band edges are ≤ |qty|. */
export function qtyBand(qty: number, edges: readonly number[]): number {
  const q = Math.abs(qty);
  let b = 0;
  while (b < edges.length && edges[b] <= q) b++;
  return b;
}

/** Median of the known values in each group (counting sort into one buffer); NaN when the group has fewer than `min` values or a median ≤ 0. */
function groupMedians(cost: Float64Array, group: Int32Array | undefined, size: number, min: number): Float64Array {
  const n = cost.length;
  const count = new Int32Array(size + 1);
  for (let i = 0; i < n; i++) if (!Number.isNaN(cost[i])) count[(group ? group[i] : 0) + 1]++;
  for (let g = 0; g < size; g++) count[g + 1] += count[g];
  const start = count.slice();
  const buf = new Float64Array(count[size]);
  for (let i = 0; i < n; i++) if (!Number.isNaN(cost[i])) buf[start[group ? group[i] : 0]++] = cost[i];
  const out = new Float64Array(size).fill(NaN);
  for (let g = 0; g < size; g++) {
    const len = count[g + 1] - count[g];
    if (len < min) continue;
    const xs = buf.subarray(count[g], count[g + 1]).sort();
    const m = len % 2 ? xs[(len - 1) / 2] : (xs[len / 2 - 1] + xs[len / 2]) / 2;
    if (m > 0) out[g] = m;
  }
  return out;
}

/**
 * `cost` holds NaN where missing. `region` and `carrier` are category codes (-1 = unknown or
 * no column). Returns new arrays; the input is not changed.
 */
export function imputeShippingCost(
  cost: Float64Array,
  region: Int32Array | undefined,
  carrier: Int32Array | undefined,
  qty: Float64Array,
  options: { minGroupSize: number; qtyBands: readonly number[] },
): FreightImputation {
  const n = cost.length;
  const values = Float64Array.from(cost);
  const level = new Uint8Array(n);
  const counts = [0, 0, 0, 0, 0, 0];
  const nBands = options.qtyBands.length + 1;
  let nRegions = 1;
  let nCarriers = 1;
  if (region) for (const r of region) nRegions = Math.max(nRegions, r + 2);
  if (carrier) for (const c of carrier) nCarriers = Math.max(nCarriers, c + 2);
  // Dense group ids per level: (region, carrier, band), (region, carrier), (region), global.
  const g1 = new Int32Array(n);
  const g2 = new Int32Array(n);
  const g3 = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const r = region ? region[i] + 1 : 0;
    const c = carrier ? carrier[i] + 1 : 0;
    g3[i] = r;
    g2[i] = r * nCarriers + c;
    g1[i] = g2[i] * nBands + qtyBand(qty[i], options.qtyBands);
  }
  const levels: [Int32Array | undefined, number][] = [[g1, nRegions * nCarriers * nBands], [g2, nRegions * nCarriers], [g3, nRegions], [undefined, 1]];
  let pending: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(cost[i])) pending.push(i);
    else counts[0]++;
  }
  for (let lvl = 1; lvl <= 4 && pending.length; lvl++) {
    const [group, size] = levels[lvl - 1];
    const medians = groupMedians(cost, group, size, options.minGroupSize);
    const rest: number[] = [];
    for (const i of pending) {
      const m = medians[group ? group[i] : 0];
      if (Number.isNaN(m)) rest.push(i);
      else {
        values[i] = m;
        level[i] = lvl;
        counts[lvl]++;
      }
    }
    pending = rest;
  }
  for (const i of pending) {
    level[i] = 5;
    counts[5]++;
  }
  return { values, level, counts };
}
