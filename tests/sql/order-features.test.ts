import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sampleOrdersCsv } from '../../src/data/synthetic/sample-orders.ts';
import { importData, type ImportedData } from '../../src/data/import-data.ts';
import { orderFeatureCtes, SQL_FEATURES } from '../../src/sql/order-features.ts';
import { DIALECTS } from '../../src/sql/dialect.ts';
import { columns, duckdb } from './duckdb.ts';

/**
 * Tolerance per feature, relative to the larger magnitude of the two values. Counts, rates of
 * counts and per-line sums of values with two decimals (freight) come out exactly equal. Sums of
 * products (revenue, gross margin, and what divides them) are added in another order by DuckDB's
 * parallel aggregation than the row order of JavaScript, so they agree to a few units in the
 * 15th digit: 1e-12. Net profit is gross margin minus cost to serve, two sums of similar size, so
 * its relative error grows with that cancellation: it is compared to 1e-12 of max(|gross
 * margin|, |cost to serve|) instead.
 */
const EXACT = new Set(['orders', 'order_lines', 'units', 'active_months', 'order_frequency', 'recency_days', 'lines_per_order', 'cts_order', 'cts_lines', 'cts_returns', 'return_lines', 'returns_rate', 'lead_time_days', 'on_time_rate']);
const RELATIVE = 1e-12;

let js: ImportedData;
let sql: Record<string, unknown[]>;
let excluded: Record<string, number>;

beforeAll(async () => {
  const csv = sampleOrdersCsv();
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-features-'));
  const path = join(dir, 'sample-orders.csv');
  await writeFile(path, csv);
  const header = csv.slice(0, csv.indexOf('\n')).split(',');
  js = await importData(new TextEncoder().encode(csv), 'sample-orders.csv', {});
  const con: DuckDBConnection = await duckdb();
  await con.run(`CREATE TABLE raw AS SELECT * FROM read_csv('${path}', all_varchar = true, header = true)`);
  await con.run('CREATE TABLE order_lines AS SELECT rowid AS _row, * FROM raw');
  const ctes = orderFeatureCtes(DIALECTS.duckdb, 'order_lines', {
    rates: { order: 25, line: 1.5, returnLine: 12 }, minYear: 1990, maxYear: 2090, asOf: null, cancellationPrefix: 'C',
    minGroupSize: 5, qtyBands: [1, 5, 10, 25, 50, 100, 250], columns: new Set(header), allColumns: header,
  });
  const withs = `WITH ${ctes.join(',\n')}\n`;
  sql = await columns(con, `${withs}SELECT * FROM "features"`);
  const counts = await columns(con, `${withs}SELECT "excluded", count(*)::DOUBLE AS "n" FROM "keyed" WHERE "excluded" IS NOT NULL GROUP BY ALL`);
  excluded = Object.fromEntries(counts.excluded.map((e, i) => [String(e), Number(counts.n[i])]));
}, 120_000);

describe('order lines -> customer features in SQL (DuckDB) on the bundled sample', () => {
  it('excludes the same rows for the same reasons as the quality rules', () => {
    const want = Object.fromEntries(Object.entries(js.quality?.excluded ?? {}).filter(([, n]) => n > 0));
    expect(excluded).toEqual(want);
  });

  it('has the same customers', () => {
    expect([...(sql.customer_id as string[])].sort()).toEqual([...js.customers.ids].sort());
  });

  it.each(SQL_FEATURES)('%s equals the JavaScript feature (tolerance in the file header)', (feature) => {
    const col = js.customers.columns[feature];
    expect(col, `${feature} is a JavaScript feature`).toBeDefined();
    const row = new Map(js.customers.ids.map((id, i) => [id, i]));
    const gm = js.customers.columns.gross_margin;
    const cts = js.customers.columns.cts;
    (sql.customer_id as string[]).forEach((id, i) => {
      const j = row.get(id) as number;
      const a = col[j];
      const v = sql[feature][i];
      const b = v === null ? NaN : Number(v);
      if (Number.isNaN(a) || Number.isNaN(b)) {
        expect(b, `${feature} of ${id}`).toBeNaN();
        expect(a, `${feature} of ${id}`).toBeNaN();
        return;
      }
      if (EXACT.has(feature)) expect(b, `${feature} of ${id}`).toBe(a);
      else {
        const scale = feature === 'net_profit' ? Math.max(Math.abs(gm[j]), Math.abs(cts[j])) : Math.max(Math.abs(a), Math.abs(b));
        expect(Math.abs(a - b), `${feature} of ${id}: ${a} vs ${b}`).toBeLessThanOrEqual(RELATIVE * scale);
      }
    });
  });
});
