/**
 * Rows grouped by order code, so rules that compare keys within an order (exact duplicates,
 * duplicate order lines) work on small groups instead of a table-wide hash set.
 */

/** Row indices grouped by order code (missing = -1 first), ascending within each order: group g = code + 1 is rows[start[g]..start[g + 1]]. */
export interface OrderGroups {
  readonly start: Int32Array;
  readonly rows: Int32Array;
}

/** Orders with more lines than this compare line numbers through a Map instead of pairwise. */
const PAIRWISE_LINES = 32;

/** Groups rows by order code with a counting sort. */
export function groupByOrder(codes: Int32Array, orders: number): OrderGroups {
  const n = codes.length;
  const start = new Int32Array(orders + 2);
  for (let i = 0; i < n; i++) start[codes[i] + 2]++;
  for (let g = 0; g <= orders; g++) start[g + 1] += start[g];
  const next = start.slice();
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[next[codes[i] + 1]++] = i;
  return { start, rows };
}

/**
 * Marks alive rows whose (order, line number) key is on an earlier alive row of the same order;
 * with `customer` codes, of the same order and customer (an order id two customers share is two
 * orders). `shared`: also mark that earlier row, and let NaN line numbers match each other (a
 * superset of exact duplicates, which agree in every cell); otherwise rows with a NaN line are
 * never marked.
 */
export function repeatedKeys(groups: OrderGroups, line: Float64Array, alive: Uint8Array, shared: boolean, customer?: Int32Array): Uint8Array {
  const { start, rows } = groups;
  const out = new Uint8Array(line.length);
  for (let g = 0; g + 1 < start.length; g++) {
    const a = start[g];
    const b = start[g + 1];
    if (b - a < 2) continue;
    if (b - a > PAIRWISE_LINES) {
      // Keyed by line number, then customer code. SameValueZero: 0 and -0 match, as with ===; NaN matches NaN.
      const first = new Map<number, Map<number, number>>();
      for (let x = a; x < b; x++) {
        const i = rows[x];
        const v = line[i];
        if (!alive[i] || (!shared && Number.isNaN(v))) continue;
        const c = customer ? customer[i] : 0;
        let byCustomer = first.get(v);
        if (!byCustomer) first.set(v, (byCustomer = new Map()));
        const j = byCustomer.get(c);
        if (j === undefined) byCustomer.set(c, i);
        else {
          out[i] = 1;
          if (shared) out[j] = 1;
        }
      }
      continue;
    }
    for (let x = a + 1; x < b; x++) {
      const i = rows[x];
      const v = line[i];
      if (!alive[i] || (!shared && Number.isNaN(v))) continue;
      for (let y = a; y < x; y++) {
        const j = rows[y];
        const w = line[j];
        if (alive[j] && (v === w || (shared && Number.isNaN(v) && Number.isNaN(w))) && (!customer || customer[i] === customer[j])) {
          out[i] = 1;
          if (shared) out[j] = 1;
          break;
        }
      }
    }
  }
  return out;
}
