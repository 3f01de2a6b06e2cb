/** Exact duplicate lines: a row identical in every column to an earlier row is a double export. */
import type { CanonicalField } from '../../map/canonical-fields.ts';
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import { repeatedKeys, type OrderGroups } from '../order-groups.ts';
import { findExactDuplicates } from '../row-hash.ts';
import type { RuleInfo } from '../rule-types.ts';

export const info: RuleInfo = {
  title: 'Exact duplicate lines',
  action: 'exclude',
  switchable: true,
  description: 'A row identical in every column to an earlier row is a double export; the later copy is excluded.',
};

/** Fields hashed first: a few discriminating ones; candidates are then compared cell by cell over every column. */
const KEY_FIELDS: readonly CanonicalField[] = ['order_id', 'order_line', 'customer_id', 'order_date', 'qty', 'unit_price'];

/** Excludes later copies. `byOrder` (when the file has line numbers) limits the full comparison to rows sharing an (order, line) key. */
export function excludeExactDuplicates(fields: OrderFields, ledger: QualityLedger, byOrder: OrderGroups | undefined): void {
  const { table, mapping, line, n } = fields;
  // Exact duplicates agree on order and line, so only rows sharing that key need the full comparison.
  const candidates = byOrder && line ? repeatedKeys(byOrder, line.values, ledger.alive, true) : ledger.alive;
  const dup = findExactDuplicates(table, candidates, KEY_FIELDS.flatMap((f) => mapping[f] ?? []));
  for (let i = 0; i < n; i++) if (dup[i]) ledger.exclude(i, 'exact-duplicate', 'exact-duplicates');
}
