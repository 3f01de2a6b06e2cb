import { describe, expect, it } from 'vitest';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tierbook } from './tierbook.ts';
import { cluster } from '../../src/analytics/cluster/cluster.ts';
import { prepare } from '../../src/analytics/prepare/prepare.ts';
import { loadTable, toCustomerTable } from '../../src/data/index.ts';


async function file(name: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-cluster-'));
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

// Four customers at the corners of a 10 x 1 rectangle: (0,0), (0,1), (10,0), (10,1).
const RECT = 'id,a,b\np1,0,0\np2,0,1\np3,10,0\np4,10,1\n';

describe('tierbook cluster --json', () => {
  it('reports metrics that match a computation on paper', async () => {
    const r = await tierbook('cluster', await file('rect.csv', RECT), '--features', 'a,b', '--k', '2', '--scale', 'none', '--labels', '--json');
    expect(r.stderr).toBe('');
    const out = r.json();
    expect(out.rows).toBe(4);
    expect(out.features).toEqual(['a', 'b']);
    const [res] = out.results;
    // Clusters {p1,p2} and {p3,p4}, centroids (0,.5) and (10,.5).
    expect(res.k).toBe(2);
    expect(res.sizes).toEqual([2, 2]);
    expect(res.labels[0]).toBe(res.labels[1]);
    expect(res.labels[2]).toBe(res.labels[3]);
    expect(res.labels[0]).not.toBe(res.labels[2]);
    // Inertia: every point is 0.5 from its centroid -> 4 x 0.25 = 1.
    expect(res.inertia).toBeCloseTo(1, 12);
    // Silhouette of every point: a = 1 (its partner), b = (10 + sqrt(101)) / 2; s = (b - a) / b.
    const b = (10 + Math.sqrt(101)) / 2;
    expect(res.silhouette).toBeCloseTo((b - 1) / b, 12);
    // CH: B = 2 clusters x 2 points x 5^2 = 100, W = 1 -> (100 / 1) / (1 / (4 - 2)) = 200.
    expect(res.calinskiHarabasz).toBeCloseTo(200, 9);
    // DB: scatter 0.5 in each cluster, centroids 10 apart -> (0.5 + 0.5) / 10 = 0.1.
    expect(res.daviesBouldin).toBeCloseTo(0.1, 12);
    // PCA (n - 1 variances): var(a) = 100/3, var(b) = 1/3 -> ratios 100/101 and 1/101, axes = the columns.
    expect(out.pca.explainedVarianceRatio[0]).toBeCloseTo(100 / 101, 12);
    expect(out.pca.explainedVarianceRatio[1]).toBeCloseTo(1 / 101, 12);
    expect(out.pca.loadings[0][0]).toBeCloseTo(1, 12);
    expect(Math.abs(out.pca.loadings[0][1])).toBeLessThan(1e-12);
  });

  it('applies weights as sqrt(weight) on the scaled column', async () => {
    // With weight 4 on a, a's scaled values double: inertia stays the same (b only), CH's B quadruples.
    const plain = (await tierbook('cluster', await file('r.csv', RECT), '--features', 'a,b', '--k', '2', '--scale', 'none', '--json')).json();
    const weighted = (
      await tierbook('cluster', await file('r.csv', RECT), '--features', 'a,b', '--k', '2', '--scale', 'none', '--weights', 'a=4', '--json')
    ).json();
    expect(weighted.preparation.weights).toEqual({ a: 4, b: 1 });
    expect(weighted.results[0].inertia).toBeCloseTo(plain.results[0].inertia, 12);
    expect(weighted.results[0].calinskiHarabasz).toBeCloseTo(4 * plain.results[0].calinskiHarabasz, 9);
  });

  it('sweeps a range of k, skips unasked metrics, and runs ward and dbscan', async () => {
    const rows = ['id,x,y'];
    // Three tight groups of five around (0,0), (10,0), (0,10), plus one far outlier.
    const centres = [[0, 0], [10, 0], [0, 10]];
    let n = 0;
    for (const [cx, cy] of centres) for (let i = 0; i < 5; i++) rows.push(`c${n++},${cx + (i % 2) * 0.1},${cy + (i % 3) * 0.1}`);
    rows.push(`c${n},50,50`);
    const path = await file('groups.csv', rows.join('\n'));
    const sweep = (await tierbook('cluster', path, '--features', 'x,y', '--k', '2..4', '--scale', 'none', '--metrics', 'inertia,ch', '--json')).json();
    expect(sweep.results.map((r: { k: number }) => r.k)).toEqual([2, 3, 4]);
    expect(sweep.results[0].silhouette).toBeUndefined();
    expect(sweep.results[0].daviesBouldin).toBeUndefined();
    const inertias = sweep.results.map((r: { inertia: number }) => r.inertia);
    expect(inertias[0]).toBeGreaterThan(inertias[1]);
    expect(inertias[1]).toBeGreaterThan(inertias[2]);
    const wardOut = (await tierbook('cluster', path, '--features', 'x,y', '--k', '4', '--scale', 'none', '--algorithm', 'ward', '--json')).json();
    expect([...wardOut.results[0].sizes].sort((a: number, b: number) => a - b)).toEqual([1, 5, 5, 5]);
    const db = (
      await tierbook('cluster', path, '--features', 'x,y', '--scale', 'none', '--algorithm', 'dbscan', '--eps', '1', '--min-points', '3', '--labels', '--json')
    ).json();
    expect(db.results[0].k).toBe(3);
    expect(db.results[0].noise).toBe(1);
    expect(db.results[0].labels[15]).toBeNull(); // the outlier is noise
  });

  it('fails with one clear line for bad flags and files', async () => {
    const path = await file('rect.csv', RECT);
    const cases: [string[], RegExp][] = [
      [['cluster', path, '--features', 'a,b'], /cluster prints JSON only: add --json/],
      [['cluster', path, '--json'], /cluster needs --features/],
      [['cluster', path, '--features', 'a,zz', '--json'], /rect.csv: no numeric column "zz" \(numeric columns: a, b\)/],
      [['cluster', path, '--features', 'a', '--scale', 'zscor', '--json'], /invalid --scale: "zscor" \(expected zscore, minmax, robust or none\)/],
      [['cluster', path, '--features', 'a', '--k', '8..2', '--json'], /invalid --k: "8..2"/],
      [['cluster', path, '--features', 'a', '--k', '9', '--json'], /invalid --k: 9 is more than the 4 rows/],
      [['cluster', path, '--features', 'a', '--weights', 'a=-1', '--json'], /invalid --weights: "a=-1"/],
      [['cluster', path, '--features', 'a', '--algorithm', 'dbscan', '--json'], /dbscan needs --eps/],
      [['cluster', path, '--features', 'a', '--metrics', 'inertia,rand', '--json'], /invalid --metrics: "rand"/],
      [['cluster', '/nope/x.csv', '--features', 'a', '--json'], /cannot read \/nope\/x.csv: no such file/],
    ];
    for (const [argv, pattern] of cases) {
      const r = await tierbook(...argv);
      expect(r.code, argv.join(' ')).not.toBe(0);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stdout).toBe('');
    }
  });

  // Issue 8 point 14: degenerate results say so (JSON `warnings` per k and stderr); scores that
  // are undefined for fewer than two non-empty clusters are null, as scikit-learn refuses them.
  describe('issue 8.14: degenerate results pass as results', () => {
    it('all weights 0: says so, and silhouette, CH and DB are null (never 0)', async () => {
      const r = await tierbook('cluster', await file('rect.csv', RECT), '--features', 'a,b', '--k', '3', '--weights', 'a=0,b=0', '--json');
      expect(r.code).toBe(0);
      const out = r.json();
      expect(out.warnings.join(' ')).toMatch(/Every feature has weight 0/);
      const [res] = out.results;
      expect(res.sizes).toEqual([4, 0, 0]);
      expect(res.clusters).toBe(1);
      expect(res.silhouette).toBeNull();
      expect(res.calinskiHarabasz).toBeNull();
      expect(res.daviesBouldin).toBeNull();
      expect(res.warnings.join(' ')).toMatch(/k = 3 is more than the 1 distinct point in the prepared data: 2 clusters are empty/);
      expect(r.stderr).toMatch(/^tierbook: warning: Every feature has weight 0/m);
      expect(r.stderr).toMatch(/^tierbook: warning: k = 3: .*need at least 2 non-empty clusters/m);
    });

    it('k above the number of distinct points says so and stops instead of reseeding forever', async () => {
      const path = await file('dup.csv', 'id,a,b\np1,0,0\np2,0,0\np3,10,1\np4,10,1\n');
      const r = await tierbook('cluster', path, '--features', 'a,b', '--k', '3', '--scale', 'none', '--json');
      const [res] = r.json().results;
      expect(res.sizes).toEqual([2, 2, 0]);
      expect(res.converged).toBe(true);
      expect(res.warnings).toEqual(['k = 3 is more than the 2 distinct points in the prepared data: 1 cluster is empty.']);
      expect(r.stderr).toBe('tierbook: warning: k = 3: k = 3 is more than the 2 distinct points in the prepared data: 1 cluster is empty.\n');
      // Two non-empty clusters of zero spread: the scores are defined (scikit-learn: CH = 1, DB = 0, silhouette 1).
      expect(res.silhouette).toBe(1);
    });

    it('DBSCAN with 95%+ of customers in one cluster, or 95%+ noise, says so', async () => {
      const rows = ['id,x'];
      for (let i = 0; i < 40; i++) rows.push(`c${i},${i * 0.01}`);
      const tight = await file('tight.csv', rows.join('\n'));
      const one = await tierbook('cluster', tight, '--features', 'x', '--scale', 'none', '--algorithm', 'dbscan', '--eps', '1', '--min-points', '3', '--json');
      const [a] = one.json().results;
      expect(a.sizes).toEqual([40]);
      expect(a.warnings.join(' ')).toMatch(/100% of customers are in one cluster/);
      expect(a.silhouette).toBeNull();
      const spread = ['id,x'];
      for (let i = 0; i < 40; i++) spread.push(`c${i},${i * 10}`);
      spread.push('c40,390.5'); // one pair: a cluster of 2, and 39 of 41 customers (95.1%) are noise
      const sparse = await tierbook('cluster', await file('sparse.csv', spread.join('\n')), '--features', 'x', '--scale', 'none', '--algorithm', 'dbscan', '--eps', '1', '--min-points', '2', '--json');
      const [b] = sparse.json().results;
      expect(b.noise).toBe(39);
      expect(b.warnings.join(' ')).toMatch(/95% of customers are noise/);
      expect(sparse.stderr).toMatch(/^tierbook: warning: dbscan: .*noise/m);
    });

    it('--labels gives the notebook ids: cluster() on the same prepared matrix', async () => {
      const rows = ['id,x,y'];
      // Non-integer values: whole numbers with few distinct values are read as category codes.
      for (let i = 0; i < 60; i++) rows.push(`c${i},${((i * 37) % 11) + 0.25 * (i % 4)},${((i * 17) % 7) + 0.1 * (i % 3)}`);
      const text = rows.join('\n');
      const path = await file('ids.csv', text);
      const r = (await tierbook('cluster', path, '--features', 'x,y', '--k', '4', '--seed', '3', '--labels', '--json')).json();
      const table = toCustomerTable(await loadTable(new TextEncoder().encode(text), { fileName: 'ids.csv' }), {});
      const prepared = prepare(table.columns, { features: ['x', 'y'], transform: 'none', scaling: 'zscore', weights: {} });
      const expected = cluster(prepared.matrix, { algorithm: 'kmeans', k: 4, seed: 3 });
      expect(r.results[0].labels).toEqual([...expected.labels]);
      expect(r.results[0].sizes).toEqual(expected.sizes);
    });
  });
});
