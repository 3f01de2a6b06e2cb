/** The quality rules' documentation by id, in the order they run (each rule lives in its own file). */
import type { QualityRuleId, RuleInfo } from '../rule-types.ts';
import { info as costAbovePrice } from './cost-above-price.ts';
import { info as customerId } from './customer-id.ts';
import { info as dateRange } from './date-range.ts';
import { info as duplicateKeys } from './duplicate-keys.ts';
import { info as exactDuplicates } from './exact-duplicates.ts';
import { info as nonProduct } from './non-product.ts';
import { info as optionalValues } from './optional-values.ts';
import { info as price } from './price.ts';
import { info as requiredValues } from './required-values.ts';
import { info as returns } from './returns.ts';
import { info as shippingCost } from './shipping-cost.ts';

export const RULE_INFO: Readonly<Record<QualityRuleId, RuleInfo>> = {
  'exact-duplicates': exactDuplicates,
  'customer-id': customerId,
  'required-values': requiredValues,
  'date-range': dateRange,
  'non-product': nonProduct,
  returns,
  price,
  'duplicate-keys': duplicateKeys,
  'optional-values': optionalValues,
  'cost-above-price': costAbovePrice,
  'shipping-cost': shippingCost,
};
