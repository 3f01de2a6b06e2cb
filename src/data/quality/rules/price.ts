/** Zero or negative prices, and zero quantities: not sales. */
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import type { RuleInfo } from '../rule-types.ts';

export const info: RuleInfo = {
  title: 'Zero or negative prices',
  action: 'exclude',
  switchable: true,
  description: 'Lines with a unit price of zero or less (samples, adjustments, write-offs) and lines with quantity zero are excluded from sales.',
};

/** Excludes kept product rows with quantity 0 or a unit price ≤ 0 (a non-product line's amount is what it is). */
export function excludeNonpositivePrices(fields: OrderFields, ledger: QualityLedger): void {
  const { qty, price, n } = fields;
  for (let i = 0; i < n; i++) {
    if (!ledger.isProduct(i)) continue;
    if (qty.values[i] === 0) ledger.exclude(i, 'zero-qty', 'price');
    else if (price.values[i] <= 0) ledger.exclude(i, 'nonpositive-price', 'price');
  }
}
