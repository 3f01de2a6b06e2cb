/** Unreadable optional values: cleared and flagged; returned quantities capped at the quantity. */
import type { FieldValues } from '../../map/field-access.ts';
import type { QualityLedger } from '../ledger.ts';
import type { OrderFields } from '../order-fields.ts';
import type { RuleInfo } from '../rule-types.ts';
import { MAX_LINE_MAGNITUDE } from '../../magnitude.ts';

export const info: RuleInfo = {
  title: 'Unreadable optional values',
  action: 'flag',
  switchable: false,
  description: `Text, a negative number or a value beyond ±${MAX_LINE_MAGNITUDE.toExponential()} in an optional number column (unit cost, shipping cost, returned quantity), or an unreadable ship/promised date, is cleared and flagged; a returned quantity above the quantity is capped at it.`,
};

/** Optional amounts of every input row, cleared (NaN) where unreadable or negative. */
export interface OptionalValues {
  unitCost?: Float64Array;
  shipping?: Float64Array;
  /** 0 where unknown or on a return line; capped at |qty|. */
  returnedQty?: Float64Array;
}

/** Clears and flags unreadable or negative optional amounts and unreadable optional dates of kept rows. */
export function cleanOptionalValues(fields: OrderFields, ledger: QualityLedger, isReturn: Uint8Array): OptionalValues {
  const { n, qty } = fields;
  const { alive } = ledger;
  const clean = (fv: FieldValues | undefined): Float64Array | undefined => {
    if (!fv) return undefined;
    const out = fv.values.slice();
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      if (fv.invalid[i]) ledger.flag(i, 'non-numeric-optional', 'optional-values');
      else if (out[i] < 0) ledger.flag(i, 'negative-optional', 'optional-values');
      else if (out[i] > MAX_LINE_MAGNITUDE) ledger.flag(i, 'out-of-range-optional', 'optional-values');
      else continue;
      out[i] = NaN;
    }
    return out;
  };
  const unitCost = clean(fields.cost);
  const shipping = clean(fields.freight);
  const returnedQty = clean(fields.returned);
  for (const d of [fields.ship, fields.promised]) if (d) for (let i = 0; i < n; i++) if (alive[i] && d.invalid[i]) ledger.flag(i, 'unparseable-optional-date', 'optional-values');
  if (returnedQty) {
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      const q = Math.abs(qty.values[i]);
      if (Number.isNaN(returnedQty[i]) || isReturn[i]) returnedQty[i] = 0;
      else if (returnedQty[i] > q) {
        ledger.flag(i, 'returned-above-qty', 'optional-values');
        returnedQty[i] = q;
      }
    }
  }
  ledger.logStep('optional-values', ledger.aliveCount);
  return { unitCost, shipping, returnedQty };
}
