import { describe, expect, it } from 'vitest';
import { exportConfigText, configToJson } from '../../src/config/config-json.ts';
import { draftConfig } from '../config/fixture.ts';
import { tableCsv, tierbook, writeFiles } from './governance-helpers.ts';

describe('tierbook drift', () => {
  it('finds no drift on the reference data itself: PSI 0, KS D within the sketch resolution, exit 0', async () => {
    const paths = await writeFiles({ 'config.json': await exportConfigText(await draftConfig()), 'same.csv': tableCsv() });
    const r = await tierbook('drift', paths['config.json'], paths['same.csv'], '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.features.map((f: { feature: string; psi: number }) => [f.feature, f.psi])).toEqual([
      ['revenue', 0],
      ['cts_pct', 0],
      ['returns_rate', 0],
    ]);
    // the reference CDF is rebuilt from 101 percentiles, so D on the same data is at most 0.01, not exactly 0
    for (const f of out.features) expect(f.ks).toBeLessThanOrEqual(0.01 + 1e-12);
    expect(out.segmentMix.psi).toBe(0);
    expect(out).toMatchObject({ triggered: false, reasons: [], rule: { featurePsi: 0.25, segmentPsi: 0.1, ksD: null } });
  });

  it('exits 3 with the reasons when a trigger fires, and follows an edited rule', async () => {
    // every customer's revenue x 30: all of them fall in the top reference bin
    const paths = await writeFiles({ 'config.json': await exportConfigText(await draftConfig()), 'grown.csv': tableCsv((c, v) => (c === 'revenue' ? v * 30 : v)) });
    const r = await tierbook('drift', paths['config.json'], paths['grown.csv'], '--json');
    expect(r.code).toBe(3);
    const out = r.json();
    const revenue = out.features.find((f: { feature: string }) => f.feature === 'revenue');
    expect(revenue.psiBand).toBe('significant');
    expect(revenue.ks).toBeGreaterThan(0.5);
    expect(out.triggered).toBe(true);
    expect(out.reasons[0]).toMatch(/^revenue: PSI \d+(\.\d+)? >= 0\.25$/);
    const off = await tierbook('drift', paths['config.json'], paths['grown.csv'], '--rule', 'feature-psi=off,segment-psi=off');
    expect(off.code).toBe(0);
    expect(off.stdout).toContain('no trigger fired');
    expect(off.stdout).toMatch(/revenue: PSI \d+\.\d{4} \(significant\), KS D/);
  });

  it('refuses a config without reference distributions and a bad rule', async () => {
    const { reference: _r, ...config } = await draftConfig();
    const paths = await writeFiles({ 'old.json': configToJson(config), 'same.csv': tableCsv() });
    const r = await tierbook('drift', paths['old.json'], paths['same.csv']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/old\.json: the config has no reference distributions/);
    const bad = await tierbook('drift', paths['old.json'], paths['same.csv'], '--rule', 'psi=1');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('tierbook: --rule: invalid trigger: "psi" (expected feature-psi, segment-psi or ks-d)\n');
  });
});
