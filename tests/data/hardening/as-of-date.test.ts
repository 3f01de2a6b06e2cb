import { describe, expect, it } from 'vitest';
import { dataReadme } from '../../../src/data/features/data-readme.ts';
import { importData } from '../../../src/data/import-data.ts';
import type { CustomerFeatures } from '../../../src/data/features/customer-features.ts';
import { RULE_INFO } from '../../../src/data/quality/quality-options.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const HEADER = 'order_id,customer_id,order_date,qty,unit_price';
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const DAY = 86_400_000;

describe('8.17: the default as-of date is the end of the data, with the rule and reason shown', () => {
  it('8.17: a sparse file keeps its real last order (40 days after the one before) as the as-of date', async () => {
    const rows = Array.from({ length: 10 }, (_, k) => `SO${k},C${k % 3},${day(Date.UTC(2024, k, 5))},1,10`);
    rows.push(`SO10,C1,${day(Date.UTC(2024, 9, 5) + 40 * DAY)},1,10`);
    const r = await importData(enc([HEADER, ...rows].join('\n')), 'sparse.csv');
    expect(r.quality?.asOf).toEqual({ date: '2024-11-14', source: 'data', reason: 'the last order date in the data' });
    expect(r.quality?.excluded['future-date']).toBe(0);
    expect((r.customers as CustomerFeatures).asOf).toBe('2024-11-14');
  });

  it('8.17: a typo decades ahead in dense data does not move it, and the reason says so', async () => {
    const rows = Array.from({ length: 300 }, (_, k) => `SO${k},C${k % 5},${day(Date.UTC(2024, 0, 1) + k * DAY)},1,10`);
    rows.push('SO999,C1,2052-03-01,1,10');
    const r = await importData(enc([HEADER, ...rows].join('\n')), 'typo.csv');
    expect(r.quality?.asOf.date).toBe('2024-10-26');
    expect(r.quality?.asOf.reason).toMatch(/^the last order date before a gap of 9,988 days without orders; the 1 order line\(s\) dated 2052-03-01 to 2052-03-01 lie beyond it/);
    expect(r.quality?.excluded['future-date']).toBe(1);
  });

  it('8.17: an as-of date from the options is used and said to be', async () => {
    const r = await importData(enc(`${HEADER}\nSO1,C1,2024-01-02,1,10\nSO2,C1,2024-03-02,1,10\n`), 'o.csv', { quality: { dates: { asOf: '2024-02-01' } } });
    expect(r.quality?.asOf).toEqual({ date: '2024-02-01', source: 'option', reason: 'set in the import options' });
  });

  it('8.17: the documentation states the same rule', () => {
    expect(RULE_INFO['date-range'].description).toContain('it is the last order date in the data, unless the last dates lie beyond a gap with no orders longer than 31 days and 10 median gaps');
    expect(dataReadme()).toContain('default: the end of the data, see the date-range rule');
  });
});
