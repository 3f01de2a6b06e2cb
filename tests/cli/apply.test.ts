import { describe, expect, it } from 'vitest';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sampleOrdersCsv } from '../../src/data/synthetic/sample-orders.ts';
import { exportConfigText } from '../../src/config/config-json.ts';
import { configToJson } from '../../src/config/config-json.ts';
import { assignmentsCsv, hashAssignments, type SegmentationConfig } from '../../src/config/segmentation-config.ts';
import { pseudonymiseIds } from '../../src/config/pseudonymise.ts';
import { draftConfig, fixtureLabels, TABLE } from '../config/fixture.ts';
import { tableCsv, tempDir, tierbook, writeFiles } from './governance-helpers.ts';

describe('tierbook apply', () => {
  it('reproduces the assignments of tierbook run byte for byte on the data they were built from (k-means, strategic accounts, excluded outliers)', async () => {
    const dir = await tempDir();
    const sample = join(dir, 'sample-orders.csv');
    await writeFile(sample, sampleOrdersCsv());
    for (const [name, sets] of [
      ['plain', ['--set', 'k=5']],
      ['excluding', ['--set', 'k=3', '--set', 'outliers=exclude', '--set', 'strategicTop=5', '--set', 'w.cts_pct=2']],
    ] as const) {
      const run = await tierbook('run', 'segmentation', '--out', join(dir, name), ...sets);
      expect(run.stderr).toBe('');
      const applied = await tierbook('apply', join(dir, name, 'config.json'), sample, '--out', join(dir, `${name}-applied`));
      expect(applied.stderr).toBe('');
      expect(applied.code).toBe(0);
      const original = await readFile(join(dir, name, 'assignments.csv'), 'utf8');
      expect(await readFile(join(dir, `${name}-applied`, 'assignments.csv'), 'utf8')).toBe(original);
      expect(applied.stdout).toContain('same data as the config: its assignments are reproduced exactly');
      if (name === 'excluding') expect(original).toContain(',strategic\n');
      if (name === 'excluding') expect(original).toMatch(/,\n/);
    }
  }, 120_000);

  it('says so when a Ward config assigns some customers differently from Ward on its own data', async () => {
    const dir = await tempDir();
    const sample = join(dir, 'sample-orders.csv');
    await writeFile(sample, sampleOrdersCsv());
    await tierbook('run', 'segmentation', '--out', join(dir, 'ward'), '--set', 'algorithm=ward', '--set', 'k=4');
    const applied = await tierbook('apply', join(dir, 'ward', 'config.json'), sample, '--out', join(dir, 'out'));
    expect(applied.code).toBe(0);
    expect(applied.stdout).toContain('same data as the config, but the assignments differ from the ones it records');
    const summary = JSON.parse(await readFile(join(dir, 'out', 'apply.json'), 'utf8'));
    expect(summary.issues.join(' ')).toContain('nearest cluster mean');
  }, 60_000);

  it('scores a customer table with tiers and flags values far outside the reference range', async () => {
    const config = await draftConfig();
    const paths = await writeFiles({
      'config.json': await exportConfigText(config),
      'same.csv': tableCsv(),
      // C002's revenue 100x (far above the reference maximum after log1p), C003's cts_pct slightly above
      'new.csv': tableCsv((c, v, row) => (c === 'revenue' && row === 1 ? v * 1e6 : c === 'cts_pct' && row === 2 ? 43 : v)),
    });
    const dir = await tempDir();
    const same = await tierbook('apply', paths['config.json'], paths['same.csv'], '--out', join(dir, 'same'));
    expect(same.code).toBe(0);
    expect(await readFile(join(dir, 'same', 'assignments.csv'), 'utf8')).toBe(assignmentsCsv(TABLE.ids, await fixtureLabels(), 'customer_id'));
    expect(await hashAssignments(TABLE.ids, await fixtureLabels())).toBe(config.assignmentsHash);
    const tiers = (await readFile(join(dir, 'same', 'tiers.csv'), 'utf8')).trim().split('\n');
    expect(tiers[0]).toBe('customer_id,cluster,tier');
    expect(tiers[13]).toBe('C013,strategic,Strategic');
    expect(tiers[16]).toBe('C016,,');
    const shifted = await tierbook('apply', paths['config.json'], paths['new.csv'], '--out', join(dir, 'new'));
    expect(shifted.stdout).toContain('1 values far outside the reference range');
    expect(await readFile(join(dir, 'new', 'flags.csv'), 'utf8')).toBe('customer_id,feature,value,reference_min,reference_max\nC002,revenue,120000000,90,80000\n');
    const summary = JSON.parse(await readFile(join(dir, 'new', 'apply.json'), 'utf8'));
    expect(summary.counts).toEqual({ customers: 16, clustered: 14, strategic: 1, notClustered: 1 });
    expect(summary.outsideRange.find((o: { feature: string }) => o.feature === 'cts_pct')).toEqual({ feature: 'cts_pct', below: 0, above: 1 });
    expect(summary.reproduced).toBeNull();
  });

  it('screens fairness of the top tier by a chosen attribute, with V for every attribute and the caveats', async () => {
    const paths = await writeFiles({ 'config.json': await exportConfigText(await draftConfig()), 'same.csv': tableCsv() });
    const dir = await tempDir();
    const r = await tierbook('apply', paths['config.json'], paths['same.csv'], '--out', dir, '--fairness', 'region');
    expect(r.stderr).toBe('');
    // Gold (the best tier clusters map to): N 3 of 8 (C005, C006, C015) = 0.375, S 2 of 7 = 0.286 -> S 0.762, flagged
    expect(r.stdout).toContain('fairness (favourable: Gold): impact ratio by region: N 1.000, S 0.762; flagged: S');
    expect(r.stdout).toMatch(/Cramér's V \(bias-corrected\), tier x region: \d\.\d{3}/);
    expect(r.stdout).toContain('caveat: A flag is a screening signal, not a finding');
    const fairness = JSON.parse(await readFile(join(dir, 'fairness.json'), 'utf8'));
    expect(fairness.customers).toBe(15);
    expect(fairness.association.map((a: { attribute: string }) => a.attribute)).toEqual(['region', 'channel']);
    const both = await tierbook('apply', paths['config.json'], paths['same.csv'], '--out', dir, '--fairness', 'region', '--favourable', 'Gold,Silver');
    expect(both.stdout).toContain('fairness (favourable: Gold, Silver)');
    const bad = await tierbook('apply', paths['config.json'], paths['same.csv'], '--out', dir, '--fairness', 'size');
    expect(bad.stderr).toBe('tierbook: invalid attribute: "size" (attributes: region, channel)\n');
  });

  it('pseudonymises ids with a key, and refuses a short key', async () => {
    const key = new Uint8Array(32).map((_, i) => i * 7);
    const paths = await writeFiles({ 'config.json': await exportConfigText(await draftConfig()), 'same.csv': tableCsv(), 'short.key': 'abc' });
    await writeFile(join(paths['config.json'], '..', 'team.key'), key);
    const dir = await tempDir();
    const r = await tierbook('apply', paths['config.json'], paths['same.csv'], '--out', dir, '--pseudonym-key', join(paths['config.json'], '..', 'team.key'));
    expect(r.code).toBe(0);
    const lines = (await readFile(join(dir, 'assignments.csv'), 'utf8')).trim().split('\n');
    const expected = await pseudonymiseIds(key, TABLE.ids);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(expected);
    expect(expected[0]).toMatch(/^p-[0-9a-f]{20}$/);
    const short = await tierbook('apply', paths['config.json'], paths['same.csv'], '--out', dir, '--pseudonym-key', paths['short.key']);
    expect(short.code).toBe(1);
    expect(short.stderr).toMatch(/^tierbook: invalid pseudonymisation key: 3 bytes \(expected at least 16/);
  });

  it('refuses a tampered config, a DBSCAN config and data without the features, in one line each', async () => {
    const config = await draftConfig();
    const text = await exportConfigText(config);
    const tampered = text.replace(/"weight": 2/, '"weight": 3');
    expect(tampered).not.toBe(text);
    const dbscan: SegmentationConfig = { ...config, model: { ...config.model, algorithm: 'dbscan', eps: 0.5, minPoints: 3 } };
    const paths = await writeFiles({
      'tampered.json': tampered,
      'dbscan.json': configToJson(dbscan),
      'ok.json': text,
      'data.csv': tableCsv(),
      'other.csv': 'customer_id,revenue\nA,1\nB,2\n',
    });
    const dir = await tempDir();
    const t = await tierbook('apply', paths['tampered.json'], paths['data.csv'], '--out', dir);
    expect(t.code).toBe(1);
    expect(t.stderr).toMatch(/^tierbook: .*tampered\.json: not applied: edited after export; changed: preparation\.features \(see tierbook verify/);
    const d = await tierbook('apply', paths['dbscan.json'], paths['data.csv'], '--out', dir);
    expect(d.stderr).toContain('data.csv: a DBSCAN config cannot be applied to new customers');
    const o = await tierbook('apply', paths['ok.json'], paths['other.csv'], '--out', dir);
    expect(o.stderr).toBe('tierbook: other.csv: the data has no numeric column "cts_pct", "returns_rate", which the config\'s features need (numeric columns: revenue)\n');
    expect((await tierbook('apply', paths['ok.json'])).code).toBe(2);
    expect((await tierbook('apply', paths['ok.json'], paths['data.csv'])).stderr).toBe('tierbook: apply needs --out <dir> for assignments.csv\n');
  });
});
