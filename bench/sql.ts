/**
 * The scoring view on DuckDB: 1,000,000 generated customers scored by the view of the sample's
 * config (tests/sql/fixtures/sample-config.json, k = 5, five log1p + z-score features), against
 * the JavaScript path (apply-preparation + assign) on the same doubles. Medians of `runs`.
 *
 *   npm run bench -- --only sql
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { loadConfig } from '../src/config/segmentation-config.ts';
import { DIALECTS } from '../src/sql/dialect.ts';
import { scoringViewSql } from '../src/sql/scoring-view.ts';
import { applyPreparation } from '../src/analytics/prepare/apply-preparation.ts';
import { assignNearest } from '../src/analytics/cluster/assign.ts';

export interface SqlBenchRow {
  case: string;
  size: string;
  medianMs: number;
  note: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

export async function benchSql(o: { runs: number; customers: number; log: (line: string) => void }): Promise<SqlBenchRow[]> {
  const config = loadConfig(JSON.parse(readFileSync(join(import.meta.dirname, '../tests/sql/fixtures/sample-config.json'), 'utf8')));
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  const feats = config.preparation.features;
  const exprs = feats.map((f, j) => `exp(${f.center} + ${f.scale} * (((hash(i * 31 + ${j}) % 1000003) / 1000003.0) * 6 - 3)) - 1.2 AS "${f.name}"`);
  await con.run(`CREATE TABLE customer_features AS SELECT i AS customer_id, ${exprs.join(', ')} FROM range(${o.customers}) t(i)`);
  await con.run(scoringViewSql(config, { dialect: DIALECTS.duckdb }));
  const sqlTimes: number[] = [];
  for (let r = 0; r <= o.runs; r++) {
    const t = performance.now();
    await con.run('CREATE OR REPLACE TABLE scored AS SELECT customer_id, cluster FROM tierbook_segments');
    if (r > 0) sqlTimes.push(performance.now() - t);
  }
  const reader = await con.runAndReadAll(`SELECT ${feats.map((f) => `"${f.name}"`).join(', ')} FROM customer_features ORDER BY customer_id`);
  const raw = reader.getColumnsObjectJS() as Record<string, number[]>;
  const cols = Object.fromEntries(feats.map((f) => [f.name, Float64Array.from(raw[f.name])]));
  const centroids = { n: config.model.centroids.length, d: feats.length, data: Float64Array.from(config.model.centroids.flat()) };
  const jsTimes: number[] = [];
  for (let r = 0; r <= o.runs; r++) {
    const t = performance.now();
    assignNearest(applyPreparation(config.preparation, cols).matrix, centroids);
    if (r > 0) jsTimes.push(performance.now() - t);
  }
  const size = `${o.customers.toLocaleString('en-US')} customers x ${feats.length} features, k = ${centroids.n}`;
  o.log(`scoring view on DuckDB: ${Math.round(median(sqlTimes))} ms; JavaScript path ${Math.round(median(jsTimes))} ms`);
  return [
    { case: `DuckDB scoring view (CREATE TABLE AS SELECT from the view; ${cpus().length} threads)`, size, medianMs: median(sqlTimes), note: '' },
    { case: 'JavaScript path: apply-preparation + assign (one thread)', size, medianMs: median(jsTimes), note: 'columns already in memory' },
  ];
}
