/**
 * The mapped order-line fields, read once from a loaded table in the kind each field needs
 * (numbers, dates, categories), for the quality rules to share.
 */
import type { CanonicalField } from '../map/canonical-fields.ts';
import { requireOrderFields, type ColumnMapping } from '../map/column-mapping.ts';
import { dateField, numberField, textField, type FieldValues } from '../map/field-access.ts';
import type { Column, LoadedTable } from '../read/columns.ts';
import type { Categories } from './order-lines.ts';

export interface OrderFields {
  readonly table: LoadedTable;
  readonly mapping: ColumnMapping;
  /** The file name, for messages. */
  readonly file: string;
  /** Input rows. */
  readonly n: number;
  readonly orders: Categories;
  readonly rawCustomers: Categories;
  readonly qty: FieldValues;
  readonly price: FieldValues;
  readonly orderDate: FieldValues;
  readonly line?: FieldValues;
  readonly ship?: FieldValues;
  readonly promised?: FieldValues;
  readonly cost?: FieldValues;
  readonly freight?: FieldValues;
  readonly returned?: FieldValues;
  /** Product codes (for the non-product rule), when mapped. */
  readonly productCode?: Categories;
  /** The loaded column mapped to a field, if any. */
  column(field: CanonicalField): Column | undefined;
}

/** Reads the mapped fields. Throws DataError when a required field is not mapped. */
export function readOrderFields(table: LoadedTable, mapping: ColumnMapping): OrderFields {
  const file = table.source;
  requireOrderFields(mapping, table.header, file);
  const decimal = table.decimal ?? '.';
  const column = (f: CanonicalField): Column | undefined => {
    const name = mapping[f];
    return name === undefined ? undefined : table.columns.get(name);
  };
  const num = (f: CanonicalField): FieldValues | undefined => {
    const c = column(f);
    return c && numberField(c, decimal);
  };
  const date = (f: CanonicalField): FieldValues | undefined => {
    const c = column(f);
    return c && dateField(c, c.type === 'date' ? c.order : 'dmy');
  };
  const text = (f: CanonicalField): Categories | undefined => {
    const c = column(f);
    return c && textField(c);
  };
  const required = <T>(f: CanonicalField, v: T | undefined): T => {
    if (v === undefined) throw new Error(`no column for required field ${f}`);
    return v;
  };
  return {
    table,
    mapping,
    file,
    n: table.rowCount,
    orders: textField(required('order_id', column('order_id'))),
    rawCustomers: textField(required('customer_id', column('customer_id'))),
    qty: required('qty', num('qty')),
    price: required('unit_price', num('unit_price')),
    orderDate: required('order_date', date('order_date')),
    line: num('order_line'),
    ship: date('ship_date'),
    promised: date('promised_date'),
    cost: num('unit_cost'),
    freight: num('shipping_cost'),
    returned: num('returned_qty'),
    productCode: text('product_code'),
    column,
  };
}
