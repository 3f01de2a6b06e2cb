/**
 * Orders as placed from clean order lines, for testing order-level policies (minimum order,
 * small-order surcharge, delivery days) against the actual history. An order belongs to the
 * customer of its first sales line; orders with only return lines are not orders.
 */
import { weekOfDay, type OrderHistory } from '../../analytics/policy/order-history.ts';
import type { OrderLines } from '../quality/order-lines.ts';

const DAY = 86_400_000;

/** `rowOfCustomer`: table row per customer code (see `rowOfCustomerCode`). */
export function orderHistory(lines: OrderLines, rowOfCustomer: Int32Array): OrderHistory {
  const nOrders = lines.orderIds.length;
  const customer = new Int32Array(nOrders).fill(-2); // -2: no sales line yet
  const value = new Float64Array(nOrders);
  const units = new Float64Array(nOrders);
  const week = new Int32Array(nOrders);
  for (let i = 0; i < lines.rowCount; i++) {
    if (lines.isReturn[i]) continue;
    const o = lines.order[i];
    if (customer[o] === -2) {
      customer[o] = rowOfCustomer[lines.customer[i]];
      week[o] = weekOfDay(Math.floor(lines.orderDate[i] / DAY));
    }
    value[o] += lines.qty[i] * lines.unitPrice[i];
    units[o] += lines.qty[i];
  }
  const kept: number[] = [];
  for (let o = 0; o < nOrders; o++) if (customer[o] !== -2) kept.push(o);
  const pick = <A extends Float64Array | Int32Array>(a: A, make: (n: number) => A): A => {
    const out = make(kept.length);
    kept.forEach((o, k) => (out[k] = a[o]));
    return out;
  };
  return {
    customer: pick(customer, (n) => new Int32Array(n)),
    value: pick(value, (n) => new Float64Array(n)),
    units: pick(units, (n) => new Float64Array(n)),
    week: pick(week, (n) => new Int32Array(n)),
  };
}
