import { describe, expect, it } from 'vitest';
import { loadOrderLines } from '../../../src/data/quality/load-order-lines.ts';
import { periodFeatures, splitPeriods } from '../../../src/data/features/periods.ts';
import { migrationMatrix } from '../../../src/analytics/stability/migration.ts';
import { periodStability, type PeriodTable } from '../../../src/analytics/stability/periods.ts';

/**
 * Order lines for 30 customers in three kinds (10 each): small (1 order a month of about 100),
 * regular (4 orders a month of about 1,000) and large (2 orders a month of about 5,000). The
 * months `from`..`to` of 2024 repeat the same pattern, so features per half are identical when
 * the halves hold the same months' pattern.
 */
function ordersCsv(months: readonly number[], extra: readonly string[] = []): string {
  const rows = ['order_id,customer_id,order_date,qty,unit_price'];
  let id = 0;
  for (const month of months) {
    for (let c = 0; c < 30; c++) {
      const kind = Math.floor(c / 10);
      const orders = [1, 4, 2][kind];
      const price = [100, 1000, 5000][kind] * (1 + (c % 10) / 50);
      for (let o = 0; o < orders; o++) {
        const day = String(1 + o * 7).padStart(2, '0');
        rows.push(`O${id++},C${String(c).padStart(3, '0')},2024-${String(month).padStart(2, '0')}-${day},1,${price.toFixed(2)}`);
      }
    }
  }
  return [...rows, ...extra].join('\n');
}

const load = (text: string) => loadOrderLines(new TextEncoder().encode(text), { fileName: 'orders.csv' });
const YEAR = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

