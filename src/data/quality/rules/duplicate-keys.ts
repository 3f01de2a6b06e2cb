/** Duplicate order lines: the same order id and line number on two rows with other values. */
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import { repeatedKeys, type OrderGroups } from '../order-groups.ts';
import type { RuleInfo } from '../rule-types.ts';
import type { Categories } from '../order-lines.ts';

export const info: RuleInfo = {
  title: 'Duplicate order lines (same customer, order and line number)',
  action: 'exclude',
  switchable: true,
  description: 'A row with the same customer, order id and line number as an earlier kept row, but other values, is excluded; the first one is kept. An order id that two customers share is two orders.',
};

/** Excludes later rows repeating the (customer, order, line) key of an earlier kept row; needs an order_line column. */
export function excludeDuplicateKeys(fields: OrderFields, ledger: QualityLedger, byOrder: OrderGroups | undefined, customers: Categories): void {
  const { line, n } = fields;
  if (!line || !byOrder) return;
  const repeated = repeatedKeys(byOrder, line.values, ledger.alive, false, customers.codes);
  for (let i = 0; i < n; i++) if (repeated[i]) ledger.exclude(i, 'duplicate-key', 'duplicate-keys');
}
