import { describe, expect, it } from 'vitest';
import { readCustomerTable } from '../../../src/data/customers/read-customer-table.ts';
import { customersToCsv, generateCustomers, SYNTHETIC_CUSTOMER_COLUMNS } from '../../../src/data/synthetic/synthetic-customers.ts';

describe('generateCustomers', () => {
  const rows = generateCustomers({ seed: 42, customers: 2000 });

  it('is deterministic: same seed, byte-identical CSV', () => {
    expect(customersToCsv(generateCustomers({ seed: 42, customers: 2000 }))).toBe(customersToCsv(rows));
    expect(customersToCsv(generateCustomers({ seed: 43, customers: 2000 }))).not.toBe(customersToCsv(rows));
  });

  it('numbers ids C000001.. and keeps the formulas consistent', () => {
    expect(rows[0].customer_id).toBe('C000001');
    expect(rows[1999].customer_id).toBe('C002000');
    for (const r of rows) {
      expect(r.orders).toBeGreaterThanOrEqual(1);
      expect(r.order_frequency).toBeCloseTo(r.orders / 12, 3);
      expect(r.revenue / r.orders).toBeCloseTo(r.avg_order_value, 0);
      // net profit = GM − CTS = revenue × (GM% − CTS%) / 100, up to rounding.
      expect(Math.abs(r.net_profit - (r.revenue * (r.gross_margin_pct - r.cts_pct)) / 100)).toBeLessThan(0.01 * r.revenue * 0.01 + 1);
      expect(r.returns_rate).toBeGreaterThanOrEqual(0);
      expect(r.on_time_rate).toBeLessThanOrEqual(1);
    }
  });

  it('has separated segments and some loss-makers', () => {
    const bySeg = new Map<string, number[]>();
    for (const r of rows) bySeg.set(r.segment, [...(bySeg.get(r.segment) ?? []), r.avg_order_value]);
    expect(bySeg.size).toBe(4);
    const medAov = (s: string) => {
      const xs = [...(bySeg.get(s) ?? [])].sort((a, b) => a - b);
      return xs[xs.length >> 1];
    };
    expect(medAov('key account')).toBeGreaterThan(2 * medAov('mid-market'));
    expect(medAov('mid-market')).toBeGreaterThan(3 * medAov('small frequent'));
    const losers = rows.filter((r) => r.net_profit < 0).length;
    expect(losers).toBeGreaterThan(50);
    expect(losers).toBeLessThan(1000);
  });

  it('round-trips through readCustomerTable with every feature numeric and no issues', () => {
    const t = readCustomerTable(customersToCsv(rows), { fileName: 'sample-customers.csv' });
    expect(t.idColumn).toBe('customer_id');
    expect(t.rowCount).toBe(2000);
    expect(t.numericColumns).toEqual(SYNTHETIC_CUSTOMER_COLUMNS.slice(3));
    expect(Object.keys(t.categorical)).toEqual(['region', 'channel']);
    expect(t.issues).toEqual([]);
  });
});