describe('splitPeriods', () => {
  it('cuts a year into halves, calendar quarters or rolling windows of whole months', async () => {
    const { lines } = await load(ordersCsv(YEAR));
    const halves = splitPeriods(lines);
    expect(halves.periods.map((p) => [p.label, p.months])).toEqual([
      ['2024-01..2024-06', 6],
      ['2024-07..2024-12', 6],
    ]);
    expect(halves.periods[0].rows.length).toBe(lines.rowCount / 2);
    expect(halves.outside).toBe(0);
    expect(splitPeriods(lines, { kind: 'quarters' }).periods.map((p) => p.label)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    const rolling = splitPeriods(lines, { kind: 'rolling', windowMonths: 6, stepMonths: 3 });
    expect(rolling.periods.map((p) => p.label)).toEqual(['2024-01..2024-06', '2024-04..2024-09', '2024-07..2024-12']);
    // the windows overlap: a line of April is in the first two
    expect(rolling.periods[0].rows.length + rolling.periods[1].rows.length + rolling.periods[2].rows.length).toBe(
      (lines.rowCount / 12) * 18,
    );
  });

  it('reports partial quarters and refuses splits the data cannot fill', async () => {
    const { lines } = await load(ordersCsv([2, 3, 4, 5]));
    const q = splitPeriods(lines, { kind: 'quarters' });
    expect(q.periods.map((p) => [p.label, p.months])).toEqual([
      ['2024-Q1', 2],
      ['2024-Q2', 2],
    ]);
    expect(q.issues.map((i) => i.code)).toEqual(['partial-quarter', 'partial-quarter']);
    expect(() => splitPeriods(lines, { kind: 'rolling', windowMonths: 3, stepMonths: 3 })).toThrow(
      'the order lines span 4 months; rolling windows of 3 months every 3 need at least 6',
    );
    expect(() => splitPeriods(lines, { kind: 'weeks' as 'halves' })).toThrow('invalid periods: "weeks" (expected halves, quarters or rolling)');
    const { lines: one } = await load(ordersCsv([3]));
    expect(() => splitPeriods(one)).toThrow('halves need at least 2 months');
  });

  it('builds each period’s features from its own lines, customers present only', async () => {
    // customer C999 orders only in December
    const { lines } = await load(ordersCsv(YEAR, ['X1,C999,2024-12-05,2,50']));
    const { periods } = periodFeatures(lines);
    expect(periods.map((p) => p.features.rowCount)).toEqual([30, 31]);
    const [first, second] = periods;
    const rev = (p: typeof first, id: string) => p.features.columns.revenue[p.features.ids.indexOf(id)];
    expect(rev(first, 'C000')).toBeCloseTo(6 * 100, 9);
    expect(rev(second, 'C999')).toBe(100);
    expect(first.features.columns.orders[first.features.ids.indexOf('C015')]).toBe(24);
    expect(first.lines + second.lines).toBe(lines.rowCount);
  });
});

describe('periodStability', () => {
  const spec = {
    preparation: { features: ['revenue', 'orders', 'avg_order_value'], transform: 'log1p' as const },
    cluster: { algorithm: 'kmeans' as const, k: 3 },
  };
  const tablesOf = async (text: string): Promise<PeriodTable[]> => {
    const { lines } = await load(text);
    return periodFeatures(lines).periods.map((p) => ({ label: p.label, ids: p.features.ids, columns: p.features.columns }));
  };

  it('gives ARI 1 and a diagonal migration when the two halves are identical', async () => {
    const r = periodStability(await tablesOf(ordersCsv(YEAR)), spec);
    expect(r.consecutive).toEqual([{ from: '2024-01..2024-06', to: '2024-07..2024-12', common: 30, ari: 1, shareChanged: 0 }]);
    expect(r.reference).toBe('2024-01..2024-06');
    expect(Array.from(r.periods[1].labels)).toEqual(Array.from(r.periods[0].labels));
    const m = r.migration;
    expect(m.groups).toEqual([0, 1, 2, null]);
    expect(m.customers).toEqual([
      [10, 0, 0, 0],
      [0, 10, 0, 0],
      [0, 0, 10, 0],
      [0, 0, 0, 0],
    ]);
    expect(m.stayed).toBe(1);
    expect(m.revenueFrom?.[0][0]).toBeCloseTo(m.revenueTo?.[0][0] as number, 6);
    // the second half was prepared with the scaling fitted on the first, frozen
    expect(r.preparation.features.map((f) => f.name)).toEqual(['revenue', 'orders', 'avg_order_value']);
  });

  it('takes the cluster numbers of a given clustering of the same customers (e.g. the notebook’s), relabelled any way', async () => {
    const tables = await tablesOf(ordersCsv(YEAR));
    const plain = periodStability(tables, spec);
    const ref = plain.periods[0];
    for (const perm of [[2, 0, 1], [1, 2, 0], [0, 1, 2]]) {
      const given = { ids: [...ref.ids].reverse(), labels: Array.from(ref.labels, (c) => perm[c]).reverse() };
      const r = periodStability(tables, { ...spec, ids: given });
      expect(Array.from(r.periods[0].labels)).toEqual(Array.from(ref.labels, (c) => perm[c]));
      expect(Array.from(r.periods[1].labels)).toEqual(Array.from(r.periods[0].labels));
      expect(r.consecutive).toEqual(plain.consecutive);
    }
  });

  it('counts customers that come and go, and shows a customer that changed kind', async () => {
    // second half: C000 (small) buys like a large customer; C001 stops; C998 starts
    const month = (row: string) => Number(row.split(',')[2].slice(5, 7));
    const rows = ordersCsv(YEAR)
      .split('\n')
      .filter((row, i) => i === 0 || !((row.includes(',C000,') || row.includes(',C001,')) && month(row) >= 7));
    const extra = ['07', '08', '09', '10', '11', '12'].flatMap((mm) => [
      `Y${mm}a,C000,2024-${mm}-02,1,5000`,
      `Y${mm}b,C000,2024-${mm}-09,1,5000`,
      `Z${mm},C998,2024-${mm}-03,1,100`,
    ]);
    const r = periodStability(await tablesOf([...rows, ...extra].join('\n')), spec);
    const [pair] = r.consecutive;
    expect(pair.common).toBe(29); // 30 in the first half, C001 gone
    expect(pair.shareChanged).toBeCloseTo(1 / 29, 12);
    expect(pair.ari).toBeLessThan(1);
    const m = r.migration;
    const absent = m.groups.length - 1;
    const total = m.customers.flat().reduce((s, x) => s + x, 0);
    expect(total).toBe(31); // 29 in both + C001 lost + C998 new
    expect(m.customers.map((row) => row[absent]).reduce((s, x) => s + x, 0)).toBe(1);
    expect(m.customers[absent].reduce((s, x) => s + x, 0)).toBe(1);
  });

  it('needs two periods and the revenue column it is told to use', () => {
    const t: PeriodTable = { label: 'p', ids: ['a', 'b', 'c'], columns: { x: [1, 2, 3] } };
    const s = { preparation: { features: ['x'] }, cluster: { algorithm: 'kmeans' as const, k: 2 } };
    expect(() => periodStability([t], s)).toThrow('needs at least 2 periods (got 1)');
    expect(() => periodStability([t, { ...t, label: 'q' }], { ...s, revenue: 'sales' })).toThrow('unknown column: "sales"');
    expect(() => periodStability([t, { ...t, label: 'q', ids: ['a'], columns: { x: [1] } }], s)).toThrow('period q: only 1 customer is left to cluster');
  });
});

describe('migrationMatrix', () => {
  it('cross-tabulates by id, with lost and new customers in the absent row and column', () => {
    const m = migrationMatrix(
      { ids: ['a', 'b', 'c', 'd'], labels: [0, 0, 1, -1], revenue: [10, 20, 30, 40] },
      { ids: ['b', 'c', 'd', 'e'], labels: [1, 1, -1, 0], revenue: [1, 2, 3, 4] },
    );
    expect(m.groups).toEqual([0, 1, -1, null]);
    expect(m.customers).toEqual([
      [0, 1, 0, 1], // a lost, b 0 -> 1
      [0, 1, 0, 0], // c stayed in 1
      [0, 0, 1, 0], // d stayed noise
      [1, 0, 0, 0], // e new in 0
    ]);
    expect(m.revenueFrom).toEqual([
      [0, 20, 0, 10],
      [0, 30, 0, 0],
      [0, 0, 40, 0],
      [0, 0, 0, 0],
    ]);
    expect(m.revenueTo?.[3][0]).toBe(4);
    expect(m.stayed).toBeCloseTo(2 / 3, 15); // b moved, c and d kept
  });
});
