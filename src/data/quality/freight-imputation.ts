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
function groupMedians(cost: Float64Array, group: (i: number) => number, size: number, min: number): Float64Array {
  const n = cost.length;
  const count = new Int32Array(size + 1);
  const gid = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(cost[i])) continue;
    gid[i] = group(i);
    count[gid[i] + 1]++;
  }
  for (let g = 0; g < size; g++) count[g + 1] += count[g];
  const start = count.slice();
  const buf = new Float64Array(count[size]);
  for (let i = 0; i < n; i++) if (!Number.isNaN(cost[i])) buf[start[gid[i]]++] = cost[i];
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
  const values = cost.slice();
  const level = new Uint8Array(n);
  const counts = [0, 0, 0, 0, 0, 0];
  const nBands = options.qtyBands.length + 1;
  let nRegions = 1;
  let nCarriers = 1;
  if (region) for (const r of region) nRegions = Math.max(nRegions, r + 2);
  if (carrier) for (const c of carrier) nCarriers = Math.max(nCarriers, c + 2);
  // Dense group id of line i at a level: (region, carrier, band), (region, carrier), (region), global.
  const edges = options.qtyBands;
  const groupAt = (lvl: number, i: number): number => {
    if (lvl === 4) return 0;
    const r = region ? region[i] + 1 : 0;
    if (lvl === 3) return r;
    const rc = r * nCarriers + (carrier ? carrier[i] + 1 : 0);
    return lvl === 2 ? rc : rc * nBands + qtyBand(qty[i], edges);
  };
  const sizes = [0, nRegions * nCarriers * nBands, nRegions * nCarriers, nRegions, 1];
  let pending: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(cost[i])) pending.push(i);
    else counts[0]++;
  }
  for (let lvl = 1; lvl <= 4 && pending.length; lvl++) {
    const medians = groupMedians(cost, (i) => groupAt(lvl, i), sizes[lvl], options.minGroupSize);
    const rest: number[] = [];
    for (const i of pending) {
      const m = medians[groupAt(lvl, i)];
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
