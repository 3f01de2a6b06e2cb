/**
 * Links order lines to the rows of the customer table built from them: the table row of each
 * customer code (per customer, or per parent account when the features were rolled up), and
 * each customer's parent account for the parent-account rule of service policies.
 */
import type { OrderLines } from '../quality/order-lines.ts';
import { resolveParents } from './parent-rollup.ts';

/** Table row of each customer code of `lines` (-1 when the table has no such id); `level` as the features were built. */
export function rowOfCustomerCode(lines: OrderLines, tableIds: readonly string[], level: 'customer' | 'parent' = 'customer'): Int32Array {
  const rowOf = new Map(tableIds.map((id, r) => [id, r]));
  if (level === 'parent') {
    const p = resolveParents(lines);
    return Int32Array.from(p.groupOf, (g) => rowOf.get(p.ids[g]) ?? -1);
  }
  return Int32Array.from(lines.customerIds, (id) => rowOf.get(id) ?? -1);
}

/**
 * For each row of a customer-level table, the row that stands for its parent account (-1 when
 * the customer has no parent or the parent has no other customer in the table): the parent
 * itself when it is a customer of the table, else the account's customer with the largest
 * `revenue` (ties: the first row). A customer that stands for its own account gets -1.
 */
export function parentAccountRows(lines: OrderLines, tableIds: readonly string[], revenue: ArrayLike<number>): Int32Array {
  const n = tableIds.length;
  const out = new Int32Array(n).fill(-1);
  if (!lines.parent) return out;
  const p = resolveParents(lines);
  const rowOf = new Map(tableIds.map((id, r) => [id, r]));
  const members = new Map<number, number[]>();
  lines.customerIds.forEach((id, c) => {
    const row = rowOf.get(id);
    if (row === undefined) return;
    const g = p.groupOf[c];
    const list = members.get(g) ?? [];
    list.push(row);
    members.set(g, list);
  });
  for (const [g, rows] of members) {
    if (rows.length === 0) continue;
    let head = rowOf.get(p.ids[g]);
    if (head === undefined) {
      head = rows.reduce((best, r) => (revenue[r] > revenue[best] || (revenue[r] === revenue[best] && r < best) ? r : best), rows[0]);
    }
    for (const r of rows) if (r !== head) out[r] = head;
  }
  return out;
}
