/** Non-product lines: postage, discounts, fees and manual adjustments go to their own buckets, not product revenue. */
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import { NON_PRODUCT_BUCKETS, type QualityOptions, type RuleInfo } from '../rule-types.ts';

export const info: RuleInfo = {
  title: 'Non-product lines',
  action: 'route',
  switchable: true,
  description:
    'Lines whose product code is on the non-product list are kept out of product revenue, units, orders and returns and routed to a bucket of their own: postage charged to the customer (default POST, DOT, C2) is charged freight, discounts (D) reduce net profit, fees (BANK CHARGES, AMAZONFEE) are a cost-to-serve component (fees paid net of fees billed), manual adjustments (M) are reported only. The lists are editable; codes match trimmed and case-insensitively. Needs a product_code column.',
};

/**
 * Routes kept rows whose product code is listed; `bucket` gets 1 + the bucket index of each
 * routed row (0 = a product line). Runs before the returns rule, so a cancelled discount line is
 * a discount, not a product return.
 */
export function routeNonProductLines(fields: OrderFields, ledger: QualityLedger, options: QualityOptions, bucket: Uint8Array): void {
  const codes = fields.productCode;
  if (!codes) return;
  const byCode = new Map<string, number>();
  NON_PRODUCT_BUCKETS.forEach((b, k) => {
    for (const code of options.nonProduct[b]) byCode.set(code, k + 1);
  });
  // Each distinct code is looked up once.
  const dictBucket = Uint8Array.from(codes.dictionary, (c) => byCode.get(c.trim().toUpperCase()) ?? 0);
  const { alive } = ledger;
  for (let i = 0; i < fields.n; i++) {
    const c = codes.codes[i];
    if (!alive[i] || c < 0 || !dictBucket[c]) continue;
    bucket[i] = dictBucket[c];
    ledger.routeNonProduct(i, 'non-product');
  }
}
