/**
 * Clean order lines reduced to what demand streams need (see `DemandBase`): per line the
 * customer-table row, the product (a SKU column when given, else the product line, else none),
 * the order month within the window (first to last order month), net units, lead days and
 * unit cost.
 */
import type { DemandBase } from '../../analytics/policy/demand-streams.ts';
import type { Categories, OrderLines } from '../quality/order-lines.ts';
import { monthOf } from './feature-aggregate.ts';

const DAY = 86_400_000;

/** `YYYY-MM` of a month index (year × 12 + month 0–11). */
function monthText(m: number): string {
  return `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/**
 * `rowOfCustomer`: table row per customer code (see `rowOfCustomerCode`); `sku`: the SKU of
 * each line (see `skuOfLines`), or undefined to fall back to the product line, then to none.
 */
export function demandBase(lines: OrderLines, rowOfCustomer: Int32Array, sku?: Categories): DemandBase {
  const n = lines.rowCount;
  const product: Categories | undefined = sku ?? lines.productLine;
  let first = Infinity;
  let last = -Infinity;
  const month = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const m = monthOf(lines.orderDate[i]);
    month[i] = m;
    if (m < first) first = m;
    if (m > last) last = m;
  }
  if (n === 0) first = last = monthOf(lines.asOf);
  for (let i = 0; i < n; i++) month[i] -= first;
  const qty = new Float64Array(n);
  const units = new Float64Array(n);
  const leadDays = new Float64Array(n).fill(NaN);
  const unitCost = new Float64Array(n).fill(NaN);
  for (let i = 0; i < n; i++) {
    const q = lines.qty[i];
    if (lines.isReturn[i]) {
      qty[i] = -q;
      continue;
    }
    qty[i] = q - (lines.returnedQty ? lines.returnedQty[i] : 0);
    units[i] = q;
    const ship = lines.shipDate?.[i];
    if (ship !== undefined && !Number.isNaN(ship)) leadDays[i] = Math.floor(ship / DAY) - Math.floor(lines.orderDate[i] / DAY);
    if (lines.unitCost) unitCost[i] = lines.unitCost[i];
  }
  return {
    customer: Int32Array.from(lines.customer, (c) => rowOfCustomer[c]),
    product: product ? product.codes : new Int32Array(n).fill(-1),
    products: product ? product.dictionary : [],
    basis: sku ? 'sku' : lines.productLine ? 'product_line' : 'tier',
    month,
    months: last - first + 1,
    firstMonth: monthText(first),
    isReturn: lines.isReturn,
    qty,
    units,
    leadDays,
    unitCost,
  };
}
