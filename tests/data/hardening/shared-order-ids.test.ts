import { describe, expect, it } from 'vitest';
import { importData } from '../../../src/data/import-data.ts';
import type { CustomerFeatures } from '../../../src/data/features/customer-features.ts';

const enc = (s: string) => new TextEncoder().encode(s);

describe('8.16: an order id shared by two customers', () => {
  const text = [
    'order_id,order_line,customer_id,order_date,ship_date,promised_date,qty,unit_price,unit_cost,shipping_cost',
    'SO1,1,C1,2024-01-02,2024-01-03,2024-01-05,2,10,6,4',
    'SO1,2,C1,2024-01-02,2024-01-03,2024-01-05,1,10,6,4',
    'SO1,1,C2,2024-02-02,2024-02-09,2024-02-05,3,10,6,4',
    'SO2,1,C2,2024-02-10,2024-02-11,2024-02-12,1,10,6,4',
  ].join('\n');

  it('8.16: orders are counted per (customer, order id): each gets its order, its handling cost and its own lateness', async () => {
    const r = await importData(enc(text), 'shared.csv');
    const f = r.customers as CustomerFeatures;
    const get = (name: string, id: string) => f.columns[name][f.ids.indexOf(id)];
    expect(r.quality?.keptRows).toBe(4);
    expect(r.quality?.excluded['duplicate-key']).toBe(0);
    expect([get('orders', 'C1'), get('orders', 'C2')]).toEqual([1, 2]);
    expect([get('cts_order', 'C1'), get('cts_order', 'C2')]).toEqual([25, 50]);
    expect([get('lines_per_order', 'C1'), get('lines_per_order', 'C2')]).toEqual([2, 1]);
    // C2's late line (shipped 02-09, promised 02-05) is C2's, not C1's.
    expect([get('on_time_rate', 'C1'), get('on_time_rate', 'C2')]).toEqual([1, 0.5]);
    expect([get('active_months', 'C1'), get('active_months', 'C2')]).toEqual([1, 1]);
  });

  it('8.16: the same customer, order and line twice is still a duplicate key', async () => {
    const dup = `${text}\nSO1,1,C2,2024-02-02,2024-02-09,2024-02-05,5,10,6,4`;
    const r = await importData(enc(dup), 'dup.csv');
    expect(r.quality?.excluded['duplicate-key']).toBe(1);
  });
});
