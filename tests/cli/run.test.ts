import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config/segmentation-config.ts';

async function tierbook(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('tierbook run segmentation', () => {
  it('runs on the bundled order-line sample: config, assignments, quality and features, byte-identical across runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-'));
    const first = await tierbook('run', 'segmentation', '--out', join(dir, 'a'), '--set', 'k=5');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const second = await tierbook('run', 'segmentation', '--out', join(dir, 'b'), '--set', 'k=5');
    expect(second.code).toBe(0);
    const a = await readFile(join(dir, 'a', 'assignments.csv'), 'utf8');
    const b = await readFile(join(dir, 'b', 'assignments.csv'), 'utf8');
    expect(a).toBe(b);
    const lines = a.trim().split('\n');
    expect(lines[0]).toBe('customer_id,cluster');
    expect(lines).toHaveLength(5001);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[1]))).toEqual(new Set(['1', '2', '3', '4', '5']));
    const config = loadConfig(JSON.parse(await readFile(join(dir, 'a', 'config.json'), 'utf8')));
    expect(config.model.k).toBe(5);
    expect(config.inputs.k).toBe(5);
    expect(config.data).toMatchObject({ source: 'sample', rows: 5000, idColumn: 'customer_id', kind: 'order-lines' });
    expect(config.model.sizes.reduce((s, x) => s + x, 0)).toBe(5000);
    expect(config.packages['ml-kmeans']).toMatch(/^\d+\.\d+\.\d+/);
    const quality = JSON.parse(await readFile(join(dir, 'a', 'quality.json'), 'utf8'));
    const excluded = Object.values(quality.excluded as Record<string, number>).reduce((s, x) => s + x, 0);
    expect(quality.keptRows + excluded).toBe(quality.inputRows);
    expect(quality.inputRows).toBeGreaterThan(150_000);
    expect(Object.keys(quality.repaired).length).toBeGreaterThan(0);
    const features = (await readFile(join(dir, 'a', 'features.csv'), 'utf8')).trim().split('\n');
    expect(features).toHaveLength(5001);
    expect(features[0].split(',')).toEqual(expect.arrayContaining(['customer_id', 'revenue', 'cts', 'net_profit', 'cts_pct']));
  }, 60_000);

  it('writes tiers.csv and safety-stock.csv and records the tiering, the policy table and the tier map, with --set for each', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-'));
    const run = await tierbook(
      'run', 'segmentation', '--out', join(dir, 'c'), '--set', 'k=4',
      '--set', 'tierMap.1=Key', '--set', 'tierMap.2=Key', '--set', 'serviceLevel.Key=0.98', '--set', 'leadTimeDays.Key=2', '--set', 'carryingRate=20',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/tiers \(clusters\): .*Key \d+/);
    const config = loadConfig(JSON.parse(await readFile(join(dir, 'c', 'config.json'), 'utf8')));
    expect(config.inputs.tierMap).toEqual({ 1: 'Key', 2: 'Key' });
    expect(config.tiering?.method).toBe('clusters');
    expect(config.tiering?.clusters?.byRank?.slice(0, 2)).toEqual(['Key', 'Key']);
    expect(config.policies).toEqual({ tiers: { Key: { leadTimeDays: 2, serviceLevel: 0.98 } }, carryingRate: 0.2, baselineServiceLevel: 0.95 });
    expect(config.tierMap?.clusters).toHaveLength(4);
    expect(config.tierMap?.clusters.filter((t) => t === 'Key')).toHaveLength(2);
    const tiersCsv = (await readFile(join(dir, 'c', 'tiers.csv'), 'utf8')).trim().split('\n');
    expect(tiersCsv).toHaveLength(5001);
    const safety = (await readFile(join(dir, 'c', 'safety-stock.csv'), 'utf8')).trim().split('\n');
    expect(safety.length).toBeGreaterThan(2);
    expect(safety.slice(1).some((l) => l.startsWith('Key,'))).toBe(true);

    const top = await tierbook('run', 'segmentation', '--out', join(dir, 'd'), '--set', 'k=4', '--set', 'tiering=thresholds', '--set', 'serviceLevel.Gold=0.97');
    expect(top.stderr).toBe('');
    const c2 = loadConfig(JSON.parse(await readFile(join(dir, 'd', 'config.json'), 'utf8')));
    expect(c2.tiering?.method).toBe('thresholds');
    expect(c2.tierMap).toBeUndefined();
    expect(c2.policies?.tiers).toEqual({ Gold: { serviceLevel: 0.97 } });
  }, 120_000);

  it('reads an Online Retail style export through the column mapping, with cost features unavailable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-'));
    const rows = ['InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country'];
    for (let c = 0; c < 12; c++) {
      for (let o = 0; o < 3 + (c % 4); o++) {
        const invoice = 536000 + c * 10 + o;
        for (let l = 0; l < 2; l++) {
          rows.push(`${invoice},2${l}123,ITEM ${l},${1 + ((c + l) % 5) * (c < 6 ? 1 : 20)},2011-0${1 + (o % 9)}-1${c % 10} 10:0${l}:00,${(1.25 + l).toFixed(2)},${12000 + c},United Kingdom`);
        }
      }
    }
    rows.push('C536999,21123,ITEM 0,-2,2011-03-10 10:00:00,1.25,12001,United Kingdom'); // a cancellation
    await writeFile(join(dir, 'retail.csv'), rows.join('\n'));
    const run = await tierbook(
      'run', 'segmentation', '--data', join(dir, 'retail.csv'),
      '--map', 'customer_id=CustomerID,order_id=InvoiceNo,order_date=InvoiceDate,qty=Quantity,unit_price=UnitPrice',
      '--set', 'features=revenue,order_frequency,avg_order_value', '--set', 'k=2', '--out', join(dir, 'out'),
    );
    expect(run.stderr).toBe('');
    const features = (await readFile(join(dir, 'out', 'features.csv'), 'utf8')).trim().split('\n');
    expect(features).toHaveLength(13);
    const header = features[0].split(',');
    expect(header).toContain('revenue');
    // no unit cost: margin and net profit are unavailable; no shipping cost: cost-to-serve comes from the activity rates alone (8.18)
    for (const f of ['gross_margin_pct', 'net_profit', 'cts_freight']) expect(header).not.toContain(f);
    for (const f of ['cts', 'cts_pct']) expect(header).toContain(f);
    const quality = JSON.parse(await readFile(join(dir, 'out', 'quality.json'), 'utf8'));
    expect(quality.inputRows).toBe(rows.length - 1);
    const excluded = Object.values(quality.excluded as Record<string, number>).reduce((s, x) => s + x, 0);
    expect(quality.keptRows + excluded).toBe(quality.inputRows);
    const config = loadConfig(JSON.parse(await readFile(join(dir, 'out', 'config.json'), 'utf8')));
    expect(config.data.kind).toBe('order-lines');
    expect(config.data.import.mapping).toMatchObject({ customer_id: 'CustomerID', order_id: 'InvoiceNo' });
    expect(config.data.import.quality).toMatchObject({ dates: { minYear: 1990, maxYear: 2090 }, returns: { cancellationPrefix: 'C' }, shipping: { minGroupSize: 5 } });
  }, 60_000);

  it('applies weights and features from --set and reads --data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-'));
    // Decimals: whole-number columns with ten or fewer values are read as category codes (data point 8.11).
    const csv = 'id,x,y\n' + Array.from({ length: 40 }, (_, i) => `c${i},${i % 2 ? 10 + (i % 5) : i % 5}.5,${i % 3}.5`).join('\n');
    await writeFile(join(dir, 'small.csv'), csv);
    const run = await tierbook(
      'run', 'segmentation', '--data', join(dir, 'small.csv'), '--set', 'features=x,y', '--set', 'w.x=4', '--set', 'k=2', '--set', 'transform=none', '--set', 'transforms=x=log1p', '--out', join(dir, 'out'),
    );
    expect(run.stderr).toBe('');
    const config = loadConfig(JSON.parse(await readFile(join(dir, 'out', 'config.json'), 'utf8')));
    expect(config.features).toEqual(['x', 'y']);
    expect(config.preparation.features.map((f) => f.weight)).toEqual([4, 1]);
    expect(config.preparation.features.map((f) => f.transform)).toEqual(['log1p', 'none']);
    expect(config.data.source).toBe('small.csv');
    expect(config.data.kind).toBe('customer-table');
    // x splits the customers into odd (10..14) and even (0..4) rows: two clusters of 20
    expect(config.model.sizes).toEqual([20, 20]);
  });

  it('reads semicolon-separated decimal-comma files with the import options', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-'));
    const rows = ['kunde;umsatz;marge'];
    for (let i = 0; i < 30; i++) rows.push(`K${i};${i < 15 ? '1,5' : '100,25'};${(i % 3) + 0.5}`.replace('.', ','));
    await writeFile(join(dir, 'de.csv'), rows.join('\n'));
    const run = await tierbook(
      'run', 'segmentation', '--data', join(dir, 'de.csv'), '--set', 'delimiter=semicolon', '--set', 'decimal=comma',
      '--set', 'features=umsatz,marge', '--set', 'transform=none', '--set', 'k=2', '--out', join(dir, 'out'),
    );
    expect(run.stderr).toBe('');
    const features = (await readFile(join(dir, 'out', 'features.csv'), 'utf8')).trim().split('\n');
    expect(features[1]).toMatch(/^K0,1\.5,0\.5$/);
    const config = loadConfig(JSON.parse(await readFile(join(dir, 'out', 'config.json'), 'utf8')));
    expect(config.data.import).toMatchObject({ delimiter: ';', decimal: ',' });
    expect(config.model.sizes).toEqual([15, 15]);
    const badDate = await tierbook('run', 'segmentation', '--set', 'asOf=31/12/2024', '--out', join(dir, 'x'));
    // Refused where it enters (the --set value), naming the input as typed.
    expect(badDate.stderr).toMatch(/^tierbook: invalid asOf: "31\/12\/2024" \(expected YYYY-MM-DD, e.g. 2024-12-31, or empty\)\n$/);
    const notADay = await tierbook('run', 'segmentation', '--set', 'asOf=2024-02-30', '--out', join(dir, 'x'));
    expect(notADay.stderr).toMatch(/invalid asOf: "2024-02-30"/);
    const bad = await tierbook('run', 'segmentation', '--set', 'columnTypes=qty:number', '--out', join(dir, 'x'));
    expect(bad.stderr).toMatch(/invalid column types: "qty:number" \(expected column=number, column=text or column=date\)/);
    expect(bad.code).toBe(1);
  });

  it('clusters on one feature: a one-dimensional projection, not a crash (issue 7 acceptance)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-'));
    const run = await tierbook('run', 'segmentation', '--set', 'features=revenue', '--out', dir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const config = loadConfig(JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')));
    expect(config.features).toEqual(['revenue']);
    expect(config.pca.explainedVarianceRatio).toEqual([1]);
    expect(config.model.sizes.reduce((s, x) => s + x, 0)).toBe(5000);
    expect((await readFile(join(dir, 'assignments.csv'), 'utf8')).trim().split('\n')).toHaveLength(5001);
  }, 60_000);

  it('refuses a feature the data lacks, naming it, instead of clustering on other columns (issue 8 point 11)', async () => {
    const r = await tierbook('run', 'segmentation', '--set', 'features=revenue,nope', '--out', join(tmpdir(), 'never'));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^tierbook: sample: cell "activeFeatures" failed: Feature "nope" is not a numeric column of this data\. Choose among: orders, .*revenue/);
  }, 60_000);

  it('fails with one clear line and a non-zero exit', async () => {
    const cases: [string[], RegExp, number][] = [
      [['run', 'segmentation', '--set', 'k=99', '--out', 'x'], /^tierbook: invalid k: "99" is not a whole number from 2 to 10\n$/, 1],
      [['run', 'segmentation', '--set', 'k=2.5', '--out', 'x'], /^tierbook: invalid k: "2.5" is not a whole number from 2 to 10\n$/, 1],
      [['run', 'segmentation', '--set', 'seed=1.5', '--out', 'x'], /^tierbook: invalid seed: "1.5" is not a whole number from 0 to 999\n$/, 1],
      [['run', 'segmentation', '--set', 'minPoints=2.5', '--out', 'x'], /^tierbook: invalid minPoints: "2.5" is not a whole number from 2 to 50\n$/, 1],
      [['run', 'segmentation', '--set', 'features=', '--out', 'x'], /^tierbook: invalid features: "" \(choose at least one/, 1],
      [['run', 'segmentation', '--set', 'host=x', '--out', 'x'], /^tierbook: invalid --set: unknown input "host"/, 1],
      [['run', 'segmentation', '--data', 'nope.csv', '--out', 'x'], /^tierbook: cannot read nope.csv: no such file\n$/, 1],
      [['run', 'nope', '--out', 'x'], /^tierbook: unknown notebook "nope" \(notebooks: segmentation\)\n$/, 2],
      [['run', 'segmentation'], /^tierbook: run needs --out <dir> for its outputs\n$/, 2],
      [['run', 'segmentation', '--bogus', '1'], /^tierbook: unknown flag --bogus/, 2],
      [['frobnicate'], /^tierbook: unknown command "frobnicate"/, 2],
    ];
    for (const [argv, pattern, code] of cases) {
      const r = await tierbook(...argv);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
      expect(r.code).toBe(code);
    }
  });

  it('documents every command and flag in --help', async () => {
    const r = await tierbook('--help');
    expect(r.code).toBe(0);
    for (const word of ['run', '--data', '--set', '--out', '--debug', 'w.']) expect(r.stdout).toContain(word);
  });
});
