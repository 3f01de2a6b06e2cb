import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { cluster } from '../../src/analytics/cluster/cluster.ts';
import { prepare } from '../../src/analytics/prepare/prepare.ts';

async function tierbook(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

async function file(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-stability-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

/** Three tight groups of 8 customers around (0,0), (10,0) and (0,10), in interleaved file order, plus one row without x. */
function groupsCsv(): { text: string; x: number[]; y: number[] } {
  const rows = ['id,x,y'];
  const x: number[] = [];
  const y: number[] = [];
  const centres = [[0, 0], [10, 0], [0, 10]];
  for (let i = 0; i < 24; i++) {
    const [cx, cy] = centres[i % 3];
    x.push(cx + (i % 4) * 0.1);
    y.push(cy + (i % 5) * 0.1);
    rows.push(`c${i},${x[i]},${y[i]}`);
  }
  rows.push('c24,,3');
  return { text: rows.join('\n'), x, y };
}

describe('tierbook stability --json', () => {
  it('prints the issue 10 object: bootstrap, sensitivity, holdout and per-customer confidence', async () => {
    const g = groupsCsv();
    const path = await file('groups.csv', g.text);
    const r = await tierbook('stability', path, '--features', 'x,y', '--k', '3', '--replicates', '20', '--labels', '--json');
    expect(r.code).toBe(0);
    const out = r.json();
    expect(Object.keys(out)).toEqual(['rows', 'features', 'k', 'bootstrap', 'sensitivity', 'holdout', 'customers']);
    expect(out).toMatchObject({ rows: 25, features: ['x', 'y'], k: 3 });
    expect(out.bootstrap.replicates).toBe(20);
    expect(out.bootstrap.clusters).toEqual([0, 1, 2].map((c) => ({ cluster: c, size: 8, meanJaccard: 1, dissolved: 0, recovered: 20, band: 'highly-stable' })));
    // 2 features x 4 steps, each as in the issue: {feature, change, ari, shareChanged}
    expect(out.sensitivity.weights).toHaveLength(8);
    expect(out.sensitivity.weights[0]).toEqual({ feature: 'x', change: -0.2, ari: 1, shareChanged: 0 });
    expect(out.sensitivity.dropOne.map((d: { feature: string }) => d.feature)).toEqual(['x', 'y']);
    expect(out.sensitivity.pass).toBe(true);
    // 24 clustered customers, 20% held out -> 5
    expect(out.holdout).toEqual({ share: 0.2, ari: 1 });
    // customers in input order; the row without x is left out of the clustering and counted on stderr
    expect(out.customers).toHaveLength(25);
    expect(out.customers[24]).toEqual({ id: 'c24', cluster: null, confidence: null, alternative: null });
    expect(r.stderr).toContain('tierbook: note:');
    // the cluster ids are the canonical ones (the notebook's and tierbook cluster's for the same options)
    const prepared = prepare({ x: [...g.x, NaN], y: [...g.y, 3] }, { features: ['x', 'y'] });
    const ids = cluster(prepared.matrix, { algorithm: 'kmeans', k: 3, restarts: 4, seed: 0 }).labels;
    expect(out.customers.slice(0, 24).map((c: { cluster: number }) => c.cluster)).toEqual(Array.from(ids));
    for (const c of out.customers.slice(0, 24)) expect(c).toMatchObject({ confidence: 1, alternative: null });
  });

  it('gives byte-identical output for the same seed', async () => {
    const path = await file('g.csv', groupsCsv().text);
    const args = ['stability', path, '--features', 'x,y', '--k', '4', '--replicates', '10', '--steps', '0.15', '--labels', '--json'];
    const a = await tierbook(...args, '--seed', '3');
    const b = await tierbook(...args, '--seed', '3');
    expect(a.stdout).toBe(b.stdout);
    expect(a.json().sensitivity.weights.map((w: { change: number }) => w.change)).toEqual([-0.15, 0.15, -0.15, 0.15]);
    // k = 4 on three groups: one group is cut, and where the cut falls depends on the draw
    expect(a.json().bootstrap.clusters.some((c: { meanJaccard: number }) => c.meanJaccard < 1)).toBe(true);
  });

  it('reports DBSCAN noise as cluster -1, in the bootstrap and per customer', async () => {
    const path = await file('g.csv', `${groupsCsv().text.replace('c24,,3', 'c24,40,40')}\n`);
    const r = await tierbook('stability', path, '--features', 'x,y', '--scale', 'none', '--algorithm', 'dbscan', '--eps', '1', '--min-points', '3', '--replicates', '10', '--labels', '--json');
    expect(r.code).toBe(0);
    const out = r.json();
    expect(out.k).toBe(3);
    expect(out.bootstrap.clusters.at(-1)).toMatchObject({ cluster: -1, size: 1, band: null });
    expect(out.customers[24]).toMatchObject({ id: 'c24', cluster: -1 });
    expect(r.stderr).toContain('tierbook: warning: A replicate keeps about 63% of the customers');
  });

  it('refuses bad command lines with exit 2 and says what to do', async () => {
    const path = await file('g.csv', groupsCsv().text);
    const fails = async (args: string[], message: string) => {
      const r = await tierbook('stability', ...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(message);
      expect(r.stdout).toBe('');
    };
    await fails([path, '--features', 'x,y', '--json'], 'stability needs --k');
    await fails([path, '--features', 'x,y', '--k', '2..4', '--json'], 'invalid --k: "2..4" (stability tests one segmentation: give one k, e.g. --k 4)');
    await fails([path, '--features', 'x,y', '--k', '3'], 'stability prints JSON only: add --json');
    await fails([path, '--features', 'x,y', '--k', '3', '--steps', '0.1,-0.2', '--json'], 'invalid --steps: "-0.2"');
    await fails([path, '--features', 'x,y', '--k', '3', '--holdout', '1', '--json'], 'invalid --holdout: "1" (expected a share between 0 and 1');
    await fails([path, '--features', 'x,y', '--k', '3', '--replicates', '0', '--json'], 'invalid --replicates: "0"');
    await fails([path, '--features', 'x,y', '--k', '3', '--metrics', 'ch', '--json'], 'unknown flag --metrics');
    await fails([path, '--features', 'x,y', '--algorithm', 'dbscan', '--json'], 'dbscan needs --eps');
    await fails([path, '--features', 'x,y', '--k', '3', '--algorithm', 'kmean', '--json'], 'invalid --algorithm: "kmean" (expected kmeans, ward or dbscan)');
    const r = await tierbook('stability', path, '--features', 'x,z', '--k', '3', '--json');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('g.csv: no numeric column "z" (numeric columns: x, y)');
  });

  it('is listed in the help', async () => {
    const r = await tierbook('stability', '--help');
    expect(r.stdout).toContain('tierbook stability <file> --features <a,b,c> --k <n> --json');
    expect((await tierbook('--help')).stdout).toContain('--replicates <n>');
  });
});
