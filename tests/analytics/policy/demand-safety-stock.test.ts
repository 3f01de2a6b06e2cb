import { describe, expect, it } from 'vitest';
import { demandStreams } from '../../../src/analytics/policy/demand-streams.ts';
import { compactDemand, type DemandLines } from '../../../src/analytics/policy/demand-base.ts';
import { safetyStockFromOrders, safetyStockTable } from '../../../src/analytics/policy/safety-stock-table.ts';
import { safetyStockCsv } from '../../../src/analytics/policy/safety-stock-csv.ts';
import { normalizePolicy } from '../../../src/analytics/policy/policy-spec.ts';
import { zForServiceLevel } from '../../../src/analytics/policy/inverse-normal.ts';
import { isNeedsData } from '../../../src/analytics/policy/needs-data.ts';

/**
 * Customer rows 0 (tier 0) and 1 (tier 1); products P1, P2; three months.
 * Tier 0 / P1: month 0 sells 10, month 2 sells 20 and takes back 5 → [10, 0, 15]; lead 2 and 4 days; cost 5.
 * Tier 0 / no product: month 1 sells 3, no ship date, no cost. Tier 1 / P2: month 1 sells 6; lead 3; cost 10.
 */
const LINES: DemandLines = {
  customer: Int32Array.of(0, 0, 0, 0, 1),
  product: Int32Array.of(0, 0, 0, -1, 1),
  products: ['P1', 'P2'],
  basis: 'sku',
  month: Int32Array.of(0, 2, 2, 1, 1),
  months: 3,
  firstMonth: '2024-01',
  isReturn: Uint8Array.of(0, 0, 1, 0, 0),
  qty: Float64Array.of(10, 20, -5, 3, 6),
  units: Float64Array.of(10, 20, 0, 3, 6),
  leadDays: Float64Array.of(2, 4, NaN, NaN, 3),
  unitCost: Float64Array.of(5, 5, NaN, NaN, 10),
};
const BASE = compactDemand(LINES);
const TIERS = Int32Array.of(0, 1);
const policy = normalizePolicy({}, ['Gold', 'Silver']);

describe('demand streams', () => {
  const d = demandStreams(BASE, TIERS, 2);

  it('take monthly demand net of returns over every month of the window, zero months included', () => {
    expect(d.streams.map((s) => [s.tier, s.stream, s.lines])).toEqual([[0, '(unknown)', 1], [0, 'P1', 2], [1, 'P2', 1]]);
    const p1 = d.streams[1];
    // [10, 0, 15]: mean 25/3; sample variance ((5/3)² + (25/3)² + (20/3)²) / 2 = 1050/18.
    expect(p1.meanMonthlyDemand).toBeCloseTo(25 / 3, 12);
    expect(p1.sdMonthlyDemand).toBeCloseTo(Math.sqrt(1050 / 18), 12);
    expect(p1.leadTimeDays).toBe(3);
    expect(p1.sdLeadTimeDays).toBeCloseTo(Math.SQRT2, 12);
    expect(p1.unitCost).toBe(5);
    // [0, 6, 0]: mean 2, sample variance (4 + 16 + 4) / 2 = 12; one shipped line: no lead-time spread.
    expect([d.streams[2].meanMonthlyDemand, d.streams[2].sdLeadTimeDays]).toEqual([2, 0]);
    expect(d.streams[2].sdMonthlyDemand).toBeCloseTo(Math.sqrt(12), 12);
  });

  it('leave out and count the lines of customers without a tier', () => {
    const r = demandStreams(BASE, Int32Array.of(0, -1), 2);
    expect(r.linesLeftOut).toBe(1);
    expect(r.issues[0].code).toBe('lines-without-tier');
  });
});

