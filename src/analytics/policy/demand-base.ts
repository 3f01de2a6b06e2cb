/**
 * What demand streams, safety stock and open demand read from order lines, independent of
 * tiers. `DemandLines` has one entry per order line (how it is built and tested);
 * `compactDemand` reduces it to a `DemandBase`: one pair per (customer, product) with the
 * lead-time and cost statistics of its sales lines, and one cell per (pair, month) with the
 * net units. That is what crosses from the import worker to the page and to the background
 * lane: on the bundled sample about a quarter of the line-level size, and never more than it
 * (a pair or cell stands for at least one line).
 */
import { SlotIndex, SlotTable } from '../slot-index.ts';

interface DemandWindow {
  /** Product labels: SKUs, product lines, or none (the tier as a whole). */
  readonly products: readonly string[];
  /** What a product is: a SKU column, the product line, or nothing (the tier as a whole). */
  readonly basis: 'sku' | 'product_line' | 'tier';
  /** Months in the window (first order month to the as-of month). */
  readonly months: number;
  /** First month of the window, `YYYY-MM`. */
  readonly firstMonth: string;
}

/** Product order lines, one entry per line (non-product lines such as postage are not demand). */
export interface DemandLines extends DemandWindow {
  /** Customer-table row of each line's customer (-1 when the customer is not in the table). */
  readonly customer: Int32Array;
  /** Product of each line: index into `products`, -1 when missing. */
  readonly product: Int32Array;
  /** Month of the order date, 0 = `firstMonth`. */
  readonly month: Int32Array;
  /** 1 for a return or cancellation line, 0 for a sale. */
  readonly isReturn: Uint8Array;
  /** Units net of returns: a sale's qty minus its returned qty; a return line's units negative. */
  readonly qty: Float64Array;
  /** Units shipped on a sale line (qty before returns; 0 for return lines): the weights of the unit cost. */
  readonly units: Float64Array;
  /** Days from order to ship date; NaN when unknown and for return lines. */
  readonly leadDays: Float64Array;
  /** Cost per unit; NaN when unknown and for return lines. */
  readonly unitCost: Float64Array;
}

/** Demand by (customer, product) pair and month; flat typed arrays, so a worker moves them instead of copying. */
export interface DemandBase extends DemandWindow {
  /** Customer-table row of each pair (-1 when the customer is not in the table). */
  readonly pairCustomer: Int32Array;
  /** Product of each pair: index into `products`, -1 when missing. */
  readonly pairProduct: Int32Array;
  /** Order lines of each pair (sales and returns). */
  readonly pairLines: Float64Array;
  /** Sales lines of each pair. */
  readonly pairSales: Float64Array;
  /** Sales lines with a lead time, their mean lead time (days) and sum of squared deviations (days²). */
  readonly leadCount: Float64Array;
  readonly leadMean: Float64Array;
  readonly leadM2: Float64Array;
  /** Units shipped on sales lines with a known cost, and Σ units × cost. */
  readonly costUnits: Float64Array;
  readonly costValue: Float64Array;
  /** Pair of each (pair, month) cell. */
  readonly cellPair: Int32Array;
  /** Month of each cell, 0 = `firstMonth`. */
  readonly cellMonth: Int32Array;
  /** Units net of returns in the cell's month. */
  readonly cellQty: Float64Array;
}

/** Reduces line-level demand to pairs and cells (see the module comment); streams computed from either agree. */
export function compactDemand(d: DemandLines): DemandBase {
  const n = d.qty.length;
  const P = d.products.length + 1;
  const M = Math.max(1, d.months);
  let maxRow = -1;
  for (let i = 0; i < n; i++) if (d.customer[i] > maxRow) maxRow = d.customer[i];
  const pairs = new SlotIndex((maxRow + 2) * P);
  const pairOfLine = new Int32Array(n);
  const pairCustomer: number[] = [];
  const pairProduct: number[] = [];
  // Per pair: lines, sales, lead count, lead mean, lead M2, cost units, cost value.
  const stats = new SlotTable(7);
  for (let i = 0; i < n; i++) {
    const q = pairs.slot((d.customer[i] + 1) * P + (d.product[i] + 1));
    pairOfLine[i] = q;
    const b = stats.at(q);
    if (q === pairCustomer.length) {
      pairCustomer.push(d.customer[i]);
      pairProduct.push(d.product[i]);
    }
    const a = stats.data;
    a[b]++;
    if (d.isReturn[i]) continue;
    a[b + 1]++;
    const days = d.leadDays[i];
    if (!Number.isNaN(days)) {
      // Welford's running mean and sum of squared deviations.
      const count = ++a[b + 2];
      const delta = days - a[b + 3];
      a[b + 3] += delta / count;
      a[b + 4] += delta * (days - a[b + 3]);
    }
    const uc = d.unitCost[i];
    if (!Number.isNaN(uc) && d.units[i] > 0) {
      a[b + 5] += d.units[i];
      a[b + 6] += d.units[i] * uc;
    }
  }
  const P2 = pairs.size;
  const cells = new SlotIndex(P2 * M);
  const cellPair: number[] = [];
  const cellMonth: number[] = [];
  const cellQty: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = cells.slot(pairOfLine[i] * M + d.month[i]);
    if (c === cellPair.length) {
      cellPair.push(pairOfLine[i]);
      cellMonth.push(d.month[i]);
      cellQty.push(0);
    }
    cellQty[c] += d.qty[i];
  }
  return {
    products: d.products,
    basis: d.basis,
    months: d.months,
    firstMonth: d.firstMonth,
    pairCustomer: Int32Array.from(pairCustomer),
    pairProduct: Int32Array.from(pairProduct),
    pairLines: stats.column(0, P2),
    pairSales: stats.column(1, P2),
    leadCount: stats.column(2, P2),
    leadMean: stats.column(3, P2),
    leadM2: stats.column(4, P2),
    costUnits: stats.column(5, P2),
    costValue: stats.column(6, P2),
    cellPair: Int32Array.from(cellPair),
    cellMonth: Int32Array.from(cellMonth),
    cellQty: Float64Array.from(cellQty),
  };
}
