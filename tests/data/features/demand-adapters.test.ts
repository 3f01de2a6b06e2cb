import { describe, expect, it } from 'vitest';
import { cleanOrderLines } from '../../../src/data/quality/clean-order-lines.ts';
import { detectMapping, mappingTypes } from '../../../src/data/map/column-mapping.ts';
import { readDelimited } from '../../../src/data/read/read-delimited.ts';
import { detectSkuColumn, skuOfLines } from '../../../src/data/features/sku-column.ts';
import { demandBase, demandLines } from '../../../src/data/features/demand-base.ts';
import { parentAccountRows, rowOfCustomerCode } from '../../../src/data/features/customer-rows.ts';
import { orderHistory } from '../../../src/data/features/order-history.ts';
import { weekOfDay } from '../../../src/analytics/policy/order-history.ts';

const TEXT = [
  'InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,ShipDate,UnitCost,Parent',
  '1001,SKU-A,10,2024-01-05,2.0,C1,2024-01-07,1.5,P9',
  '1001,SKU-B,5,2024-01-05,4.0,C1,2024-01-08,3,P9',
  '1002,SKU-A,20,2024-03-10,2.0,C1,2024-03-11,1.5,P9',
  'C1003,SKU-A,-4,2024-03-12,2.0,C1,,1.5,P9',
  '1004,SKU-A,7,2024-02-01,2.0,C2,2024-02-03,1.5,P9',
  '1005,,1,2024-02-02,9.0,C3,2024-02-02,5,',
].join('\n');

function load(text = TEXT) {
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const { mapping } = detectMapping(header);
  const table = readDelimited(text, { fileName: 'orders.csv', types: mappingTypes(mapping) });
  const { lines } = cleanOrderLines(table, mapping);
  return { table, mapping, lines };
}

describe('the SKU column', () => {
  const { table, mapping, lines } = load();

  it('is found by synonym among the columns no field took, or named by the user', () => {
    expect(detectSkuColumn(table, mapping)).toBe('StockCode');
    expect(detectSkuColumn(table, mapping, null)).toBeNull();
    expect(() => detectSkuColumn(table, mapping, 'Article')).toThrow('the SKU column is not there: "Article"');
  });

  it('is read for the kept lines through their input rows', () => {
    const sku = skuOfLines(table, 'StockCode', lines);
    expect(Array.from(lines.sourceRow, (_, k) => (sku.codes[k] < 0 ? '' : sku.dictionary[sku.codes[k]]))).toEqual(Array.from(lines.sourceRow, (r) => ['SKU-A', 'SKU-B', 'SKU-A', 'SKU-A', 'SKU-A', ''][r]));
  });
});

describe('demandLines and demandBase', () => {
  const { table, lines } = load();
  const ids = ['C1', 'C2', 'C3'];
  const rows = rowOfCustomerCode(lines, ids);
  const base = demandLines(lines, rows, skuOfLines(table, 'StockCode', lines));

  it('spans the first to the last order month and nets returns into their month', () => {
    expect([base.firstMonth, base.months, base.basis]).toEqual(['2024-01', 3, 'sku']);
    const at = (r: number) => lines.sourceRow.indexOf(r);
    expect([base.month[at(0)], base.month[at(2)], base.month[at(3)], base.month[at(4)]]).toEqual([0, 2, 2, 1]);
    expect([base.qty[at(0)], base.qty[at(3)]]).toEqual([10, -4]);
    expect([base.leadDays[at(0)], base.leadDays[at(1)], base.leadDays[at(3)]]).toEqual([2, 3, NaN]);
    expect(base.customer[at(4)]).toBe(1);
  });

  it('falls back to the product line, then to the tier as a whole', () => {
    expect(demandBase(lines, rows).basis).toBe('tier');
  });

  it('compacts lines to (customer, product) pairs and (pair, month) cells without losing a unit', () => {
    const compact = demandBase(lines, rows, skuOfLines(table, 'StockCode', lines));
    // C1/SKU-A (3 lines: sales in Jan and Mar, the return in Mar), C1/SKU-B, C2/SKU-A, C3/none.
    expect(compact.pairCustomer.length).toBe(4);
    expect([...compact.pairLines].reduce((a, b) => a + b, 0)).toBe(lines.rowCount);
    expect([...compact.cellQty].reduce((a, b) => a + b, 0)).toBe([...base.qty].reduce((a, b) => a + b, 0));
    const c1a = [...compact.pairCustomer].findIndex((c, q) => c === 0 && compact.products[compact.pairProduct[q]] === 'SKU-A');
    expect([compact.pairSales[c1a], compact.leadCount[c1a], compact.leadMean[c1a], compact.leadM2[c1a]]).toEqual([2, 2, 1.5, 0.5]);
  });
});

describe('orderHistory and parent accounts', () => {
  const { lines } = load();
  const ids = ['C1', 'C2', 'C3'];
  const rows = rowOfCustomerCode(lines, ids);

  it('has one entry per order with a sales line, valued as placed', () => {
    const h = orderHistory(lines, rows);
    // 1001: 10 × 2 + 5 × 4 = 40; 1002: 40; 1004: 14; 1005: 9; C1003 holds only a return.
    expect([...h.value]).toEqual([40, 40, 14, 9]);
    expect([...h.units]).toEqual([15, 20, 7, 1]);
    expect([...h.customer]).toEqual([0, 0, 1, 2]);
    // 2024-01-05 is a Friday: its week starts Monday 2024-01-01 (day 19,723).
    expect(h.week[0]).toBe(weekOfDay(19_723));
  });

  it('points every customer of an account at the account’s largest customer when the parent is not a customer', () => {
    expect([...parentAccountRows(lines, ids, Float64Array.of(100, 50, 10))]).toEqual([-1, 0, -1]);
  });
});
