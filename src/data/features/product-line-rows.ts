/**
 * Customer x product-line slices of clean order lines, as additive KPI rows, so tier KPIs can
 * be broken down by product line. Revenue, margin, units and returns follow the customer
 * features line by line; cost-to-serve is allocated to slices by activity: pick/pack, freight
 * and returns by the slice's own lines, order handling split over an order's sales lines.
 * The slices of a customer therefore add up to its features exactly.
 */
import type { KpiGrouping } from '../../analytics/tiers/tier-kpis.ts';
import type { KpiRows } from '../../analytics/tiers/customer-measures.ts';
import type { OrderLines } from '../quality/order-lines.ts';
import type { ActivityRates } from './feature-options.ts';
import { SlotIndex, SlotTable } from '../../analytics/slot-index.ts';

const DAY = 86_400_000;

export interface ProductLineRows {
  readonly rows: KpiRows;
  /** The product line of each row. */
  readonly grouping: KpiGrouping;
}

/** Slices by product line (lines without one form the `(none)` group); null when the data have no product_line column. */
export function productLineRows(lines: OrderLines, rowOfCustomer: Int32Array, rates: ActivityRates): ProductLineRows | null {
  const pl = lines.productLine;
  if (!pl) return null;
  const P = pl.dictionary.length + 1;
  const n = lines.rowCount;
  const salesLinesOfOrder = new Float64Array(lines.orderIds.length);
  for (let i = 0; i < n; i++) if (!lines.isReturn[i]) salesLinesOfOrder[lines.order[i]]++;
  let maxRow = -1;
  for (let c = 0; c < rowOfCustomer.length; c++) if (rowOfCustomer[c] > maxRow) maxRow = rowOfCustomer[c];
  // Slots instead of Maps: one typed-array lookup per line (a Map per line cost most of the time).
  const sliceOf = new SlotIndex((maxRow + 1) * P);
  const keys: number[] = [];
  const F = 12;
  const [REV, GM, CTS, LINES, UNITS, RETURNED, ORDERS, ONTIME, DUE] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
  const table = new SlotTable(F);
  // Per (order, product line), in order of first appearance: its slice × 4 + on-time status (0 unknown, 1 on time, 2 late).
  const orderSlot = new SlotIndex(lines.orderIds.length * P);
  const orderSlice: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = rowOfCustomer[lines.customer[i]];
    if (row < 0) continue;
    const p = pl.codes[i] >= 0 ? pl.codes[i] : P - 1;
    const key = row * P + p;
    const s = sliceOf.slot(key);
    if (s === keys.length) keys.push(key);
    const b = table.at(s);
    const acc = table.data;
    const q = lines.qty[i];
    const price = lines.unitPrice[i];
    const cost = lines.unitCost ? lines.unitCost[i] : NaN;
    const freight = lines.shippingCost ? lines.shippingCost[i] : NaN;
    if (!Number.isNaN(freight)) acc[b + CTS] += freight;
    if (lines.isReturn[i]) {
      acc[b + REV] -= q * price;
      if (!Number.isNaN(cost)) acc[b + GM] -= q * (price - cost);
      acc[b + CTS] += rates.returnLine;
      acc[b + RETURNED] += q;
      continue;
    }
    const r = lines.returnedQty ? lines.returnedQty[i] : 0;
    const o = lines.order[i];
    acc[b + REV] += (q - r) * price;
    if (!Number.isNaN(cost)) acc[b + GM] += (q - r) * (price - cost);
    acc[b + CTS] += rates.line + rates.order / salesLinesOfOrder[o];
    if (r > 0) {
      acc[b + CTS] += rates.returnLine;
      acc[b + RETURNED] += r;
    }
    acc[b + LINES]++;
    acc[b + UNITS] += q;
    const slot = orderSlot.slot(o * P + p);
    let pair: number;
    if (slot === orderSlice.length) {
      acc[b + ORDERS]++;
      pair = s * 4;
      orderSlice.push(pair);
    } else pair = orderSlice[slot];
    const ship = lines.shipDate?.[i];
    const due = lines.promisedDate?.[i];
    if (ship !== undefined && due !== undefined && !Number.isNaN(ship) && !Number.isNaN(due)) {
      if (Math.floor(ship / DAY) > Math.floor(due / DAY)) pair = s * 4 + 2;
      else if (pair % 4 === 0) pair = s * 4 + 1;
    }
    orderSlice[slot] = pair;
  }
  const acc = table.data;
  // An order's part in a slice is on time when all its lines with both dates shipped by the promised date.
  for (const pair of orderSlice) {
    const slice = Math.floor(pair / 4);
    const status = pair % 4;
    if (status === 0) continue;
    acc[slice * F + DUE]++;
    if (status === 1) acc[slice * F + ONTIME]++;
  }
  const S = keys.length;
  const field = (f: number) => table.column(f, S);
  const gm = field(GM);
  // Without freight the features have no cost-to-serve either.
  const cts = lines.shippingCost ? field(CTS) : new Float64Array(S).fill(NaN);
  const rows: KpiRows = {
    n: S,
    customer: Int32Array.from(keys, (k) => Math.floor(k / P)),
    revenue: field(REV),
    grossMargin: lines.unitCost ? gm : new Float64Array(S).fill(NaN),
    cts,
    netProfit: lines.unitCost ? Float64Array.from(gm, (g, s) => g - cts[s]) : new Float64Array(S).fill(NaN),
    orders: field(ORDERS),
    lines: field(LINES),
    units: field(UNITS),
    returnedUnits: field(RETURNED),
    onTimeOrders: field(ONTIME),
    dueOrders: field(DUE),
  };
  return { rows, grouping: { codes: Int32Array.from(keys, (k) => (k % P === P - 1 ? -1 : k % P)), dictionary: pl.dictionary } };
}
