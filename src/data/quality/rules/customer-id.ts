/** Customer id normalisation: trimmed, upper-cased and re-padded ids; rows without an id are excluded. */
import type { QualityLedger } from '../ledger.ts';
import type { Categories } from '../order-lines.ts';
import type { OrderFields } from '../order-fields.ts';
import { normalizeIds } from '../customer-id.ts';
import type { QualityOptions, RuleInfo } from '../rule-types.ts';

export const info: RuleInfo = {
  title: 'Customer ID normalisation',
  action: 'repair',
  switchable: true,
  description: 'Customer ids are trimmed, upper-cased and, when digits lost their leading zeros (e.g. "123"), re-padded to the dominant pattern (e.g. "C000123"). Rows without any customer id are excluded.',
};

/**
 * Normalises each distinct raw id once and returns every row's customer code (-1 = no id).
 * Rows without an id are always excluded; only the repair itself can be switched off.
 */
export function normalizeCustomerIds(fields: OrderFields, ledger: QualityLedger, options: QualityOptions): Categories {
  const raw = fields.rawCustomers;
  const repairOn = options.enabled['customer-id'];
  const normalised = repairOn ? normalizeIds(raw.dictionary, options.customerId) : raw.dictionary.map((s) => s.trim());
  const index = new Map<string, number>();
  const dictionary: string[] = [];
  const remap = normalised.map((s) => {
    if (s === '') return -1;
    let c = index.get(s);
    if (c === undefined) {
      c = dictionary.length;
      dictionary.push(s);
      index.set(s, c);
    }
    return c;
  });
  const changed = Uint8Array.from(normalised, (s, k) => (s !== raw.dictionary[k] ? 1 : 0));
  const n = fields.n;
  const codes = new Int32Array(n);
  for (let i = 0; i < n; i++) codes[i] = raw.codes[i] < 0 ? -1 : remap[raw.codes[i]];
  const rowsIn = ledger.aliveCount;
  for (let i = 0; i < n; i++) {
    if (!ledger.alive[i]) continue;
    if (codes[i] < 0) ledger.exclude(i, 'missing-customer-id', 'customer-id');
    else if (repairOn && changed[raw.codes[i]]) ledger.repair(i, 'customer-id', 'customer-id');
  }
  ledger.logStep('customer-id', rowsIn, repairOn ? undefined : 'normalisation switched off');
  return { codes, dictionary };
}
