import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportConfigText, configToJson } from '../../src/config/config-json.ts';
import { assignmentsCsv, type SegmentationConfig } from '../../src/config/segmentation-config.ts';
import { draftConfig, fixtureLabels, TABLE } from '../config/fixture.ts';
import { tableCsv, tierbook, writeFiles } from './governance-helpers.ts';

function edited(config: SegmentationConfig): SegmentationConfig {
  const features = config.preparation.features.map((f) => (f.name === 'revenue' ? { ...f, weight: 3 } : f));
  const clusters = [...(config.assignments?.clusters ?? [])];
  const moved = clusters.findIndex((c) => c === 1);
  clusters[moved] = 2;
  return {
    ...config,
    createdAt: '2025-03-01T00:00:00.000Z',
    inputs: { ...config.inputs, k: 4, weights: { cts_pct: 2, revenue: 3 } },
    preparation: { ...config.preparation, features },
    tierMap: config.tierMap && { ...config.tierMap, order: ['Strategic', 'Platinum', 'Silver', 'Bronze'], clusters: config.tierMap.clusters.map((t) => (t === 'Gold' ? 'Platinum' : t)) },
    policies: { ...config.policies, tiers: { ...config.policies?.tiers, Bronze: { leadTimeDays: 7, serviceLevel: 0.9 } } },
    assignments: config.assignments && { ...config.assignments, clusters },
  };
}

describe('tierbook diff', () => {
  it('exits 0 for the same segmentation, even re-exported later and re-serialised', async () => {
    const config = await draftConfig();
    const paths = await writeFiles({ 'a.json': await exportConfigText(config), 'b.json': JSON.stringify({ ...config, createdAt: '2030-01-01T00:00:00.000Z' }) });
    const r = await tierbook('diff', paths['a.json'], paths['b.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('same segmentation');
    expect(r.stdout).toContain('note: exported at 2025-01-06T10:00:00.000Z and 2030-01-01T00:00:00.000Z');
  });

  it('exits 1 listing inputs, weights, tiers, policies and the customers who moved', async () => {
    const config = await draftConfig();
    const next = edited(config);
    const paths = await writeFiles({ 'old.json': configToJson(config), 'new.json': configToJson(next) });
    const r = await tierbook('diff', paths['old.json'], paths['new.json']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('inputs:\n  ~ inputs.k: 3 -> 4\n  + inputs.weights.revenue: 3\n');
    expect(r.stdout).toContain('weights:\n  ~ weights.revenue: 1 -> 3\n');
    expect(r.stdout).toContain('tiers:\n');
    expect(r.stdout).toContain('~ tierMap.order: ["Strategic","Gold","Silver","Bronze"] -> ["Strategic","Platinum","Silver","Bronze"]');
    expect(r.stdout).toContain('policies:\n  ~ policies.tiers.Bronze.leadTimeDays: 5 -> 7\n');
    // by tier: every Gold customer is now Platinum, and one customer of cluster 1 moved to cluster 2
    const json = (await tierbook('diff', paths['old.json'], paths['new.json'], '--json')).json();
    expect(json.moved.by).toBe('tier');
    const gold = config.assignments?.clusters.filter((c) => typeof c === 'number' && config.tierMap?.clusters[c - 1] === 'Gold').length ?? 0;
    expect(json.moved.customers.length).toBeGreaterThanOrEqual(gold);
    expect(json.changes.find((c: { path: string }) => c.path === 'weights.revenue')).toEqual({ section: 'weights', path: 'weights.revenue', old: 1, new: 3 });
  });

  it('compares assignments files given with --assignments when the configs do not embed them', async () => {
    const { assignments: _a, ...config } = await draftConfig();
    const labels = await fixtureLabels();
    const moved = Int32Array.from(labels, (l, i) => (i === 0 ? (l + 1) % 3 : l));
    const paths = await writeFiles({
      'a.json': configToJson(config),
      'old.csv': assignmentsCsv(TABLE.ids, labels),
      'new.csv': assignmentsCsv(TABLE.ids, moved),
    });
    const r = await tierbook('diff', paths['a.json'], paths['a.json'], '--assignments', `${paths['old.csv']},${paths['new.csv']}`);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('moved: 1 of 16 customers changed tier\n  C001: ');
  });

  it('with --data, scores both configs on the customers and reports migration and downgrade impact', async () => {
    const config = await draftConfig();
    const current = { ...config, tierMap: config.tierMap && { ...config.tierMap, clusters: ['Bronze', 'Silver', 'Silver'] } };
    const paths = await writeFiles({ 'old.json': configToJson(config), 'new.json': configToJson(current), 'customers.csv': tableCsv() });
    const out = join(paths['old.json'], '..', 'migration');
    const r = await tierbook('diff', paths['old.json'], paths['new.json'], '--data', paths['customers.csv'], '--churn', '0.1', '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('upgrades 0, downgrades 5 (revenue 25,000), stable 66.7% of 15; 0 entered, 0 left');
    expect(r.stdout).toContain('downgrade impact at churn probability 0.1: 5 customers; revenue at risk 2,500 of 25,000; gross margin at risk 500 of 5,000; CTS saved n/a; net n/a');
    // not downgraded: N 5 of 8, S 5 of 7 -> N 0.875; EDI 9 of 13, phone 1 of 2 -> phone 0.5 / 0.692 = 0.722, flagged
    expect(r.stdout).toContain('impact ratio of "not downgraded" by region: N 0.875, S 1.000; flagged: none');
    expect(r.stdout).toContain('impact ratio of "not downgraded" by channel: EDI 1.000, phone 0.722; flagged: phone');
    const csv = (await readFile(join(out, 'downgraded.csv'), 'utf8')).trim().split('\n');
    expect(csv).toHaveLength(6);
    expect(csv[1]).toBe('C006,Gold,Silver,5200,1040,,N,EDI');
    const missing = await tierbook('diff', paths['old.json'], paths['new.json'], '--data', paths['customers.csv']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('diff --data needs --churn <probability>');
  });

  it('exits 2 for trouble', async () => {
    const paths = await writeFiles({ 'a.json': await exportConfigText(await draftConfig()), 'bad.json': '[]', 'bad.csv': 'id,cluster\nA,x\n' });
    const r = await tierbook('diff', paths['a.json'], paths['bad.json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.json: invalid config: the document is an array');
    expect((await tierbook('diff', paths['a.json'])).code).toBe(2);
    const csv = await tierbook('diff', paths['a.json'], paths['a.json'], '--assignments', `${paths['bad.csv']},${paths['bad.csv']}`);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('bad.csv, line 2: cluster "x" is not a cluster number, "strategic" or empty');
    expect((await tierbook('diff', '--archive', 'x')).code).toBe(2);
  });
});
