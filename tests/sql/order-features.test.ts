import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { sampleOrdersCsv } from '../../src/data/synthetic/sample-orders.ts';
import { generateOrders, ordersToCsv } from '../../src/data/synthetic/synthetic-orders.ts';
import { importData, type ImportedData } from '../../src/data/import-data.ts';
import type { DataImportSpec } from '../../src/data/import-spec.ts';
import { orderFeatureCtes, orderFeatureOptions, SQL_FEATURES } from '../../src/sql/order-features.ts';
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
const EXACT = new Set(['orders', 'order_lines', 'units', 'active_months', 'order_frequency', 'recency_days', 'lines_per_order', 'cts_order', 'cts_lines', 'cts_returns', 'return_lines', 'returns_rate', 'returns_before_window', 'lead_time_days', 'on_time_rate']);
const RELATIVE = 1e-12;

interface Case {
  js: ImportedData;
  sql: Record<string, unknown[]>;
  excluded: Record<string, number>;
}

let con: DuckDBConnection;
let dir = '';

/** Runs both paths on one CSV text; `keep` selects columns (DuckDB writes the subset file both read). */
async function both(name: string, csv: string, spec: DataImportSpec = {}, keep?: string[]): Promise<Case> {
  const path = join(dir, `${name}.csv`);
  await writeFile(path, csv);
  await con.run(`CREATE OR REPLACE TABLE raw AS SELECT ${keep ? keep.join(', ') : '*'} FROM read_csv('${path}', all_varchar = true, header = true)`);
  if (keep) await con.run(`COPY raw TO '${path}' (HEADER, DELIMITER ',')`);
  const text = await readFile(path, 'utf8');
  const header = text.slice(0, text.indexOf('\n')).split(',');
  const js = await importData(new TextEncoder().encode(text), `${name}.csv`, spec);
  await con.run('CREATE OR REPLACE TABLE order_lines AS SELECT rowid AS _row, * FROM raw');
  const withs = `WITH ${orderFeatureCtes(DIALECTS.duckdb, 'order_lines', orderFeatureOptions(spec, header)).join(',\n')}\n`;
  const sql = await columns(con, `${withs}SELECT * FROM "features"`);
  const counts = await columns(con, `${withs}SELECT "excluded", count(*)::DOUBLE AS "n" FROM "keyed" WHERE "excluded" IS NOT NULL GROUP BY ALL`);
  const excluded = Object.fromEntries(counts.excluded.map((e, i) => [String(e), Number(counts.n[i])]));
  return { js, sql, excluded };
}

const cases: Record<string, Case> = {};
const generated = (seed: number) => ordersToCsv(generateOrders({ seed, customers: 600, lines: 30_000 }));

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tierbook-features-'));
  con = await duckdb();
  cases.sample = await both('sample', sampleOrdersCsv());
  cases['seed 3, as-of 2024-09-30'] = await both('seed3', generated(3), { quality: { dates: { asOf: '2024-09-30' } } });
  cases['seed 5, no line, freight, returned or promised column'] = await both('seed5', generated(5), {}, [
    'order_id', 'customer_id', 'order_date', 'ship_date', 'region', 'channel', 'carrier', 'qty', 'unit_price', 'unit_cost',
  ]);
}, 180_000);

describe.each(['sample', 'seed 3, as-of 2024-09-30', 'seed 5, no line, freight, returned or promised column'])('order lines -> customer features in SQL (DuckDB): %s', (name) => {
  it('excludes the same rows for the same reasons as the quality rules', () => {
    const { js, excluded } = cases[name];
    const want = Object.fromEntries(Object.entries(js.quality?.excluded ?? {}).filter(([, n]) => n > 0));
    expect(excluded).toEqual(want);
  });

  it('has the same customers', () => {
    const { js, sql } = cases[name];
    expect([...(sql.customer_id as string[])].sort()).toEqual([...js.customers.ids].sort());
  });

  it('has every feature the JavaScript path has, within the tolerance in the file header', () => {
    const { js, sql } = cases[name];
    const row = new Map(js.customers.ids.map((id, i) => [id, i]));
    const gm = js.customers.columns.gross_margin;
    const cts = js.customers.columns.cts;
    const compared = SQL_FEATURES.filter((f) => js.customers.columns[f]);
    expect(js.customers.numericColumns.filter((f) => !compared.includes(f as (typeof SQL_FEATURES)[number]))).toEqual([]);
    for (const feature of compared) {
      const col = js.customers.columns[feature];
      (sql.customer_id as string[]).forEach((id, i) => {
        const j = row.get(id) as number;
        const a = col[j];
        const v = sql[feature][i];
        const b = v === null ? NaN : Number(v);
        if (Number.isNaN(a) || Number.isNaN(b)) {
          expect([feature, id, b]).toEqual([feature, id, a]);
          return;
        }
        if (EXACT.has(feature)) expect([feature, id, b]).toEqual([feature, id, a]);
        else {
          const scale = feature === 'net_profit' && gm && cts ? Math.max(Math.abs(gm[j]), Math.abs(cts[j])) : Math.max(Math.abs(a), Math.abs(b));
          expect(Math.abs(a - b), `${feature} of ${id}: ${a} vs ${b}`).toBeLessThanOrEqual(RELATIVE * scale);
        }
      });
    }
  });
});
