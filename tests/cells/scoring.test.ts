import { describe, expect, it } from 'vitest';
import { driftRule, scoreFile, scoring } from '../../cells/scoring.ts';
import { assignments } from '../../cells/export.ts';
import { approveAction } from '../../cells/governance.ts';
import { generateSigningKey } from '../../src/config/approval.ts';
import { blobsFile, openBlobs } from './fixtures.ts';
import { idle } from '../runtime/helpers.ts';

describe('Score a new file with this config', () => {
  it('gives back the notebook’s assignments on the data the config was built from, with no drift, and leaves the notebook’s data alone', async () => {
    const engine = openBlobs({ k: 4 });
    await engine.run(scoring);
    expect(engine.state(scoring).value).toBeNull(); // no file yet
    engine.setInput(scoreFile, blobsFile());
    await idle(engine);
    await engine.run(scoring);
    const r = engine.state(scoring).value;
    const own = await engine.value(assignments);
    expect(r?.by).toBe('the current config (not approved yet)');
    expect(r?.scored.ids).toEqual(own.ids);
    expect(Array.from(r?.scored.labels ?? [])).toEqual(Array.from(own.labels));
    expect(r?.drift?.triggered).toBe(false);
    expect(r?.drift?.features.every((f) => f.psi < 1e-9)).toBe(true);
    expect(engine.getInput('dataFile')).toMatchObject({ name: 'blobs.csv' });
    engine.dispose();
  });

  it('scores with the approved config, frozen, and fires the trigger on shifted data', async () => {
    const engine = openBlobs({ k: 4 });
    await engine.act(approveAction, { spec: { name: 'Ada', role: 'Reviewer', date: '2025-03-01T09:00:00.000Z' }, keys: await generateSigningKey(), audit: [] });
    engine.setInput('k', 3); // a later change does not alter what the approved config scores
    const shifted = blobsFile(150, 12);
    const text = new TextDecoder().decode(shifted.bytes).replace(/,(-?\d+\.\d+)\n/g, (_m, d: string) => `,${(Number(d) + 40).toFixed(4)}\n`);
    engine.setInput(scoreFile, { name: 'next-quarter.csv', bytes: new TextEncoder().encode(text) });
    await idle(engine);
    await engine.run(scoring);
    const r = engine.state(scoring).value;
    expect(r?.by).toBe('the config approved by Ada on 2025-03-01');
    expect(new Set(r?.scored.labels).size).toBeLessThanOrEqual(4);
    expect(r?.drift?.triggered).toBe(true);
    expect(r?.drift?.reasons.join(' ')).toMatch(/d/);
    expect(r?.scored.far.some((f) => f.feature === 'd')).toBe(true);
    engine.dispose();
  });

  it('keeps the hidden export cells lazy until asked (the config is computed only when scoring runs)', async () => {
    const engine = openBlobs({ k: 4 });
    await idle(engine);
    // The assignments are read by the Tiers section (section 8), so they compute; the config does not.
    expect(['config', 'fingerprint', 'assignments'].map((n) => engine.state(n).status)).toEqual(['idle', 'idle', 'ok']);
    engine.dispose();
  });

  it('refuses a trigger rule it cannot read', () => {
    expect(() => driftRule.parse('feature-psi=abc')).toThrow(/invalid/);
  });
});
