import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/segmentation-config.ts';
import { tierbook } from './tierbook.ts';

/**
 * 60 customers in three groups around (0,0), (6,0) and (0,6), with a spread wide enough that
 * some resamples and weight steps move a few customers, in interleaved file order.
 */
function customersCsv(): string {
  const rows = ['customer_id,x,y'];
  const centres = [[0, 0], [6, 0], [0, 6]];
  for (let i = 0; i < 60; i++) {
    const [cx, cy] = centres[i % 3];
    rows.push(`c${i},${(cx + ((i * 7) % 11) * 0.35).toFixed(2)},${(cy + ((i * 5) % 13) * 0.3).toFixed(2)}`);
  }
  return `${rows.join('\n')}\n`;
}

describe('tierbook run segmentation --set robustness=on', () => {
  it('runs section 7 and writes robustness.json with what tierbook stability --json prints for the same settings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-robustness-'));
    const data = join(dir, 'customers.csv');
    await writeFile(data, customersCsv());
    const set = ['features=x,y', 'transform=none', 'scaling=zscore', 'k=3', 'seed=7', 'replicates=20', 'holdoutFit=75', 'weightSteps=0.1,0.3'];
    const run = await tierbook('run', 'segmentation', '--data', data, '--out', join(dir, 'out'), ...set.flatMap((s) => ['--set', s]), '--set', 'robustness=on');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('robustness.json');
    const written = await readFile(join(dir, 'out', 'robustness.json'), 'utf8');
    const command = await tierbook('stability', data, '--features', 'x,y', '--transform', 'none', '--scale', 'zscore', '--k', '3', '--seed', '7', '--replicates', '20', '--holdout', '0.25', '--steps', '0.1,0.3', '--json');
    expect(command.code).toBe(0);
    expect(written).toBe(command.stdout);
    const report = JSON.parse(written);
    expect(report).toMatchObject({ rows: 60, features: ['x', 'y'], k: 3, bootstrap: { replicates: 20 }, holdout: { share: 0.25 } });
    expect(report.sensitivity.weights.map((w: { change: number }) => w.change)).toEqual([-0.3, -0.1, 0.1, 0.3, -0.3, -0.1, 0.1, 0.3]);

    // the config carries the evidence, assignments.csv the confidence
    const config = loadConfig(JSON.parse(await readFile(join(dir, 'out', 'config.json'), 'utf8')));
    expect(config.robustness?.bootstrap?.replicates).toBe(20);
    expect(config.robustness?.bootstrap?.clusters.map((c) => c.meanJaccard)).toEqual(report.bootstrap.clusters.map((c: { meanJaccard: number }) => c.meanJaccard));
    expect(config.robustness?.holdout?.share).toBe(0.25);
    expect(config.robustness?.sensitivity?.pass).toBe(report.sensitivity.pass);
    const lines = (await readFile(join(dir, 'out', 'assignments.csv'), 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('customer_id,cluster,confidence');
    expect(lines).toHaveLength(61);
    for (const line of lines.slice(1)) {
      const c = Number(line.split(',')[2]);
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
    }
  }, 60_000);

  it('without it, writes neither robustness.json nor a confidence column; refuses a bad switch', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-robustness-'));
    const data = join(dir, 'customers.csv');
    await writeFile(data, customersCsv());
    const base = ['run', 'segmentation', '--data', data, '--set', 'features=x,y', '--set', 'k=3'];
    const off = await tierbook(...base, '--out', join(dir, 'off'), '--set', 'robustness=off');
    expect(off.code).toBe(0);
    expect(off.stdout).not.toContain('robustness.json');
    expect((await readFile(join(dir, 'off', 'assignments.csv'), 'utf8')).split('\n')[0]).toBe('customer_id,cluster');
    const bad = await tierbook(...base, '--out', join(dir, 'bad'), '--set', 'robustness=yes');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('invalid robustness: "yes" (expected on or off)');
  }, 60_000);
});
