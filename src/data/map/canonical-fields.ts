/** The canonical order-line fields Tierbook understands, with their types and header synonyms. */
import type { ColumnType } from '../read/columns.ts';

export const CANONICAL_FIELDS = [
  'customer_id', 'parent_id', 'order_id', 'order_line', 'order_date', 'ship_date', 'promised_date', 'region', 'channel',
  'product_line', 'product_code', 'carrier', 'qty', 'unit_price', 'unit_cost', 'shipping_cost', 'returned_qty',
] as const;

export type CanonicalField = (typeof CANONICAL_FIELDS)[number];

/** Fields an order-lines file must have. */
export const REQUIRED_FIELDS: readonly CanonicalField[] = ['customer_id', 'order_id', 'order_date', 'qty', 'unit_price'];

export interface FieldInfo {
  /** How the column is read when mapped to this field. */
  readonly type: ColumnType;
  readonly required: boolean;
  /** Normalised header names (lower-case letters and digits) that map to the field, best first. */
  readonly synonyms: readonly string[];
  /** What the field holds, with unit. */
  readonly description: string;
}

const f = (type: ColumnType, description: string, synonyms: string[], required = false): FieldInfo => ({ type, required, synonyms, description });

export const FIELD_INFO: Readonly<Record<CanonicalField, FieldInfo>> = {
  customer_id: f('text', 'Customer (ship-to or sold-to) identifier', ['customerid', 'custid', 'custno', 'customerno', 'customernumber', 'customernr', 'customercode', 'customer', 'clientid', 'client', 'accountid', 'accountno', 'accountnumber', 'account', 'soldto', 'soldtoparty', 'buyerid', 'kundennr', 'kunde'], true),
  parent_id: f('text', 'Parent account the customer rolls up to', ['parentid', 'parent', 'parentaccount', 'parentcustomer', 'parentcustomerid', 'customergroup', 'headoffice', 'billto', 'globalaccount', 'konzern']),
  order_id: f('text', 'Order or invoice number (cancellations may carry a "C" prefix)', ['orderid', 'orderno', 'ordernumber', 'ordernr', 'order', 'invoiceno', 'invoicenumber', 'invoiceid', 'invoice', 'salesorder', 'salesorderno', 'documentno', 'docno', 'belegnr', 'auftragsnr', 'auftrag'], true),
  order_line: f('number', 'Line number within the order (≥ 1)', ['orderline', 'orderlineno', 'lineno', 'linenumber', 'line', 'lineid', 'itemno', 'position', 'pos', 'posnr']),
  order_date: f('date', 'Date the order was placed', ['orderdate', 'invoicedate', 'orderdatetime', 'documentdate', 'createddate', 'bookingdate', 'bestelldatum', 'date', 'datum'], true),
  ship_date: f('date', 'Date the line shipped', ['shipdate', 'shippingdate', 'shippeddate', 'dispatchdate', 'goodsissuedate', 'deliverydate', 'lieferdatum']),
  promised_date: f('date', 'Date the line was promised for', ['promiseddate', 'promisedate', 'duedate', 'requesteddate', 'requestdate', 'commitdate', 'committeddate', 'scheduleddate', 'expecteddate', 'wunschtermin']),
  region: f('text', 'Sales or delivery region', ['region', 'salesregion', 'territory', 'area', 'market', 'country', 'land']),
  channel: f('text', 'Ordering channel (EDI, portal, phone, email…)', ['channel', 'orderchannel', 'saleschannel', 'ordersource', 'source']),
  product_line: f('text', 'Product line or category', ['productline', 'productcategory', 'productgroup', 'category', 'productfamily', 'family']),
  product_code: f('text', 'Product or stock code (SKU); codes of postage, discounts, fees and manual adjustments are routed by the non-product rule', ['productcode', 'stockcode', 'sku', 'itemcode', 'itemnumber', 'itemid', 'articleno', 'articlenumber', 'article', 'materialno', 'material', 'partno', 'partnumber', 'productid', 'artikelnr']),
  carrier: f('text', 'Carrier or shipping mode', ['carrier', 'shipper', 'shippingcarrier', 'forwarder', 'shipvia', 'shipmode', 'shippingmode', 'spediteur']),
  qty: f('number', 'Units ordered (negative = return or cancellation)', ['qty', 'quantity', 'orderqty', 'orderquantity', 'qtyordered', 'units', 'pieces', 'menge'], true),
  unit_price: f('number', 'Net selling price per unit, account currency', ['unitprice', 'price', 'netprice', 'sellingprice', 'salesprice', 'priceperunit', 'preis'], true),
  unit_cost: f('number', 'Cost per unit (COGS), account currency', ['unitcost', 'cost', 'costprice', 'standardcost', 'costperunit', 'cogs', 'purchaseprice']),
  shipping_cost: f('number', 'Freight charged to the line, account currency (per line, not per order)', ['shippingcost', 'freight', 'freightcost', 'shipcost', 'deliverycost', 'transportcost', 'shipping', 'fracht']),
  returned_qty: f('number', 'Units of the line later returned (≤ qty)', ['returnedqty', 'returnqty', 'qtyreturned', 'returnedquantity', 'returns', 'returned']),
};
