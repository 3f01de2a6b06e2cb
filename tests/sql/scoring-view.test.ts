import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { main } from '../../src/cli/main.ts';
import { loadConfig, type SegmentationConfig } from '../../src/config/segmentation-config.ts';
import { DIALECTS } from '../../src/sql/dialect.ts';
import { scoringViewSql } from '../../src/sql/scoring-view.ts';
import { tierNamesByCluster } from '../../src/config/tier-map.ts';
import { applyPreparation } from '../../src/analytics/prepare/apply-preparation.ts';
import { assignNearest } from '../../src/analytics/cluster/assign.ts';
import { columns, duckdb } from './duckdb.ts';
import { orderFeaturesSql } from '../../src/sql/order-features.ts';
import { sampleOrdersCsv } from '../../src/data/synthetic/sample-orders.ts';
import { writeFile } from 'node:fs/promises';

let dir = '';
let config: SegmentationConfig;
let con: DuckDBConnection;

async function run(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** The JavaScript path (apply-preparation + assign): cluster number from 1 per row, null when not clustered. */
function jsClusters(c: SegmentationConfig, cols: Record<string, Float64Array>, n: number): (number | null)[] {
  const prepared = applyPreparation(c.preparation, cols);
  const centroids = { n: c.model.centroids.length, d: c.features.length, data: Float64Array.from(c.model.centroids.flat()) };
  const labels = assignNearest(prepared.matrix, centroids);
  const out: (number | null)[] = new Array(n).fill(null);
  prepared.rows.forEach((row, i) => (out[row] = labels[i] + 1));
  return out;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tierbook-sql-'));
  const r = await run('run', 'segmentation', '--set', 'k=5', '--out', dir);
  expect(r.stderr).toBe('');
  config = loadConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
  con = await duckdb();
}, 120_000);

describe('the scoring view on DuckDB', () => {
  it('reproduces the assignments of the bundled sample, 100% (5,000 customers)', async () => {
    await con.run(`CREATE OR REPLACE TABLE customer_features AS SELECT * FROM read_csv('${join(dir, 'features.csv')}', header = true)`);
    await con.run(scoringViewSql(config, { dialect: DIALECTS.duckdb }));
    const got = await columns(con, 'SELECT customer_id, cluster FROM tierbook_segments');
    const lines = (await readFile(join(dir, 'assignments.csv'), 'utf8')).trim().split('\n').slice(1);
    const expected = new Map(lines.map((l) => l.split(',') as [string, string]));
    expect(got.customer_id.length).toBe(5000);
    let agree = 0;
    got.customer_id.forEach((id, i) => {
      const want = expected.get(String(id));
      if ((want === '' ? null : Number(want)) === got.cluster[i]) agree++;
    });
    expect(agree).toBe(5000);
  });

  it('from raw order lines (--from-order-lines): features and scores in one view, the same 5,000 assignments', async () => {
    const path = join(dir, 'sample-orders.csv');
    await writeFile(path, sampleOrdersCsv());
    await con.run(`CREATE OR REPLACE TABLE order_lines AS SELECT * FROM read_csv('${path}', all_varchar = true, header = true)`);
    const sourceSql = orderFeaturesSql(DIALECTS.duckdb, 'order_lines', config.data.import);
    await con.run(scoringViewSql(config, { dialect: DIALECTS.duckdb, view: 'from_lines', sourceSql }));
    const got = await columns(con, 'SELECT customer_id, cluster FROM from_lines');
    const lines = (await readFile(join(dir, 'assignments.csv'), 'utf8')).trim().split('\n').slice(1);
    const expected = new Map(lines.map((l) => l.split(',') as [string, string]));
    expect(got.customer_id.length).toBe(5000);
    const disagree = got.customer_id.filter((id, i) => Number(expected.get(String(id))) !== got.cluster[i]);
    expect(disagree).toEqual([]);
  }, 120_000);

  // A generated table of 1,000,000 customers (a deterministic hash of the row number per feature,
  // spread over about ±3 standard deviations of the fitted scaling, with 1% missing values and
  // some negative values), scored by the view and by the JavaScript path from the same doubles.
  async function million(c: SegmentationConfig, tiers: Record<string, string> | null = null) {
    const feats = c.preparation.features;
    const exprs = feats.map((f, j) => {
      const u = `((hash(i * 31 + ${j}) % 1000003) / 1000003.0)`;
      const t = `(${f.center} + ${f.scale} * (${u} * 6 - 3))`;
      const value = f.transform === 'log1p' ? `exp(${t}) - 1.2` : t;
      return `CASE WHEN hash(i * 17 + ${j}) % 100 = 0 THEN NULL ELSE ${value} END AS "${f.name}"`;
    });
    await con.run(`CREATE OR REPLACE TABLE big AS SELECT i AS customer_id, ${exprs.join(', ')} FROM range(1000000) t(i)`);
    const raw = await columns(con, `SELECT ${feats.map((f) => `"${f.name}"`).join(', ')} FROM big ORDER BY customer_id`);
    const cols: Record<string, Float64Array> = {};
    for (const f of feats) cols[f.name] = Float64Array.from(raw[f.name] as (number | null)[], (v) => (v === null ? NaN : v));
    const want = jsClusters(c, cols, 1_000_000);
    await con.run(scoringViewSql(c, { dialect: DIALECTS.duckdb, source: 'big', view: 'big_segments', tiers }));
    const got = await columns(con, 'SELECT cluster, tier FROM big_segments ORDER BY customer_id'.replace(', tier', tiers ? ', tier' : ''));
    let agree = 0;
    for (let i = 0; i < want.length; i++) if (got.cluster[i] === want[i]) agree++;
    return { agree, want, got };
  }

  it('agrees 100% with apply-preparation + assign on 1,000,000 generated customers', async () => {
    const { agree, want } = await million(config);
    expect(agree).toBe(1_000_000);
    expect(want.filter((x) => x === null).length).toBeGreaterThan(0); // rows with a missing value are left out by both
  }, 120_000);

  it('agrees 100% with winsorized bounds, median imputation and a tier map', async () => {
    const features = config.preparation.features.map((f) => ({ ...f, lower: f.center - 1.5 * f.scale, upper: f.center + 2 * f.scale, impute: f.center }));
    const c = { ...config, preparation: { ...config.preparation, outlierPolicy: 'winsorize' as const, missing: 'median' as const, features } };
    const tiers = tierNamesByCluster({ order: ['Platinum', 'Gold', 'Silver', 'Standard'], clusters: ['Platinum', 'Gold', 'Silver', 'Standard', 'Standard'], strategic: null });
    const { agree, want, got } = await million(c, tiers);
    expect(agree).toBe(1_000_000);
    expect(want.every((x) => x !== null)).toBe(true);
    const names = ['Platinum', 'Gold', 'Silver', 'Standard', 'Standard'];
    for (let i = 0; i < 1000; i++) expect(got.tier[i]).toBe(names[(got.cluster[i] as number) - 1]);
  }, 120_000);

  it('agrees 100% when outliers are excluded (their cluster is NULL on both sides)', async () => {
    const features = config.preparation.features.map((f) => ({ ...f, lower: f.center - 2 * f.scale, upper: f.center + 2 * f.scale }));
    const c = { ...config, preparation: { ...config.preparation, outlierPolicy: 'exclude' as const, features } };
    const { agree, want } = await million(c);
    expect(agree).toBe(1_000_000);
    expect(want.filter((x) => x === null).length).toBeGreaterThan(10_000);
  }, 120_000);
});
