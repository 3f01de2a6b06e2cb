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
 * Imputes the missing costs among the kept product rows: `keep` are the kept rows (their
 * quantities in `keptQty`), `nonProduct` marks kept positions that are non-product lines (not
 * shipments: neither imputed nor used for medians). With the rule off, the costs are passed
 * through with NaN where missing.
 */
export function imputeMissingShipping(
  fields: OrderFields,
  ledger: QualityLedger,
  options: QualityOptions,
  shipping: Float64Array | undefined,
  keep: Int32Array,
  keptQty: Float64Array,
  nonProduct?: Uint8Array,
): ShippingOutcome {
  const gathered = shipping && gather(shipping, keep);
  const out: ShippingOutcome = { shippingCost: gathered };
  ledger.step('shipping-cost', options.enabled['shipping-cost'], () => {
    if (!gathered) return;
    // Positions (within the kept rows) of product lines; all of them in the common case.
    let at: Int32Array | undefined;
    if (nonProduct && nonProduct.some((b) => b !== 0)) {
      const list: number[] = [];
      nonProduct.forEach((b, k) => b === 0 && list.push(k));
      at = Int32Array.from(list);
    }
    const rows = at ? gatherInt(keep, at) : keep;
    const region = fields.column('region');
    const carrier = fields.column('carrier');
    const regionCodes = region && gatherInt(textField(region).codes, rows);
    const carrierCodes = carrier && gatherInt(textField(carrier).codes, rows);
    const imp = imputeShippingCost(at ? gather(gathered, at) : gathered, regionCodes, carrierCodes, at ? gather(keptQty, at) : keptQty, options.shipping);
    for (let k = 0; k < rows.length; k++) if (imp.level[k] >= 1 && imp.level[k] <= 4) ledger.repair(rows[k], 'shipping-cost', 'shipping-cost');
    let total = 0;
    let imputed = 0;
    for (let k = 0; k < rows.length; k++) {
      if (Number.isNaN(imp.values[k])) continue;
      total += imp.values[k];
      if (imp.level[k]) imputed += imp.values[k];
    }
    if (at) {
      const values = gathered.slice();
      const level = new Uint8Array(keep.length);
      at.forEach((k, j) => {
        values[k] = imp.values[j];
        level[k] = imp.level[j];
      });
      out.shippingCost = values;
      out.freightLevel = level;
    } else {
      out.shippingCost = imp.values;
      out.freightLevel = imp.level;
    }
    out.summary = { levels: Object.fromEntries(FREIGHT_LEVELS.map((l, k) => [l, imp.counts[k]])), imputedShare: total > 0 ? imputed / total : 0 };
  });
  if (!fields.mapping.shipping_cost) ledger.notes.push('No shipping_cost column: cost to serve is computed from the activity rates, without freight.');
  return out;
}
