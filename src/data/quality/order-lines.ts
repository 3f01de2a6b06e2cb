/** Clean order lines: the typed, columnar result of the quality rules, input to the customer features. */
import type { ColumnMapping } from '../map/column-mapping.ts';

/** A categorical column: codes (-1 = missing) into a dictionary. */
export interface Categories {
  codes: Int32Array;
  dictionary: string[];
}

export interface OrderLines {
  source: string;
  /** Kept rows (sales + returns). */
  rowCount: number;
  /** 1 for a return / cancellation line, 0 for a sale. */
  isReturn: Uint8Array;
  /**
   * Per line: 0 = a product line, else 1 + the index of its bucket in NON_PRODUCT_BUCKETS
   * (postage, discount, fee, adjustment). Absent when the file has no product_code column.
   */
  nonProduct?: Uint8Array;
  /** Normalised customer ids: codes into `customerIds` (never -1). */
  customer: Int32Array;
  customerIds: string[];
  /** Order ids: codes into `orderIds` (never -1). */
  order: Int32Array;
  orderIds: string[];
  /** Order date, epoch ms (UTC), never NaN. */
  orderDate: Float64Array;
  /** Units: positive; for a return line, the units returned; signed as in the file on a non-product line. */
  qty: Float64Array;
  /** Net price per unit, > 0 unless the price rule is off. */
  unitPrice: Float64Array;
  orderLine?: Float64Array;
  shipDate?: Float64Array;
  promisedDate?: Float64Array;
  unitCost?: Float64Array;
  /** Freight per line (actual or imputed); NaN where unknown. */
  shippingCost?: Float64Array;
  /** 0 = actual shipping cost, 1–4 = imputation level, 5 = not imputed (see FREIGHT_LEVELS). */
  freightLevel?: Uint8Array;
  /** Units of a sale line later returned (0 when none), capped at qty. */
  returnedQty?: Float64Array;
  parent?: Categories;
  region?: Categories;
  channel?: Categories;
  carrier?: Categories;
  productLine?: Categories;
  /** 0-based input row of each kept line, for drill-down. */
  sourceRow: Int32Array;
  /** The mapping used. */
  mapping: ColumnMapping;
  /** As-of date (epoch ms): recency is measured to it. */
  asOf: number;
}

/** Copies the values at `rows` out of `a`. */
export function gather(a: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = a[rows[k]];
  return out;
}

export function gatherInt(a: Int32Array, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = a[rows[k]];
  return out;
}

export function gatherU8(a: Uint8Array, rows: Int32Array): Uint8Array {
  const out = new Uint8Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = a[rows[k]];
  return out;
}

/** Re-codes a categorical column to the kept rows, dropping unused dictionary entries. */
export function gatherCategories(codes: Int32Array, dictionary: readonly string[], rows: Int32Array): Categories {
  const remap = new Int32Array(dictionary.length).fill(-1);
  const dict: string[] = [];
  const out = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const c = codes[rows[k]];
    if (c < 0) {
      out[k] = -1;
      continue;
    }
    if (remap[c] < 0) {
      remap[c] = dict.length;
      dict.push(dictionary[c]);
    }
    out[k] = remap[c];
  }
  return { codes: out, dictionary: dict };
}
