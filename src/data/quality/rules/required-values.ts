/** Missing or unreadable required values: no revenue can be computed from such a row. */
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import type { RuleInfo } from '../rule-types.ts';

export const info: RuleInfo = {
  title: 'Missing or unreadable required values',
  action: 'exclude',
  switchable: false,
  description: 'Rows whose quantity or unit price is empty or not a number, or whose order date is empty or not a date, are excluded: no revenue can be computed from them.',
};

/** Excludes rows with an unreadable quantity or price, an unreadable order date, or any required value missing. */
export function excludeMissingRequired(fields: OrderFields, ledger: QualityLedger): void {
  const { qty, price, orderDate, orders, n } = fields;
  const { alive } = ledger;
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    if (qty.invalid[i] || price.invalid[i]) ledger.exclude(i, 'non-numeric', 'required-values');
    else if (orderDate.invalid[i]) ledger.exclude(i, 'unparseable-date', 'required-values');
    else if (Number.isNaN(qty.values[i]) || Number.isNaN(price.values[i]) || Number.isNaN(orderDate.values[i]) || orders.codes[i] < 0) ledger.exclude(i, 'missing-value', 'required-values');
  }
}
