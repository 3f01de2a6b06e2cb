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

function median(xs: number[]): number {
  xs.sort((a, b) => a - b);
  const n = xs.length;
  return n % 2 ? xs[(n - 1) / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
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
  const regionOf = (i: number) => (region ? region[i] + 1 : 0);
  const carrierOf = (i: number) => (carrier ? carrier[i] + 1 : 0);
  const keyAt = (lvl: number, i: number): number => {
    if (lvl === 1) return (regionOf(i) * 1_000_003 + carrierOf(i)) * nBands + qtyBand(qty[i], options.qtyBands);
    if (lvl === 2) return regionOf(i) * 1_000_003 + carrierOf(i);
    if (lvl === 3) return regionOf(i);
    return 0;
  };
  let pending: number[] = [];
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(cost[i])) pending.push(i);
    else counts[0]++;
  }
  for (let lvl = 1; lvl <= 4 && pending.length; lvl++) {
    const needed = new Map<number, number[]>();
    for (const i of pending) needed.set(keyAt(lvl, i), []);
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(cost[i])) continue;
      needed.get(keyAt(lvl, i))?.push(cost[i]);
    }
    const medians = new Map<number, number>();
    for (const [k, xs] of needed) {
      if (xs.length < options.minGroupSize) continue;
      const m = median(xs);
      if (m > 0) medians.set(k, m);
    }
    const rest: number[] = [];
    for (const i of pending) {
      const m = medians.get(keyAt(lvl, i));
      if (m === undefined) rest.push(i);
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