describe('safety-stock table', () => {
  const t = safetyStockTable(demandStreams(BASE, TIERS, 2), policy);

  it('uses each tier’s service level and the lead time in months (days / 30.4375)', () => {
    const row = t.rows[1];
    expect([row.tier, row.stream, row.serviceLevel, row.leadTimeSource]).toEqual(['Gold', 'P1', 0.98, 'ship dates']);
    const L = 3 / 30.4375;
    const sL = Math.SQRT2 / 30.4375;
    const expected = zForServiceLevel(0.98) * Math.sqrt(L * (1050 / 18) + (25 / 3) ** 2 * sL ** 2);
    expect(row.safetyStockUnits).toBeCloseTo(expected, 12);
    expect(row.safetyStockValue).toBeCloseTo(expected * 5, 12);
    expect(row.deltaValue).toBeCloseTo((expected - (expected / zForServiceLevel(0.98)) * zForServiceLevel(0.95)) * 5, 12);
  });

  it('falls back to the promised lead time without ship dates and says so', () => {
    const row = t.rows[0];
    expect([row.leadTimeDays, row.sdLeadTimeDays, row.leadTimeSource]).toEqual([2, 0, 'promised']);
    expect(row.safetyStockValue).toBeNaN();
    expect(t.issues.map((i) => i.code)).toEqual(['promised-lead-time', 'no-unit-cost']);
  });

  it('totals per tier and overall, leaving unvalued streams out of the values', () => {
    const silver = t.rows[2];
    expect(t.tiers.map((x) => [x.tier, x.streams, x.unvalued])).toEqual([['Gold', 2, 1], ['Silver', 1, 0]]);
    // Silver's 95 % equals the baseline: no change in working capital.
    expect(t.tiers[1].deltaValue).toBe(0);
    expect(t.total.value).toBeCloseTo(t.rows[1].safetyStockValue + silver.safetyStockValue, 10);
    expect(t.total.carryingCost).toBeCloseTo(t.total.value * 0.25, 10);
  });

  it('writes safety-stock.csv with the agreed columns, neutralising formula-like stream names', () => {
    const weird = compactDemand({ ...LINES, products: ['=HYPERLINK("x")', 'P2'] });
    const csv = safetyStockCsv(safetyStockTable(demandStreams(weird, TIERS, 2), policy));
    const lines = csv.split('\n');
    expect(lines[0]).toBe('tier,stream,mean_monthly_demand,sd_monthly_demand,lead_time_days,sd_lead_time_days,service_level,z,safety_stock_units,safety_stock_value');
    // Streams sort by label within a tier: '(unknown)' before '=HYPERLINK…'.
    // No ship dates: Gold's promised 2 days, fixed. SS = 2.0537 × √(2/30.4375 × 3) = 2.0537 × 0.4440 = 0.91; no cost, no value.
    expect(lines[1]).toBe('Gold,(unknown),1,1.7321,2,0,0.98,2.0537,0.91,');
    // SS = 2.0537 × √(3/30.4375 × 1050/18 + (25/3)² × (√2/30.4375)²) = 2.0537 × √5.8994 = 4.99 units, × $5 = $24.94.
    expect(lines[2]).toBe('Gold,"\'=HYPERLINK(""x"")",8.3333,7.6376,3,1.4142,0.98,2.0537,4.99,24.94');
    expect(lines[3]).toBe(`Silver,P2,2,3.4641,3,0,0.95,1.6449,${Number((1.6448536269514722 * Math.sqrt((3 / 30.4375) * 12)).toFixed(2))},${Number((1.6448536269514722 * Math.sqrt((3 / 30.4375) * 12) * 10).toFixed(2))}`);
    expect(csv.endsWith('\n')).toBe(true);
  });

  it('says it needs order lines instead of failing on a customer table', () => {
    const r = safetyStockFromOrders(null, TIERS, policy);
    expect(isNeedsData(r)).toBe(true);
    if (isNeedsData(r)) expect(r.message).toBe('Safety stock from demand needs order lines (one row per order line with dates and quantities); a customer table does not carry them. Load order lines to see it.');
    expect(isNeedsData(safetyStockFromOrders(BASE, TIERS, policy))).toBe(false);
  });
});
