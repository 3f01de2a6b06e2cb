import { describe, expect, it } from 'vitest';
import { cleanOrderLines } from '../../../src/data/quality/clean-order-lines.ts';
import { detectMapping, mappingTypes } from '../../../src/data/map/column-mapping.ts';
import { buildCustomerFeatures } from '../../../src/data/features/customer-features.ts';
import { readDelimited } from '../../../src/data/read/read-delimited.ts';
import { whaleCurve } from '../../../src/data/features/whale-curve.ts';
import type { QualitySpec } from '../../../src/data/quality/quality-options.ts';

const HEADER = 'order_id,order_line,customer_id,parent_id,order_date,ship_date,promised_date,region,carrier,qty,unit_price,unit_cost,shipping_cost,returned_qty';

function pad(n: number) {
  return String(n).padStart(2, '0');
}
function dates(k: number) {
  const m = pad((k % 12) + 1);
  return `2024-${m}-10,2024-${m}-11,2024-${m}-12`;
}

/**
 * DOMAIN.md §1.3 worked example, the part derivable from order lines (orders, lines, freight
 * with one imputed lane, returns). Customer C only supplies 5 known costs of 85 on lane (N, X).
 */
function workedExample(): string {
  const rows: string[] = [HEADER];
  let aLine = 0;
  for (let k = 0; k < 120; k++) {
    for (let l = 1; l <= 5; l++) {
      const j = aLine++;
      const returned = j < 30 ? 1 : 0;
      const qty = returned ? 2 : 1;
      // 110 lines with freight 90, 10 lines missing (lane X), the rest 0 (lane Y).
      const [carrier, freight] = j >= 30 && j < 140 ? ['Y', '90'] : j >= 140 && j < 150 ? ['X', ''] : ['Y', '0'];
      rows.push(`A${k},${l},C000001,P1,${dates(k)},N,${carrier},${qty},400,300,${freight},${returned}`);
    }
  }
  let bLine = 0;
  for (let k = 0; k < 300; k++) {
    for (let l = 1; l <= (k < 150 ? 2 : 1); l++) {
      const j = bLine++;
      const returned = j < 60 ? 1 : 0;
      const qty = j < 210 ? 2 : 1;
      rows.push(`B${k},${l},C000002,P1,${dates(k)},N,Y,${qty},100,70,${j < 300 ? 45 : 0},${returned}`);
    }
  }
  for (let k = 0; k < 5; k++) rows.push(`X${k},1,C000003,,${dates(k)},N,X,1,10,5,85,0`);
  return rows.join('\n');
}

function features(text: string, spec = {}, quality: QualitySpec = {}) {
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const { mapping } = detectMapping(header);
  const table = readDelimited(text, { fileName: 'example.csv', types: mappingTypes(mapping) });
  const { lines, report } = cleanOrderLines(table, mapping, quality);
  return { f: buildCustomerFeatures(lines, spec), report };
}

describe('buildCustomerFeatures on the DOMAIN 1.3 worked example', () => {
  const { f, report } = features(workedExample());
  const get = (name: string, id: string) => f.columns[name][f.ids.indexOf(id)];

  it('imputes the 10 missing freight costs of A with the lane median 85', () => {
    expect(report.repaired['shipping-cost']).toBe(10);
    expect(get('cts_freight', 'C000001')).toBe(10_750);
    expect(get('freight_imputed_share', 'C000001')).toBeCloseTo(850 / 10_750, 12);
  });

  it('reproduces revenue, GM and CTS components for A and B', () => {
    expect([get('revenue', 'C000001'), get('gross_margin', 'C000001'), get('gross_margin_pct', 'C000001')]).toEqual([240_000, 60_000, 25]);
    expect([get('revenue', 'C000002'), get('gross_margin', 'C000002'), get('gross_margin_pct', 'C000002')]).toEqual([60_000, 18_000, 30]);
    expect([get('orders', 'C000001'), get('order_lines', 'C000001'), get('return_lines', 'C000001')]).toEqual([120, 600, 30]);
    expect([get('cts_order', 'C000001'), get('cts_lines', 'C000001'), get('cts_returns', 'C000001')]).toEqual([3_000, 900, 360]);
    expect([get('cts_order', 'C000002'), get('cts_lines', 'C000002'), get('cts_freight', 'C000002'), get('cts_returns', 'C000002')]).toEqual([7_500, 675, 13_500, 720]);
  });

  it('matches DOMAIN totals once the components not in order lines are added (expedites, credit, service)', () => {
    // DOMAIN 1.3: A adds 800 + 3,945 + 2,000; B adds 0 + 740 + 1,500.
    expect(get('cts', 'C000001') + 800 + 3_945 + 2_000).toBe(21_755);
    expect(get('cts', 'C000002') + 740 + 1_500).toBe(24_635);
    expect(get('net_profit', 'C000001')).toBe(60_000 - 15_010);
    expect(get('net_profit', 'C000002')).toBe(18_000 - 22_395);
    expect(get('cts_per_order', 'C000002')).toBeCloseTo(74.65, 10);
    expect(get('cts_pct', 'C000002')).toBeCloseTo(37.325, 10);
    // B has the higher GM% but loses money.
    expect(get('gross_margin_pct', 'C000002')).toBeGreaterThan(get('gross_margin_pct', 'C000001'));
  });

  it('computes order-size, activity, variability and service features', () => {
    expect(get('avg_order_value', 'C000001')).toBe(2_000);
    expect(get('lines_per_order', 'C000002')).toBe(1.5);
    expect(f.months).toBe(12);
    expect(get('active_months', 'C000001')).toBe(12);
    expect(get('order_frequency', 'C000001')).toBe(10);
    expect(get('recency_days', 'C000001')).toBe(0);
    expect(get('lead_time_days', 'C000001')).toBe(1);
    expect(get('on_time_rate', 'C000001')).toBe(1);
    expect(get('returns_rate', 'C000001')).toBeCloseTo(30 / 630, 12);
    // A orders 10 per month of 5 lines, units 2 on 30 lines (all in the first 6 orders → January): not flat.
    // Sample standard deviation (n − 1 = 11) of the 12 monthly values, over their mean 5/12.
    expect(get('demand_cv', 'C000003')).toBeCloseTo(Math.sqrt((5 * (1 - 5 / 12) ** 2 + 7 * (5 / 12) ** 2) / 11) / (5 / 12), 12);
    expect(f.categorical.xyz_class[f.ids.indexOf('C000003')]).toBe('Z');
    // 70/25/5: A's GM starts at 0% (A), B's at 76.9% (≥ 70%, < 95%: B), C's at 99.97% (C).
    expect(f.categorical.abc_class).toEqual(['A', 'B', 'C']);
  });

  it('rolls customers up to parent accounts', () => {
    const p = features(workedExample(), { level: 'parent' }).f;
    expect(p.ids).toEqual(['P1', 'C000003']);
    expect(p.columns.revenue[0]).toBe(300_000);
    expect(p.columns.orders[0]).toBe(420);
    expect(p.idColumn).toBe('parent_id');
  });
});

