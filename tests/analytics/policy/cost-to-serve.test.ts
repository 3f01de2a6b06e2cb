import { describe, expect, it } from 'vitest';
import { costToServe } from '../../../src/analytics/policy/cost-to-serve.ts';

/**
 * The full activity-based worked example (rates $25/order, $1.50/line, $12/return line,
 * $40/expedite, $50/service hour, 10 % cost of capital). The feature builder covers the part
 * order lines can express (orders, lines, freight with imputation, returns: see
 * tests/data/features/customer-features.test.ts); expedites, payment terms and service hours
 * are not in order lines, so the whole example is checked here against `costToServe`.
 */
describe('cost-to-serve worked example', () => {
  const rates = { order: 25, line: 1.5, returnLine: 12, expedite: 40, serviceHour: 50, capitalRate: 0.1 };
  // A: 110 known freight costs of $90 = 9,900 + 10 imputed at the median 85 = 10,750.
  const a = costToServe({ orders: 120, lines: 600, freight: 9900 + 10 * 85, returnLines: 30, expedites: 20, revenue: 240_000, dso: 60, serviceHours: 40 }, rates);
  const b = costToServe({ orders: 300, lines: 450, freight: 300 * 45, returnLines: 60, expedites: 0, revenue: 60_000, dso: 45, serviceHours: 30 }, rates);

  it('reproduces every component', () => {
    expect([a.orderHandling, a.pickPack, a.freight, a.returns, a.specialServices, a.service]).toEqual([3000, 900, 10_750, 360, 800, 2000]);
    expect([b.orderHandling, b.pickPack, b.freight, b.returns, b.specialServices, b.service]).toEqual([7500, 675, 13_500, 720, 0, 1500]);
    // Credit: 240,000 / 365 × 60 × 10 % = 3,945.2; 60,000 / 365 × 45 × 10 % = 739.7.
    expect(Math.round(a.credit)).toBe(3945);
    expect(Math.round(b.credit)).toBe(740);
  });

  it('gives CTS 21,755 and 24,635, CTS % 9.1 and 41.1, per order 181.3 and 82.1', () => {
    expect(Math.round(a.total)).toBe(21_755);
    expect(Math.round(b.total)).toBe(24_635);
    expect((a.share * 100).toFixed(1)).toBe('9.1');
    expect((b.share * 100).toFixed(1)).toBe('41.1');
    expect(a.perOrder.toFixed(1)).toBe('181.3');
    expect(b.perOrder.toFixed(1)).toBe('82.1');
  });

  it('shows that B, with the higher GM %, loses money: net profit 38,245 and −6,635', () => {
    expect(Math.round(60_000 - a.total)).toBe(38_245);
    expect(Math.round(18_000 - b.total)).toBe(-6_635);
  });
});
