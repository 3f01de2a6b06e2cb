import { describe, expect, it } from 'vitest';
import { buildCustomerFeatures } from '../../../src/data/features/customer-features.ts';
import { loadOrderLines } from '../../../src/data/quality/load-order-lines.ts';
import { DEFECTS, generateOrders, ordersToCsv, type Defect } from '../../../src/data/synthetic/synthetic-orders.ts';
import { EXCLUSION_REASONS } from '../../../src/data/quality/quality-report.ts';
import { EXCLUDED } from '../../../src/data/quality/ledger.ts';

const data = generateOrders({ seed: 11, customers: 600, lines: 24_000 });
const csv = ordersToCsv(data);

describe('generateOrders', () => {
  it('is deterministic', () => {
    expect(ordersToCsv(generateOrders({ seed: 11, customers: 600, lines: 24_000 }))).toBe(csv);
  });

  it('injects every defect at about its rate on disjoint rows', () => {
    const n = data.rows.length;
    expect(n).toBeGreaterThan(20_000);
    expect(n).toBeLessThan(30_000);
    for (const d of DEFECTS) if (d !== 'clean') expect(data.counts[d], d).toBeGreaterThan(0);
    expect(data.counts['missing-shipping'] / n).toBeCloseTo(0.07, 1);
  });

  it('skews missing shipping costs to one carrier', () => {
    const carrierCol = data.header.indexOf('carrier');
    const missing = data.rows.filter((_, i) => DEFECTS[data.truth[i]] === 'missing-shipping');
    const freightCo = missing.filter((r) => r[carrierCol] === 'FreightCo').length;
    expect(freightCo / missing.length).toBeGreaterThan(0.5);
  });
});

describe('quality rules on generated dirty data', async () => {
  const { report, status } = await loadOrderLines(new TextEncoder().encode(csv), { fileName: 'synthetic.csv' });
  const expected: Record<Defect, [kind: 'excluded' | 'repaired' | 'flagged', key: string] | null> = {
    clean: null,
    'missing-shipping': ['repaired', 'shipping-cost'],
    'id-variant': ['repaired', 'customer-id'],
    'exact-duplicate': ['excluded', 'exact-duplicate'],
    'key-duplicate': ['excluded', 'duplicate-key'],
    'negative-qty': ['repaired', 'returns'],
    'implausible-date': ['excluded', 'implausible-date'],
    'future-date': ['excluded', 'future-date'],
    'ship-before-order': ['excluded', 'ship-before-order'],
    'cost-above-price': ['flagged', 'cost-above-price'],
    'zero-price': ['excluded', 'nonpositive-price'],
    'missing-customer': ['excluded', 'missing-customer-id'],
    'non-numeric-qty': ['excluded', 'non-numeric'],
  };

  it.each(DEFECTS.filter((d) => d !== 'clean'))('finds exactly the injected %s rows', (d) => {
    const [kind, key] = expected[d] as [string, string];
    const counts = report[kind as 'excluded' | 'repaired' | 'flagged'] as Record<string, number>;
    expect(counts[key]).toBe(data.counts[d]);
  });

  it('excludes exactly the rows injected with an excluding defect, for the right reason', () => {
    for (let i = 0; i < status.length; i++) {
      const e = expected[DEFECTS[data.truth[i]]];
      const got = status[i] >= EXCLUDED ? EXCLUSION_REASONS[status[i] - EXCLUDED] : 'kept';
      expect(got, `row ${i + 1}`).toBe(e && e[0] === 'excluded' ? e[1] : 'kept');
    }
  });

  it('accounts for every row and reports nothing else', () => {
    const total = Object.values(report.excluded).reduce((s, x) => s + x, 0);
    expect(report.keptRows + total).toBe(report.inputRows);
    expect(report.inputRows).toBe(data.rows.length);
    expect(report.excluded['missing-value'] + report.excluded['unparseable-date'] + report.excluded['zero-qty']).toBe(0);
    expect(report.asOf.date).toBe('2024-12-31');
  });

  it('builds features for every customer and finds the parent cycles', async () => {
    const { lines } = await loadOrderLines(new TextEncoder().encode(csv), { fileName: 'synthetic.csv' });
    const f = buildCustomerFeatures(lines);
    expect(f.rowCount).toBe(600);
    // Every feature but those of non-product lines, which need a product_code column the sample does not have.
    expect(f.unavailable.map((u) => u.feature)).toEqual(['cts_fees', 'charged_freight', 'discounts', 'adjustments']);
    const p = buildCustomerFeatures(lines, { level: 'parent' });
    expect(p.issues.find((i) => i.code === 'parent-cycle')?.count).toBe(4);
    expect(p.rowCount).toBeLessThan(600);
    const share = f.columns.cts_pct;
    const median = [...share].sort((a, b) => a - b)[300];
    expect(median).toBeGreaterThan(3);
    expect(median).toBeLessThan(60);
  });
});