describe('buildCustomerFeatures with the UCI layout (no cost, no freight, no ship dates)', () => {
  const text = ['InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID,Country', '536365,85123A,6,12/1/2010 8:26,2.55,17850,United Kingdom', '536366,22633,6,12/13/2010 8:28,1.85,17850,United Kingdom', 'C536379,D,-1,12/14/2010 9:41,27.5,17850,United Kingdom', '536367,84879,32,12/1/2010 8:34,1.69,13047,United Kingdom'].join('\n');
  const { f, report } = features(text);

  it('produces features and lists the cost-based ones as unavailable with the columns that enable them', () => {
    // Since 8.18 stock code D is a discount, not a product return, and cost to serve needs no freight column.
    expect(report.returnRows).toBe(0);
    expect(f.ids).toEqual(['17850', '13047']);
    expect(f.columns.revenue[0]).toBeCloseTo(6 * 2.55 + 6 * 1.85, 10);
    expect(f.columns.discounts[0]).toBe(27.5);
    expect(f.columns.cts_order[0]).toBe(50);
    const missing = Object.fromEntries(f.unavailable.map((u) => [u.feature, u.needs]));
    expect(missing).toEqual({
      gross_margin: ['unit_cost'], gross_margin_pct: ['unit_cost'], margin_contribution_pct: ['unit_cost'], cts_freight: ['shipping_cost'],
      net_profit: ['unit_cost'], freight_imputed_share: ['shipping_cost'], lead_time_days: ['ship_date'], on_time_rate: ['ship_date', 'promised_date'],
    });
    expect(f.numericColumns).toContain('cts');
    expect(f.columns.cts[0]).toBe(2 * 25 + 2 * 1.5);
    expect(f.issues.some((i) => i.code === 'abc-by-revenue')).toBe(true);
    expect(f.unavailable.find((u) => u.feature === 'net_profit')?.note).toBe('net_profit needs a unit_cost column.');
  });
});

describe('returns routing switched off', () => {
  it('keeps a negative quantity signed on a sale line so revenue nets', () => {
    const text = ['order_id,customer_id,order_date,qty,unit_price', 'SO1,C1,2024-01-02,5,10', 'CSO1,C1,2024-01-03,-2,10'].join('\n');
    const on = features(text).f;
    const off = features(text, {}, { disabled: ['returns'] }).f;
    expect(on.columns.revenue[0]).toBe(30);
    expect(on.columns.orders[0]).toBe(1);
    expect(off.columns.revenue[0]).toBe(30);
    expect(off.columns.orders[0]).toBe(2);
    expect(off.columns.units[0]).toBe(3);
  });
});

describe('whaleCurve', () => {
  it('peaks above 100% when loss-makers exist (hand-checked)', () => {
    const w = whaleCurve([20, -10, 100, -20, 50, NaN]);
    expect(w.mode).toBe('relative');
    expect(w.customers).toBe(5);
    expect(w.skipped).toBe(1);
    expect(w.peak).toBeCloseTo(170 / 140, 12);
    expect(w.customersAtPeak).toBe(3);
    expect(w.tailLoss).toBeCloseTo(30 / 140, 12);
    expect(w.y[5]).toBeCloseTo(1, 12);
    expect([...w.x]).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it('switches to absolute profit when total profit ≤ 0', () => {
    const w = whaleCurve([10, -20]);
    expect(w.mode).toBe('absolute');
    expect([...w.y]).toEqual([0, 10, -10]);
    expect(w.peak).toBe(10);
    expect(w.tailLoss).toBe(20);
  });
});
