import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { exportConfigText, configToJson } from '../../src/config/config-json.ts';
import { approveConfig, generateSigningKey, keyFingerprint } from '../../src/config/approval.ts';
import { assignmentsCsv, type SegmentationConfig } from '../../src/config/segmentation-config.ts';
import { draftConfig, fixtureLabels, TABLE } from '../config/fixture.ts';
import { tableCsv, tempDir, tierbook, writeFiles } from './governance-helpers.ts';

async function approved(): Promise<{ config: SegmentationConfig; fingerprint: string }> {
  const config = await approveConfig(await draftConfig(), { name: 'Grace Hopper', role: 'Commercial Director', date: '2025-02-01T10:00:00.000Z' }, await generateSigningKey());
  return { config, fingerprint: await keyFingerprint((config.approval as NonNullable<SegmentationConfig['approval']>).publicKey) };
}

describe('tierbook verify', () => {
  it('exits 0 with the verdict for an approved config and for an exported draft', async () => {
    const { config, fingerprint } = await approved();
    const paths = await writeFiles({ 'approved.json': `${JSON.stringify(config)}`, 'draft.json': await exportConfigText(await draftConfig()) });
    const a = await tierbook('verify', paths['approved.json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toContain(`approved.json: approved and intact: approved by Grace Hopper (Commercial Director) on 2025-02-01T10:00:00.000Z`);
    expect(a.stdout).toContain(`key fingerprint: ${fingerprint}`);
    expect((await tierbook('verify', paths['approved.json'], '--trusted-key', fingerprint)).code).toBe(0);
    expect((await tierbook('verify', paths['approved.json'], '--trusted-key', 'a'.repeat(64))).code).toBe(1);
    const d = await tierbook('verify', paths['draft.json'], '--json');
    expect(d.code).toBe(0);
    expect(d.json()).toMatchObject({ verdict: 'draft', intact: true, changedSections: [] });
  });

  it('exits 1 naming the changed sections of an edited config, and for an invalid signature', async () => {
    const { config } = await approved();
    const text = configToJson(config);
    const paths = await writeFiles({
      'centroid.json': text.replace(/("centroids": \[\s*\[\s*)(-?[0-9.e-]+)/, '$10.123'),
      'signature.json': text.replace(/"name": "Grace Hopper"/, '"name": "Grace Murray Hopper"'),
    });
    const c = await tierbook('verify', paths['centroid.json']);
    expect(c.code).toBe(1);
    expect(c.stdout).toContain('edited after approval; changed: model.centroids');
    const s = await tierbook('verify', paths['signature.json'], '--json');
    expect(s.code).toBe(1);
    expect(s.json().verdict).toBe('signature-invalid');
  });

  it('exits 2 for trouble: not JSON, not a config, no such file, a bad flag', async () => {
    const paths = await writeFiles({ 'broken.json': '{"kind":', 'other.json': '{"kind": "something"}' });
    const broken = await tierbook('verify', paths['broken.json']);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/^tierbook: .*broken\.json: not JSON \(.*\)\n$/);
    expect((await tierbook('verify', paths['other.json'])).stderr).toContain('invalid config: kind is "something"');
    expect((await tierbook('verify', join(await tempDir(), 'none.json'))).code).toBe(2);
    expect((await tierbook('verify', paths['broken.json'], '--bogus')).code).toBe(2);
    expect((await tierbook('verify')).code).toBe(2);
  });

  it('archives an approved config with its assignments and looks up a customer history across scoring runs', async () => {
    const { config } = await approved();
    const labels = await fixtureLabels();
    const paths = await writeFiles({
      'approved.json': await exportConfigText(config),
      'draft.json': await exportConfigText(await draftConfig()),
      'assignments.csv': assignmentsCsv(TABLE.ids, labels),
      'wrong.csv': assignmentsCsv(TABLE.ids, labels.map((l) => (l === 0 ? 1 : l))),
      'later.csv': tableCsv((c, v, row) => (c === 'revenue' && row === 0 ? 5000 : c === 'cts_pct' && row === 0 ? 9 : v)),
    });
    const archive = join(await tempDir(), 'archive');
    const a = await tierbook('verify', paths['approved.json'], '--archive', archive, '--assignments', paths['assignments.csv']);
    expect(a.code).toBe(0);
    expect(a.stdout).toMatch(/archived as 2025-02-01-[0-9a-f]{12} in /);
    const draft = await tierbook('verify', paths['draft.json'], '--archive', archive, '--assignments', paths['assignments.csv']);
    expect(draft.code).toBe(2);
    expect(draft.stderr).toContain('not archived: only approved, intact configs are archived');
    const wrong = await tierbook('verify', paths['approved.json'], '--archive', archive, '--assignments', paths['wrong.csv']);
    expect(wrong.stderr).toContain('not archived: these are not the assignments');
    // a later scoring run moves C001 from its small-account cluster to the large-account one
    const out = await tempDir();
    expect((await tierbook('apply', paths['approved.json'], paths['later.csv'], '--out', out, '--archive', archive)).code).toBe(0);
    const index = JSON.parse(await readFile(join(archive, 'index.json'), 'utf8'));
    expect(index.versions.map((v: { kind: string }) => v.kind)).toEqual(['approved', 'scored']);
    const history = await tierbook('diff', '--archive', archive, '--customer', 'C001', '--json');
    expect(history.code).toBe(1);
    const rows = history.json().versions;
    expect(rows.map((r: { tier: string }) => r.tier)).toEqual([config.tierMap?.clusters[labels[0]], config.tierMap?.clusters[labels[4]]]);
    expect(rows[0].approver).toBe('Grace Hopper (Commercial Director)');
    const steady = await tierbook('diff', '--archive', archive, '--customer', 'C013');
    expect(steady.code).toBe(0);
    expect(steady.stdout).toContain('cluster strategic, Strategic');
  });
});
