import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dbscan } from '../../../src/analytics/cluster/dbscan.ts';
import { kDistance } from '../../../src/analytics/cluster/k-distance.ts';
import { buildKdTree, kthNeighbourDistance, rangeQuery, within } from '../../../src/analytics/cluster/kdtree.ts';
import { fromRows, type Matrix } from '../../../src/analytics/matrix.ts';

const pts = (xs: number[]) => fromRows(xs.map((x) => [x]));

describe('dbscan on hand-made sets', () => {
  it('finds two clusters with borders and one noise point', () => {
    // eps 1.5, minPoints 3 (the point itself counted): 1 has {0,1,2} -> core; 0 and 2 have 2 -> border.
    // Same for 11 among {10,11,12}. 50 has only itself -> noise.
    const r = dbscan(pts([0, 1, 2, 10, 11, 12, 50]), { eps: 1.5, minPoints: 3 });
    expect(Array.from(r.labels)).toEqual([0, 0, 0, 1, 1, 1, -1]);
    expect(Array.from(r.core)).toEqual([0, 1, 0, 0, 1, 0, 0]);
    expect(r).toMatchObject({
      clusters: 2,
      sizes: [3, 3],
      coreCount: 2,
      noiseCount: 1,
      method: 'kd-tree',
      issues: [],
    });
  });

  it('counts a neighbour at exactly eps (inclusive, as scikit-learn)', () => {
    const r = dbscan(pts([0, 1, 2]), { eps: 1, minPoints: 3 });
    expect(Array.from(r.labels)).toEqual([0, 0, 0]);
    expect(r.coreCount).toBe(1);
  });

  it('warns when nearly all or nearly no points are core', () => {
    const dense = pts(Array.from({ length: 40 }, (_, i) => i * 0.01));
    expect(dbscan(dense, { eps: 1, minPoints: 3 }).issues.map((i) => i.code)).toEqual(['nearly-all-core']);
    const sparse = pts(Array.from({ length: 40 }, (_, i) => i * 10));
    const r = dbscan(sparse, { eps: 1, minPoints: 2 });
    expect(r.noiseCount).toBe(40);
    expect(r.issues[0].message).toBe(
      'Only 0% of customers are core points: eps is probably too small (or minPoints too large), so most are noise.',
    );
  });

  it('validates eps and minPoints', () => {
    expect(() => dbscan(pts([0]), { eps: 0 })).toThrow('invalid eps: 0 (expected a number > 0)');
    expect(() => dbscan(pts([0]), { eps: 1, minPoints: 0 })).toThrow('invalid minPoints: 0');
  });
});

describe('kDistance', () => {
  it('sorts the distance to the k-th nearest other point', () => {
    // 0,1,3,7: nearest others 1,1,2,4; second nearest: 0 -> 3, 1 -> 2, 3 -> 3, 7 -> 6
    expect(Array.from(kDistance(pts([0, 1, 3, 7]), 1))).toEqual([1, 1, 2, 4]);
    expect(Array.from(kDistance(pts([0, 1, 3, 7]), 2))).toEqual([2, 3, 3, 6]);
  });

  it('samples rows above sampleSize but searches neighbours among all rows', () => {
    // 0..99: every row's nearest other row is at distance 1, so any sample gives all ones
    const line = pts(Array.from({ length: 100 }, (_, i) => i));
    const curve = kDistance(line, 1, { sampleSize: 10, seed: 3 });
    expect(Array.from(curve)).toEqual(new Array(10).fill(1));
    expect(() => kDistance(line, 100)).toThrow('invalid k: 100 (expected a whole number from 1 to 99)');
  });
});

function bruteDbscan(m: Matrix, eps: number, minPoints: number): Int32Array {
  const near = (i: number) => {
    const out: number[] = [];
    for (let j = 0; j < m.n; j++) {
      let s = 0;
      for (let t = 0; t < m.d; t++) s += (m.data[i * m.d + t] - m.data[j * m.d + t]) ** 2;
      if (s <= eps * eps) out.push(j);
    }
    return out;
  };
  const core = Array.from({ length: m.n }, (_, i) => near(i).length >= minPoints);
  const labels = new Int32Array(m.n).fill(-1);
  let c = 0;
  for (let i = 0; i < m.n; i++) {
    if (!core[i] || labels[i] >= 0) continue;
    labels[i] = c;
    const queue = [i];
    while (queue.length) {
      for (const j of near(queue.shift() as number)) {
        if (labels[j] >= 0) continue;
        labels[j] = c;
        if (core[j]) queue.push(j);
      }
    }
    c++;
  }
  return labels;
}

describe('k-d tree queries agree with brute force (property)', () => {
  const cloud = fc.array(fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 3, maxLength: 3 }), {
    minLength: 2,
    maxLength: 120,
  });

  it('range and k-nearest queries', () => {
    fc.assert(
      fc.property(cloud, fc.integer({ min: 1, max: 8 }), (rows, eps) => {
        const m = fromRows(rows);
        const tree = buildKdTree(m, 4);
        const q = rangeQuery();
        const best = new Float64Array(1);
        for (let i = 0; i < m.n; i++) {
          const found = Array.from(q.rows.subarray(0, within(tree, q, i, eps * eps))).sort((a, b) => a - b);
          const expected = rows.flatMap((r, j) =>
            r.reduce((s, v, t) => s + (v - rows[i][t]) ** 2, 0) <= eps * eps ? [j] : [],
          );
          expect(found).toEqual(expected);
          const nearest = Math.min(
            ...rows.filter((_, j) => j !== i).map((r) => r.reduce((s, v, t) => s + (v - rows[i][t]) ** 2, 0)),
          );
          expect(kthNeighbourDistance(tree, q, i, 1, best)).toBe(nearest);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('dbscan equals a brute-force DBSCAN', () => {
    fc.assert(
      fc.property(
        cloud,
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        (rows, eps, minPoints) => {
          const m = fromRows(rows);
          expect(dbscan(m, { eps, minPoints }).labels).toEqual(bruteDbscan(m, eps, minPoints));
        },
      ),
      { numRuns: 200 },
    );
  });
});
