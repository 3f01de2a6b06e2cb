import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCustomerFeatures } from '../../src/data/features/customer-features.ts';
import { dataReadme } from '../../src/data/features/data-readme.ts';
import { loadOrderLines } from '../../src/data/quality/load-order-lines.ts';
import { SMALL_SAMPLE_ORDERS_SPEC, loadSampleOrders } from '../../src/data/synthetic/sample-orders.ts';
import { generateOrders } from '../../src/data/synthetic/synthetic-orders.ts';
import { readCustomerTable } from '../../src/data/customers/read-customer-table.ts';

const data = (name: string) => new URL(`../../data/${name}`, import.meta.url);

describe('bundled sample data', () => {
  it('data/README.md is the generated dictionary (run scripts/generate-sample.ts after changing definitions)', () => {
    expect(readFileSync(data('README.md'), 'utf8')).toBe(dataReadme());
  });

  it('sample-customers.csv reads as a clean customer table', () => {
    const t = readCustomerTable(readFileSync(data('sample-customers.csv'), 'utf8'), { fileName: 'sample-customers.csv' });
    expect(t.rowCount).toBe(2000);
    expect(t.issues).toEqual([]);
  });

  it('sample-orders.csv.gz decompresses and every injected defect is found', async () => {
    const bytes = new Uint8Array(readFileSync(data('sample-orders.csv.gz')));
    const { report, lines } = await loadOrderLines(bytes, { fileName: 'sample-orders.csv.gz' });
    const truth = generateOrders(SMALL_SAMPLE_ORDERS_SPEC).counts;
    expect(report.inputRows).toBe(Object.values(truth).reduce((s, x) => s + x, 0));
    expect(report.excluded['exact-duplicate']).toBe(truth['exact-duplicate']);
    expect(report.repaired['shipping-cost']).toBe(truth['missing-shipping']);
    expect(buildCustomerFeatures(lines).rowCount).toBe(500);
  });

  it('loadSampleOrders generates and loads the same data in memory', async () => {
    const { report } = await loadSampleOrders({}, SMALL_SAMPLE_ORDERS_SPEC);
    expect(report.source).toBe('sample-orders.csv');
    expect(report.keptRows).toBeGreaterThan(19_000);
  });
});
