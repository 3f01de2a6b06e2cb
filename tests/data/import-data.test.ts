import { describe, expect, it } from 'vitest';
import { customerTableToArquero } from '../../src/data/customers/arquero-interop.ts';
import type { CustomerFeatures } from '../../src/data/features/customer-features.ts';
import { readCustomerTable } from '../../src/data/customers/read-customer-table.ts';
import { gzip } from '../../src/data/read/decode.ts';
import { DataError } from '../../src/data/errors.ts';
import { importData } from '../../src/data/import-data.ts';
import { parseDataImportSpec } from '../../src/data/import-spec.ts';
import { loadTable } from '../../src/data/read/load-table.ts';
import { customerTableToCsv } from '../../src/data/customers/table-csv.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** A UCI Online Retail style export: invoice, stock code, description, quantity, date, price, customer, country. */
const UCI = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
  '536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850,United Kingdom',
  '536366,22633,HAND WARMER UNION JACK,6,2011-01-13 08:28:00,1.85,17850,United Kingdom',
  'C536379,D,Discount,-1,2011-01-14 09:41:00,27.5,14527,United Kingdom',
  '536367,84879,"ASSORTED COLOUR BIRD ORNAMENT, LARGE",32,2011-02-01 08:34:00,1.69,13047,France',
  '536368,22960,JAM MAKING SET WITH JARS,6,2011-02-01 08:34:00,4.25,NA,France',
  '536369,22961,DAMAGED,-12,2011-02-02 08:34:00,0,NA,France',
].join('\n');

describe('importData', () => {
  it('takes a UCI-layout export through mapping, quality rules and features, listing cost features as unavailable', async () => {
    const r = await importData(enc(UCI), 'online-retail.csv');
    expect(r.kind.kind).toBe('order-lines');
    expect(r.mapping?.mapping).toMatchObject({ order_id: 'InvoiceNo', customer_id: 'CustomerID', qty: 'Quantity', unit_price: 'UnitPrice', order_date: 'InvoiceDate', region: 'Country' });
    const q = r.quality;
    expect(q?.inputRows).toBe(7);
    expect(q?.excluded['missing-customer-id']).toBe(2);
    // Stock code D is a discount (point 8.18), not a product return.
    expect(q?.returnRows).toBe(0);
    expect(q?.nonProduct.discount).toEqual({ lines: 1, amount: -27.5 });
    const c = r.customers as CustomerFeatures;
    expect(c.ids).toEqual(['17850', '14527', '13047']);
    expect(c.unavailable.map((u) => u.feature)).toContain('net_profit');
    expect(c.numericColumns).toContain('revenue');
    expect(r.whale).toBeUndefined();
  });

  it('reads a customer table as is (gzip too) and reports a constant feature', async () => {
    const r = await importData(await gzip(enc('customer_id,revenue,flag\nA,10,1\nB,20,1\n')), 'customers.csv.gz');
    expect(r.kind.kind).toBe('customer-table');
    expect(r.customers.ids).toEqual(['A', 'B']);
    expect(r.issues.map((i) => i.code)).toEqual(['zero-variance']);
  });

  it('a required column missing ends in a DataError naming found columns and closest matches', async () => {
    const text = 'Invoice,Client,When,Quantity,UnitPrice\n1,A,2024-01-01,1,2\n';
    await expect(importData(enc(text), 'o.csv', { kind: 'order-lines' })).rejects.toThrow(DataError);
    await expect(importData(enc(text), 'o.csv', { kind: 'order-lines' })).rejects.toThrow(/Columns found: "Invoice", "Client", "When", "Quantity" and "UnitPrice"\. Closest matches — order_date: "When"\./);
  });

  it('honours mapping overrides from the spec', async () => {
    const text = 'Invoice,Client,When,Quantity,UnitPrice\n1,A,2024-01-01,1,2\n2,A,2024-02-01,1,3\n';
    const r = await importData(enc(text), 'o.csv', { kind: 'order-lines', mapping: { customer_id: 'Client', order_date: 'When', order_id: 'Invoice' } });
    expect(r.customers.columns.revenue[0]).toBe(5);
  });

  it('reports progress while reading a large file, ending at 1', async () => {
    const rows = ['order_id,customer_id,order_date,qty,unit_price'];
    for (let i = 0; i < 250_000; i++) rows.push(`SO${i},C${i % 100},2024-01-${String((i % 28) + 1).padStart(2, '0')},1,2.5`);
    const seen: number[] = [];
    await loadTable(enc(rows.join('\n')), { fileName: 'big.csv', onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThanOrEqual(3);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen.at(-1)).toBe(1);
  });
});

describe('parseDataImportSpec', () => {
  it('accepts a full spec and rejects unknown keys and bad values with reasons', () => {
    const spec = { kind: 'order-lines', mapping: { customer_id: 'CustomerID', region: null }, quality: { disabled: ['price'], dates: { asOf: '2024-12-31' } }, features: { rates: { order: 30 }, level: 'parent' } };
    expect(parseDataImportSpec(JSON.parse(JSON.stringify(spec)))).toEqual(spec);
    expect(() => parseDataImportSpec({ quality: { disabled: ['nope'] } })).toThrow(/invalid data import options: quality\.disabled\.0/);
    expect(() => parseDataImportSpec({ mapping: { custmer_id: 'x' } })).toThrow(/invalid data import options/);
    expect(() => parseDataImportSpec({ quality: { dates: { asOf: '31/12/2024' } } })).toThrow(/expected YYYY-MM-DD/);
  });
});

describe('customerTableToCsv and customerTableToArquero', () => {
  const t = readCustomerTable('id,name,x\nA,"Smith, J",1.5\nB,=HYPERLINK("x"),\nC,<img src=x onerror=alert(1)>,-2\n', { fileName: 'c.csv' });

  it('quotes, guards formulas, writes NaN as empty and keeps markup as text', () => {
    expect(customerTableToCsv(t)).toBe('id,name,x\nA,"Smith, J",1.5\nB,"\'=HYPERLINK(""x"")",\nC,<img src=x onerror=alert(1)>,-2\n');
  });

  it('round-trips through readCustomerTable, a neutralised formula coming back as text with its apostrophe', () => {
    const back = readCustomerTable(customerTableToCsv(t), { fileName: 'back.csv' });
    expect(back.ids).toEqual(t.ids);
    expect(back.categorical.name).toEqual(t.categorical.name.map((s) => (s.startsWith('=') ? `'${s}` : s)));
  });

  it('gives an Arquero table', () => {
    const a = customerTableToArquero(t);
    expect(a.columnNames()).toEqual(['id', 'name', 'x']);
    expect(a.get('x', 0)).toBe(1.5);
  });
});
