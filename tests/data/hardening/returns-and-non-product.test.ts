import { describe, expect, it } from 'vitest';
import type { CustomerFeatures } from '../../../src/data/features/customer-features.ts';
import { importData } from '../../../src/data/import-data.ts';
import { parseDataImportSpec } from '../../../src/data/import-spec.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const features = (r: { customers: unknown }) => r.customers as CustomerFeatures;
const get = (f: CustomerFeatures, name: string, id: string) => f.columns[name][f.ids.indexOf(id)];

/** UCI Online Retail layout with every non-product code of the issue, for customer 17850. */
const UCI = [
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
  '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom',
  '536365,POST,POSTAGE,2,2010-12-01 08:26:00,18,17850,United Kingdom',
  '536366,DOT,DOTCOM POSTAGE,1,2010-12-02 09:00:00,11.5,17850,United Kingdom',
  'C536367,D,Discount,-1,2010-12-03 10:00:00,5,17850,United Kingdom',
  '536368,M,Manual,1,2010-12-04 10:00:00,3,17850,United Kingdom',
  '536369,BANK CHARGES,Bank Charges,1,2010-12-05 10:00:00,15,17850,United Kingdom',
  'C536370,AMAZONFEE,AMAZON FEE,-1,2010-12-06 10:00:00,100,17850,United Kingdom',
  '536371,22633,HAND WARMER UNION JACK,4,2010-12-07 08:28:00,1.85,17850,United Kingdom',
  '536372,22633,HAND WARMER UNION JACK,4,2010-12-07 08:28:00,1.85,13047,United Kingdom',
].join('\n');

describe('8.18: returns of earlier purchases, non-product lines, cost to serve without freight', () => {
  it('8.18: returns of units bought before the window are counted apart and the returns rate stays within 0-1', async () => {
    const text = ['order_id,customer_id,order_date,qty,unit_price', 'SO1,C1,2024-03-01,2,10', 'CSO9,C1,2024-03-05,-5,10', 'SO2,C2,2024-03-02,4,10', 'CSO2,C2,2024-03-06,-1,10'].join('\n');
    const r = await importData(enc(text), 'returns.csv');
    const f = features(r);
    expect([get(f, 'returns_rate', 'C1'), get(f, 'returns_before_window', 'C1')]).toEqual([1, 3]);
    expect([get(f, 'returns_rate', 'C2'), get(f, 'returns_before_window', 'C2')]).toEqual([0.25, 0]);
    // The refund still reduces revenue.
    expect(get(f, 'revenue', 'C1')).toBe(20 - 50);
    expect(r.issues.find((i) => i.code === 'returns-before-window')?.message).toContain('1 customer(s) returned more units than they bought in the window (3 units in all)');
  });

  it('8.18: postage, discount, fee and manual lines are routed to their buckets, not product revenue', async () => {
    const r = await importData(enc(UCI), 'online-retail.csv');
    const q = r.quality;
    expect(q?.nonProductRows).toBe(6);
    expect(q?.salesRows).toBe(3);
    expect(q?.returnRows).toBe(0);
    expect(q?.keptRows).toBe(9);
    expect(q?.nonProduct).toEqual({ freight: { lines: 2, amount: 47.5 }, discount: { lines: 1, amount: -5 }, fee: { lines: 2, amount: -85 }, adjustment: { lines: 1, amount: 3 } });
    const f = features(r);
    expect(get(f, 'revenue', '17850')).toBeCloseTo(6 * 2.55 + 4 * 1.85, 10);
    expect(get(f, 'orders', '17850')).toBe(2);
    expect(get(f, 'order_lines', '17850')).toBe(2);
    expect(get(f, 'charged_freight', '17850')).toBe(47.5);
    expect(get(f, 'discounts', '17850')).toBe(5);
    // The Amazon fee paid (-100) net of the bank charge billed to the customer (+15).
    expect(get(f, 'cts_fees', '17850')).toBe(85);
    expect(get(f, 'adjustments', '17850')).toBe(3);
    expect(get(f, 'cts', '17850')).toBe(2 * 25 + 2 * 1.5 + 85);
    expect(get(f, 'charged_freight', '13047')).toBe(0);
  });

  it('8.18: the code list is editable, and the rule can be switched off', async () => {
    const spec = parseDataImportSpec({ quality: { nonProduct: { fee: ['BANK CHARGES'], adjustment: [] } } });
    const r = await importData(enc(UCI), 'online-retail.csv', spec);
    expect(r.quality?.nonProduct.fee).toEqual({ lines: 1, amount: 15 });
    expect(r.quality?.nonProduct.adjustment.lines).toBe(0);
    const off = await importData(enc(UCI), 'online-retail.csv', { quality: { disabled: ['non-product'] } });
    expect(off.quality?.nonProductRows).toBe(0);
    expect(off.quality?.returnRows).toBe(2);
    expect(() => parseDataImportSpec({ quality: { nonProduct: { postage: ['POST'] } } })).toThrow(/invalid data import options: quality\.nonProduct/);
    await expect(importData(enc(UCI), 'o.csv', { quality: { nonProduct: { fee: ['M'] } } })).rejects.toThrow('invalid nonProduct: "M" is listed as both fee and adjustment');
  });

  it('8.18: without a freight column cost to serve is still computed from the activity rates, with the features that need it', async () => {
    const text = ['order_id,customer_id,order_date,qty,unit_price,unit_cost', 'SO1,C1,2024-03-01,2,10,6', 'SO1,C1,2024-03-01,1,20,15', 'SO2,C2,2024-03-02,4,10,7'].join('\n');
    const r = await importData(enc(text), 'no-freight.csv');
    const f = features(r);
    for (const name of ['cts', 'cts_per_order', 'cts_pct', 'net_profit']) expect(f.numericColumns, name).toContain(name);
    expect(get(f, 'cts', 'C1')).toBe(25 + 2 * 1.5);
    expect(get(f, 'cts_pct', 'C1')).toBeCloseTo((28 / 40) * 100, 10);
    expect(get(f, 'net_profit', 'C1')).toBe(8 + 5 - 28);
    expect(f.unavailable.map((u) => u.feature)).toEqual(['cts_freight', 'cts_fees', 'freight_imputed_share', 'charged_freight', 'discounts', 'adjustments', 'lead_time_days', 'on_time_rate']);
    expect(r.quality?.notes).toContain('No shipping_cost column: cost to serve is computed from the activity rates, without freight.');
  });
});
