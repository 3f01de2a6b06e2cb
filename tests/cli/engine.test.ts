import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleOrdersCsv } from '../../src/data/synthetic/sample-orders.ts';
import { tierbook } from './tierbook.ts';

// tierbook run --engine duckdb: the customer features come from DuckDB (src/sql/order-features.ts),
// the rest of the notebook is the same. On the bundled sample the two engines agree.
let dir = '';
const read = (engine: string, name: string) => readFile(join(dir, engine, name), 'utf8');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tierbook-engine-'));
  await writeFile(join(dir, 'sample-orders.csv'), sampleOrdersCsv());
  for (const engine of ['javascript', 'duckdb']) {
    const r = await tierbook('run', 'segmentation', '--data', join(dir, 'sample-orders.csv'), '--engine', engine, '--set', 'k=5', '--out', join(dir, engine));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
}, 180_000);

describe('tierbook run --engine duckdb', () => {
  it('gives byte-identical assignments on the sample', async () => {
    expect(await read('duckdb', 'assignments.csv')).toBe(await read('javascript', 'assignments.csv'));
  });

  it('accounts for every row exactly as the JavaScript quality rules do', async () => {
    const [a, b] = [JSON.parse(await read('duckdb', 'quality.json')), JSON.parse(await read('javascript', 'quality.json'))];
    for (const key of ['inputRows', 'keptRows', 'repaired', 'excluded', 'flagged']) expect(a[key], key).toEqual(b[key]);
    for (const key of ['salesRows', 'returnRows', 'freight', 'asOf']) expect(a.report[key], key).toEqual(b.report[key]);
    expect(a.report.lineage.map((s: { rowsOut: number }) => s.rowsOut)).toEqual(b.report.lineage.map((s: { rowsOut: number }) => s.rowsOut));
  });

  it('records the same data fingerprint and model (centroids within 1e-12: feature sums are added in another order)', async () => {
    const [a, b] = [JSON.parse(await read('duckdb', 'config.json')), JSON.parse(await read('javascript', 'config.json'))];
    expect(a.data.fingerprint).toBe(b.data.fingerprint);
    expect(a.model.sizes).toEqual(b.model.sizes);
    a.model.centroids.flat().forEach((x: number, i: number) => expect(Math.abs(x - b.model.centroids.flat()[i])).toBeLessThan(1e-12));
  });

  it('refuses what it cannot do, with one clear line', async () => {
    const withCodes = join(dir, 'with-product-code.csv');
    const [head, ...body] = sampleOrdersCsv().split('\n').slice(0, 200);
    await writeFile(withCodes, [`${head},product_code`, ...body.filter((l) => l).map((l) => `${l},SKU1`)].join('\n'));
    const cases: [string[], RegExp][] = [
      [['run', 'segmentation', '--engine', 'duckdb', '--data', withCodes, '--out', join(dir, 'y')], /non-product lines .* needs the JavaScript engine/],
      [['run', 'segmentation', '--engine', 'duckdb', '--out', dir], /--engine duckdb needs --data/],
      [['run', 'segmentation', '--engine', 'spark', '--data', join(dir, 'sample-orders.csv'), '--out', dir], /invalid --engine: "spark" \(expected javascript or duckdb\)/],
      [['run', 'segmentation', '--engine', 'duckdb', '--data', join(dir, 'nope.csv'), '--out', dir], /cannot read .*nope.csv: no such file/],
      [['run', 'segmentation', '--engine', 'duckdb', '--data', join(dir, 'sample-orders.csv'), '--set', 'rulesOff=exact-duplicates', '--out', join(dir, 'x')], /switched off here: exact-duplicates/],
    ];
    for (const [argv, pattern] of cases) {
      const r = await tierbook(...argv);
      expect(r.code, argv.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(pattern);
    }
  }, 60_000);
});
