/**
 * Clean order lines reduced to what demand streams need (see `DemandLines` and `DemandBase`):
 * per product line the customer-table row, the product (a SKU column when given, else the
 * product line, else none), the order month within the window, net units, lead days and unit
 * cost. The window is the customer features' own: the first order month to the as-of month, so
 * safety stock and `demand_cv` read the same months. Non-product lines (postage, discounts,
 * fees) are not demand and are left out.
 */
import { compactDemand, type DemandBase, type DemandLines } from '../../analytics/policy/demand-base.ts';
import type { Categories, OrderLines } from '../quality/order-lines.ts';
import { monthOf } from './feature-aggregate.ts';

const DAY = 86_400_000;

/** `YYYY-MM` of a month index (year × 12 + month 0–11). */
function monthText(m: number): string {
  return `${String(Math.floor(m / 12)).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}`;
}

/**
 * One entry per product line. `rowOfCustomer`: table row per customer code (see
 * `rowOfCustomerCode`); `sku`: the SKU of each line (see `skuOfLines`), or undefined to fall
 * back to the product line, then to none.
 */
export function demandLines(lines: OrderLines, rowOfCustomer: Int32Array, sku?: Categories): DemandLines {
  let n = 0;
  for (let i = 0; i < lines.rowCount; i++) if (!lines.nonProduct?.[i]) n++;
  const product: Categories | undefined = sku ?? lines.productLine;
  let minDate = Infinity;
  for (let i = 0; i < lines.rowCount; i++) if (lines.orderDate[i] < minDate) minDate = lines.orderDate[i];
  const last = monthOf(lines.asOf);
  const first = Number.isFinite(minDate) ? monthOf(minDate) : last;
  const customer = new Int32Array(n);
  const productOf = new Int32Array(n).fill(-1);
  const month = new Int32Array(n);
  const isReturn = new Uint8Array(n);
  const qty = new Float64Array(n);
  const units = new Float64Array(n);
  const leadDays = new Float64Array(n).fill(NaN);
  const unitCost = new Float64Array(n).fill(NaN);
  // Lines arrive in date order: the month of the previous line's day is usually this one's.
  let lastDay = NaN;
  let lastMonth = 0;
  for (let i = 0, k = 0; i < lines.rowCount; i++) {
    if (lines.nonProduct?.[i]) continue;
    customer[k] = rowOfCustomer[lines.customer[i]];
    if (product) productOf[k] = product.codes[i];
    const day = Math.floor(lines.orderDate[i] / DAY);
    if (day !== lastDay) [lastDay, lastMonth] = [day, monthOf(lines.orderDate[i]) - first];
    month[k] = lastMonth;
    const q = lines.qty[i];
    if (lines.isReturn[i]) {
      isReturn[k] = 1;
      qty[k++] = -q;
      continue;
    }
    qty[k] = q - (lines.returnedQty ? lines.returnedQty[i] : 0);
    units[k] = q;
    const ship = lines.shipDate?.[i];
    if (ship !== undefined && !Number.isNaN(ship)) leadDays[k] = Math.floor(ship / DAY) - day;
    if (lines.unitCost) unitCost[k] = lines.unitCost[i];
    k++;
  }
  return {
    customer,
    product: productOf,
    products: product ? product.dictionary : [],
    basis: sku ? 'sku' : lines.productLine ? 'product_line' : 'tier',
    month,
    months: Math.max(1, last - first + 1),
    firstMonth: monthText(first),
    isReturn,
    qty,
    units,
    leadDays,
    unitCost,
  };
}

/** The compact demand base of `lines` (see `compactDemand`): what the import carries. */
export function demandBase(lines: OrderLines, rowOfCustomer: Int32Array, sku?: Categories): DemandBase {
  return compactDemand(demandLines(lines, rowOfCustomer, sku));
}
