/** Missing or unreadable required values: no revenue can be computed from such a row. */
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import type { RuleInfo } from '../rule-types.ts';
import { MAX_LINE_MAGNITUDE } from '../../magnitude.ts';

export const info: RuleInfo = {
  title: 'Missing, unreadable or out-of-range required values',
  action: 'exclude',
  switchable: false,
  description: `Rows whose quantity or unit price is empty or not a number, or whose order date is empty or not a date, are excluded: no revenue can be computed from them. So are rows whose quantity or unit price is infinite or beyond ±${MAX_LINE_MAGNITUDE.toExponential()} (an export artefact such as 1E+308), whose sums would overflow.`,
};

/** Excludes rows with an unreadable quantity or price, an unreadable order date, any required value missing, or an out-of-range quantity or price. */
export function excludeMissingRequired(fields: OrderFields, ledger: QualityLedger): void {
  const { qty, price, orderDate, orders, n } = fields;
  const { alive } = ledger;
  for (let i = 0; i < n; i++) {
    if (!alive[i]) continue;
    const q = qty.values[i];
    const p = price.values[i];
    if (qty.invalid[i] || price.invalid[i]) ledger.exclude(i, 'non-numeric', 'required-values');
    else if (orderDate.invalid[i]) ledger.exclude(i, 'unparseable-date', 'required-values');
    else if (Number.isNaN(q) || Number.isNaN(p) || Number.isNaN(orderDate.values[i]) || orders.codes[i] < 0) ledger.exclude(i, 'missing-value', 'required-values');
    else if (!(Math.abs(q) <= MAX_LINE_MAGNITUDE && Math.abs(p) <= MAX_LINE_MAGNITUDE)) ledger.exclude(i, 'out-of-range-value', 'required-values');
  }
}
