import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalMapping, isCanonical } from '../../../src/analytics/cluster/canonical.ts';
import { cluster } from '../../../src/analytics/cluster/cluster.ts';
import { fromRows } from '../../../src/analytics/matrix.ts';

describe('canonicalMapping', () => {
  it('numbers clusters by size, largest first', () => {
    // raw 0 has 1 row, raw 1 has 2, raw 2 has 3
    expect(canonicalMapping([0, 1, 1, 2, 2, 2], 3)).toEqual([2, 1, 0]);
  });

  it('breaks a tie in size by the first row of each cluster, whatever the raw ids', () => {
    // raw 1 appears first (row 0), so it is cluster 0 although its raw id is larger
    expect(canonicalMapping([1, 0, 1, 0], 2)).toEqual([1, 0]);
    expect(canonicalMapping([0, 1, 0, 1], 2)).toEqual([0, 1]);
  });

  it('leaves noise out and puts empty clusters last', () => {
    expect(canonicalMapping([-1, 2, -1, 2, 0], 3)).toEqual([1, 2, 0]);
  });

  it('refuses a label outside 0..k-1', () => {
    expect(() => canonicalMapping([0, 3], 2)).toThrow('invalid label: 3 at row 1 (expected 0..1 or negative for noise)');
  });

  it('does not depend on how the raw clusters were numbered (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 60 }),
        fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
        (labels, perm) => {
          const canonical = (ls: number[]) => {
            const m = canonicalMapping(ls, 5);
            return ls.map((c) => m[c]);
          };
          const renamed = labels.map((c) => perm[c]);
          expect(canonical(renamed)).toEqual(canonical(labels));
          expect(isCanonical(canonical(labels), 5)).toBe(true);
        },
      ),
    );
  });
});

describe('cluster', () => {
  // Three groups of 20, 50 and 30 rows (in that file order), well apart: the largest must become cluster 0.
  const rows: number[][] = [];
  const group = (cx: number, cy: number, n: number) => {
    for (let i = 0; i < n; i++) rows.push([cx + ((i * 7) % 10) / 20, cy + ((i * 3) % 10) / 20]);
  };
  group(0, 10, 20);
  group(0, 0, 50);
  group(10, 0, 30);
  const blobs = { matrix: fromRows(rows) };

  it.each(['kmeans', 'ward'] as const)('%s: ids follow size, largest first', (algorithm) => {
    const r = cluster(blobs.matrix, { algorithm, k: 3, seed: 1 });
    expect(r.sizes).toEqual([50, 30, 20]);
    expect(r.k).toBe(3);
    expect(isCanonical(r.labels, 3)).toBe(true);
    expect(r.inertia).toBeGreaterThan(0);
    expect(r.labels[20]).toBe(0); // the 50-row group
    expect(r.labels[0]).toBe(2); // the 20-row group, first in the file
  });

  it('dbscan: keeps noise as -1 and numbers the clusters canonically', () => {
    const m = fromRows([[0, 0], [0, 0.1], [0, 0.2], [5, 5], [5, 5.1], [5, 5.2], [5, 5.3], [20, 20]]);
    const r = cluster(m, { algorithm: 'dbscan', eps: 0.5, minPoints: 2 });
    expect(Array.from(r.labels)).toEqual([1, 1, 1, 0, 0, 0, 0, -1]);
    expect(r.sizes).toEqual([4, 3]);
    expect(r.noise).toBe(1);
  });

  it('says what to do when k exceeds the rows', () => {
    expect(() => cluster(fromRows([[1], [2]]), { algorithm: 'kmeans', k: 3 })).toThrow(
      'only 2 customers are left to cluster, fewer than k = 3; choose k of at most 2',
    );
  });

  it('refuses an unknown algorithm with the list', () => {
    expect(() => cluster(blobs.matrix, { algorithm: 'kmedoids' as 'kmeans', k: 2 })).toThrow(
      'invalid algorithm: "kmedoids" (expected kmeans, ward or dbscan)',
    );
  });
});
