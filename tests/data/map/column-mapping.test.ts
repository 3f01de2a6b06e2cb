import { describe, expect, it } from 'vitest';
import { detectMapping, mappingTypes, parseMappingSpec, requireOrderFields } from '../../../src/data/map/column-mapping.ts';
import { DataError } from '../../../src/data/errors.ts';
import { detectInputKind } from '../../../src/data/map/input-kind.ts';
import { loadTable } from '../../../src/data/read/load-table.ts';
import { toCustomerTable } from '../../../src/data/customers/to-customer-table.ts';

const UCI = ['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country'];
const enc = (s: string) => new TextEncoder().encode(s);

describe('detectMapping', () => {
  it('maps the UCI Online Retail layout from synonyms', () => {
    const r = detectMapping(UCI);
    expect(r.mapping).toEqual({ customer_id: 'CustomerID', order_id: 'InvoiceNo', order_date: 'InvoiceDate', qty: 'Quantity', unit_price: 'UnitPrice', region: 'Country', product_code: 'StockCode' });
    expect(r.unmapped).toEqual(['Description']);
    expect(r.matchedBy.customer_id).toBe('synonym');
  });

  it('maps canonical names, "Cust No" and near misses (flagged fuzzy)', () => {
    const r = detectMapping(['Cust No', 'Order Nr', 'Order Date', 'Qty', 'Unit Prices', 'Freight']);
    expect(r.mapping.customer_id).toBe('Cust No');
    expect(r.mapping.order_id).toBe('Order Nr');
    expect(r.mapping.unit_price).toBe('Unit Prices');
    expect(r.matchedBy.unit_price).toBe('fuzzy');
    expect(r.mapping.shipping_cost).toBe('Freight');
  });

  it('lets the user override and unmap', () => {
    const r = detectMapping(UCI, { region: null, product_line: 'StockCode' });
    expect(r.mapping.region).toBeUndefined();
    expect(r.mapping.product_line).toBe('StockCode');
    expect(r.matchedBy.product_line).toBe('user');
    expect(() => detectMapping(UCI, { customer_id: 'Customer' }, 'o.csv')).toThrow(/Closest: "CustomerID"/);
  });

  it('a missing required column lists the columns found and the closest matches', () => {
    const header = ['Invoice', 'Client Ref', 'When', 'Quantity', 'UnitPrice'];
    const { mapping } = detectMapping(header);
    let err: unknown;
    try {
      requireOrderFields(mapping, header, 'x.csv');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DataError);
    const m = (err as DataError).message;
    expect(m).toContain('x.csv, column "customer_id": no column was found for "customer_id" and "order_date", which order lines need.');
    expect(m).toContain('Columns found: "Invoice", "Client Ref", "When", "Quantity" and "UnitPrice"');
    expect(m).toMatch(/customer_id: "Client Ref"/);
  });

  it('derives column types from the mapping', () => {
    expect(Object.fromEntries(mappingTypes({ customer_id: 'CustomerID', qty: 'Quantity', order_date: 'InvoiceDate' }))).toEqual({ CustomerID: 'text', Quantity: 'number', InvoiceDate: 'date' });
  });

  it('parses --map arguments and rejects unknown fields', () => {
    expect(parseMappingSpec('customer_id=CustomerID, order_id=InvoiceNo,region=')).toEqual({ customer_id: 'CustomerID', order_id: 'InvoiceNo', region: null });
    expect(() => parseMappingSpec('custmer_id=X')).toThrow('invalid mapping field: "custmer_id" (expected customer_id, parent_id');
  });
});

describe('detectInputKind', () => {
  it('recognises order lines and customer tables, and honours an override', async () => {
    const orders = await loadTable(enc('InvoiceNo,InvoiceDate,CustomerID,Quantity,UnitPrice\n1,2024-01-02,C1,1,2\n'), { fileName: 'o.csv' });
    expect(detectInputKind(orders).kind).toBe('order-lines');
    const customers = await loadTable(enc('customer_id,revenue,orders\nC1,10,1\nC2,20,2\n'), { fileName: 'c.csv' });
    expect(detectInputKind(customers).kind).toBe('customer-table');
    expect(detectInputKind(customers, {}, 'order-lines').kind).toBe('order-lines');
  });

  it('turns a loaded table into a customer table (JSON), reporting zero variance', async () => {
    const t = await loadTable(enc('[{"id":"A","x":1,"k":3,"r":"N"},{"id":"B","x":2,"k":3,"r":"S"}]'), { fileName: 'c.json' });
    const c = toCustomerTable(t);
    expect(c.ids).toEqual(['A', 'B']);
    expect(c.numericColumns).toEqual(['x', 'k']);
    expect(c.categorical.r).toEqual(['N', 'S']);
    expect(c.issues.map((i) => `${i.code}:${i.column}`)).toEqual(['zero-variance:k']);
  });
});
