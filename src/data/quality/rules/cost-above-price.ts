/** Unit cost above price: kept (a loss leader may be genuine) and flagged for review. */
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import type { RuleInfo } from '../rule-types.ts';

export const info: RuleInfo = {
  title: 'Unit cost above price',
  action: 'flag',
  switchable: true,
  description: 'Lines sold below cost are kept (they may be genuine loss leaders) and flagged for review.',
};

/** Flags kept rows whose (cleaned) unit cost exceeds the unit price. */
export function flagCostAbovePrice(fields: OrderFields, ledger: QualityLedger, unitCost: Float64Array | undefined): void {
  if (!unitCost) return;
  const { price, n } = fields;
  for (let i = 0; i < n; i++) if (ledger.isProduct(i) && unitCost[i] > price.values[i]) ledger.flag(i, 'cost-above-price', 'cost-above-price');
}
