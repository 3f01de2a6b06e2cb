/** Missing shipping cost: imputed by the hierarchical median of similar lines, with the level used. */
import { textField } from '../../map/field-access.ts';
import { FREIGHT_LEVELS, imputeShippingCost } from '../freight-imputation.ts';
import type { QualityLedger } from '../ledger.ts';
import { gather, gatherInt } from '../order-lines.ts';
import type { OrderFields } from '../order-fields.ts';
import type { QualityReport } from '../quality-report.ts';
import type { QualityOptions, RuleInfo } from '../rule-types.ts';

export const info: RuleInfo = {
  title: 'Missing shipping cost',
  action: 'repair',
  switchable: true,
  description: 'A missing shipping cost is imputed with the median cost of similar lines: same region, carrier and quantity band, else region and carrier, else region, else all lines — the first group with at least 5 known costs. Imputed costs are never 0 and are flagged with the level used.',
};

/** Freight per kept line, actual or imputed, with the imputation level and the report's summary. */
export interface ShippingOutcome {
  shippingCost?: Float64Array;
  freightLevel?: Uint8Array;
  summary?: QualityReport['freight'];
}

/**
 * Imputes the missing costs among the kept rows `keep` (their quantities in `keptQty`). With the
 * rule off, the costs are passed through with NaN where missing.
 */
export function imputeMissingShipping(fields: OrderFields, ledger: QualityLedger, options: QualityOptions, shipping: Float64Array | undefined, keep: Int32Array, keptQty: Float64Array): ShippingOutcome {
  const gathered = shipping && gather(shipping, keep);
  const out: ShippingOutcome = { shippingCost: gathered };
  ledger.step('shipping-cost', options.enabled['shipping-cost'], () => {
    if (!gathered) return;
    const region = fields.column('region');
    const carrier = fields.column('carrier');
    const regionCodes = region && gatherInt(textField(region).codes, keep);
    const carrierCodes = carrier && gatherInt(textField(carrier).codes, keep);
    const imp = imputeShippingCost(gathered, regionCodes, carrierCodes, keptQty, options.shipping);
    for (let k = 0; k < keep.length; k++) if (imp.level[k] >= 1 && imp.level[k] <= 4) ledger.repair(keep[k], 'shipping-cost', 'shipping-cost');
    let total = 0;
    let imputed = 0;
    for (let k = 0; k < keep.length; k++) {
      if (Number.isNaN(imp.values[k])) continue;
      total += imp.values[k];
      if (imp.level[k]) imputed += imp.values[k];
    }
    out.shippingCost = imp.values;
    out.freightLevel = imp.level;
    out.summary = { levels: Object.fromEntries(FREIGHT_LEVELS.map((l, k) => [l, imp.counts[k]])), imputedShare: total > 0 ? imputed / total : 0 };
  });
  if (!fields.mapping.shipping_cost) ledger.notes.push('No shipping_cost column: freight, cost-to-serve and net profit are not available.');
  return out;
}
