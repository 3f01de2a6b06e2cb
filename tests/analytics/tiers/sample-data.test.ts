import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../../src/analytics/prepare/prepare.ts';
import { cluster } from '../../../src/analytics/cluster/cluster.ts';
import { tierCustomers } from '../../../src/analytics/tiers/tier-customers.ts';
import { servicePolicy } from '../../../src/analytics/policy/service-policy.ts';
import { isNeedsData } from '../../../src/analytics/policy/needs-data.ts';
import { readCustomerTable } from '../../../src/data/customers/read-customer-table.ts';
import { loadSampleOrders, SMALL_SAMPLE_ORDERS_SPEC } from '../../../src/data/synthetic/sample-orders.ts';
import { buildCustomerFeatures } from '../../../src/data/features/customer-features.ts';
import { rowOfCustomerCode, parentAccountRows } from '../../../src/data/features/customer-rows.ts';
import { demandBase } from '../../../src/data/features/demand-base.ts';
import { orderHistory } from '../../../src/data/features/order-history.ts';
import { productLineRows } from '../../../src/data/features/product-line-rows.ts';
import type { CustomerColumns } from '../../../src/analytics/tiers/customer-measures.ts';

/** k-means labels per table row (-1 = left out by the preparation). */
function labelsOf(table: CustomerColumns, features: string[], k: number): Int32Array {
  const p = prepare(table.columns, { features, transform: 'log1p' });
  const r = cluster(p.matrix, { algorithm: 'kmeans', k, seed: 1, restarts: 2 });
  const labels = new Int32Array(table.ids.length).fill(-1);
  p.rows.forEach((row, i) => (labels[row] = r.labels[i]));
  return labels;
}

describe('tiers and policies on the bundled customer table (no order lines)', () => {
  const table = readCustomerTable(readFileSync(new URL('../../../data/sample-customers.csv', import.meta.url), 'utf8'), { fileName: 'sample-customers.csv' });
  const labels = labelsOf(table, ['revenue', 'orders', 'cts_pct'], 4);
  const tiers = tierCustomers({ table, labels });

  it('still gets both tierings, their agreement, the matrix and KPIs', () => {
    expect(isNeedsData(tiers.clusters) || isNeedsData(tiers.thresholds)).toBe(false);
    expect(tiers.agreement?.compared).toBe(table.rowCount);
    expect(tiers.kpis?.tiers.reduce((s, t) => s + t.customers, 0)).toBe(table.rowCount);
    expect(tiers.kpis?.groups?.length).toBeGreaterThan(1);
    expect(tiers.matrix.unplaced).toBe(0);
    expect(tiers.csv.split('\n')).toHaveLength(table.rowCount + 2);
  });

  it('says safety stock needs order lines, and still computes the policy impact it can', () => {
    if (isNeedsData(tiers.carried)) throw new Error('no tiers');
    const p = servicePolicy({ tiering: tiers.carried, customers: tiers.measures });
    expect(isNeedsData(p.safetyStock)).toBe(true);
    expect(p.csv).toBeNull();
    expect(p.impact.fromOrderHistory).toBe(false);
    expect(p.impact.ctsBefore).toBeGreaterThan(0);
  });
});

describe('tiers and policies from order lines (the small sample)', async () => {
  const loaded = await loadSampleOrders({}, SMALL_SAMPLE_ORDERS_SPEC);
  const features = buildCustomerFeatures(loaded.lines);

  function run() {
    const labels = labelsOf(features, ['revenue', 'orders', 'cts_pct', 'gross_margin_pct'], 4);
    const rows = rowOfCustomerCode(loaded.lines, features.ids);
    const productLines = productLineRows(loaded.lines, rows, features.options.rates);
    const tiers = tierCustomers({ table: features, labels, spec: { clusters: { maxTiers: 4 } }, productLines });
    if (isNeedsData(tiers.carried)) throw new Error('no tiers');
    const policy = servicePolicy({
      tiering: tiers.carried,
      customers: tiers.measures,
      parentRows: parentAccountRows(loaded.lines, features.ids, features.columns.revenue),
      orders: orderHistory(loaded.lines, rows),
      demand: demandBase(loaded.lines, rows),
      orderRate: features.options.rates.order,
    });
    return { tiers, policy };
  }
  const { tiers, policy } = run();

  it('gives safety stock per tier and product line, with every line of a tiered customer in a stream', () => {
    if (isNeedsData(policy.safetyStock)) throw new Error(policy.safetyStock.message);
    const ss = policy.safetyStock;
    expect(ss.rows.length).toBeGreaterThan(4);
    expect(ss.rows.every((r) => r.leadTimeSource === 'ship dates')).toBe(true);
    expect(ss.total.units).toBeGreaterThan(0);
    expect(policy.csv?.split('\n')[0]).toBe('tier,stream,mean_monthly_demand,sd_monthly_demand,lead_time_days,sd_lead_time_days,service_level,z,safety_stock_units,safety_stock_value');
    // Platinum's 99 % is above the 95 % baseline: it ties up more working capital.
    const platinum = ss.tiers.find((t) => t.tier === 'Platinum');
    expect(platinum?.deltaValue).toBeGreaterThan(0);
  });

  it('counts consolidation from the order history', () => {
    expect(policy.impact.fromOrderHistory).toBe(true);
    const standard = policy.impact.tiers.find((t) => t.tier === 'Standard');
    expect(standard?.ordersConsolidated.value).toBeGreaterThan(0);
  });

  it('slices customers by product line so that the slices add up to the customer features', () => {
    const pl = productLineRows(loaded.lines, rowOfCustomerCode(loaded.lines, features.ids), features.options.rates);
    if (!pl) throw new Error('the sample has product lines');
    const sum = (a: Float64Array) => {
      const out = new Float64Array(features.rowCount);
      pl.rows.customer.forEach((c, i) => (out[c] += a[i]));
      return out;
    };
    const pairs: [Float64Array, string][] = [
      [pl.rows.revenue, 'revenue'],
      [pl.rows.grossMargin, 'gross_margin'],
      [pl.rows.cts, 'cts'],
      [pl.rows.lines, 'order_lines'],
      [pl.rows.units, 'units'],
    ];
    for (const [slices, name] of pairs) {
      const total = sum(slices);
      features.columns[name].forEach((v, c) => expect(total[c]).toBeCloseTo(v, 6));
    }
    expect(tiers.kpisByProductLine?.groups?.map((g) => g.group)).toEqual(pl.grouping.dictionary.slice().sort());
    expect(tiers.kpisByProductLine?.company.revenue).toBeCloseTo(tiers.kpis?.company.revenue ?? NaN, 6);
  });

  it('KPIs add up to the company', () => {
    const k = tiers.kpis;
    const revenue = features.columns.revenue.reduce((s, v) => s + v, 0);
    expect(k?.company.revenue).toBeCloseTo(revenue, 6);
    expect(k?.tiers.reduce((s, t) => s + t.revenue, 0)).toBeCloseTo(revenue, 6);
  });

  it('is a function of the inputs: a second run writes byte-identical CSVs', () => {
    const again = run();
    expect(again.tiers.csv).toBe(tiers.csv);
    expect(again.policy.csv).toBe(policy.csv);
  });
});
