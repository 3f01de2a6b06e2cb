/** The clean order lines: the kept rows of the input gathered into typed columns. */
import type { CanonicalField } from '../map/canonical-fields.ts';
import { textField } from '../map/field-access.ts';
import type { OrderFields } from './order-fields.ts';
import { gather, gatherCategories, gatherU8, type Categories, type OrderLines } from './order-lines.ts';
import type { OptionalValues } from './rules/optional-values.ts';
import type { ShippingOutcome } from './rules/shipping-cost.ts';

/** What the rules decided that the lines carry. */
export interface KeptLineParts {
  keep: Int32Array;
  /** Per input row. */
  isReturn: Uint8Array;
  customers: Categories;
  /** Kept quantities, positive on return lines. */
  keptQty: Float64Array;
  optional: OptionalValues;
  shipping: ShippingOutcome;
  asOf: number;
  /** Per kept line: 0 = a product line, else 1 + the index of its NON_PRODUCT_BUCKETS bucket; absent without a product_code column. */
  nonProduct?: Uint8Array;
}

/**
 * Quantities of the kept rows: return lines carry the units returned (positive); with the
 * returns rule off, a negative quantity stays negative on a sale line and nets against sales.
 */
export function keptQuantities(fields: OrderFields, keep: Int32Array, isReturn: Uint8Array): Float64Array {
  const q = gather(fields.qty.values, keep);
  for (let k = 0; k < q.length; k++) if (isReturn[keep[k]]) q[k] = Math.abs(q[k]);
  return q;
}

export function keptLines(fields: OrderFields, parts: KeptLineParts): OrderLines {
  const { keep, optional, shipping } = parts;
  const cat = (f: CanonicalField) => {
    const c = fields.column(f);
    if (!c) return undefined;
    const t = textField(c);
    return gatherCategories(t.codes, t.dictionary, keep);
  };
  const orders = gatherCategories(fields.orders.codes, fields.orders.dictionary, keep);
  const customers = gatherCategories(parts.customers.codes, parts.customers.dictionary, keep);
  return {
    source: fields.file,
    rowCount: keep.length,
    isReturn: gatherU8(parts.isReturn, keep),
    nonProduct: parts.nonProduct,
    customer: customers.codes,
    customerIds: customers.dictionary,
    order: orders.codes,
    orderIds: orders.dictionary,
    orderDate: gather(fields.orderDate.values, keep),
    qty: parts.keptQty,
    unitPrice: gather(fields.price.values, keep),
    orderLine: fields.line && gather(fields.line.values, keep),
    shipDate: fields.ship && gather(fields.ship.values, keep),
    promisedDate: fields.promised && gather(fields.promised.values, keep),
    unitCost: optional.unitCost && gather(optional.unitCost, keep),
    shippingCost: shipping.shippingCost,
    freightLevel: shipping.freightLevel,
    returnedQty: optional.returnedQty && gather(optional.returnedQty, keep),
    parent: cat('parent_id'),
    region: cat('region'),
    channel: cat('channel'),
    carrier: cat('carrier'),
    productLine: cat('product_line'),
    sourceRow: keep,
    mapping: fields.mapping,
    asOf: parts.asOf,
  };
}
