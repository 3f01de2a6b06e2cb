import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../src/analytics/agreement/ari.ts';
import { gaussianBlobs } from '../../../src/analytics/blobs.ts';
import { fromRows } from '../../../src/analytics/matrix.ts';
import { ward } from '../../../src/analytics/cluster/ward.ts';
import { cutTree, wardLinkage } from '../../../src/analytics/cluster/ward-linkage.ts';

describe('exact Ward', () => {
  // 1-D points 0, 1, 5, 6, 20. Ward distance D = 2 n_a n_b / (n_a + n_b) * |c_a - c_b|^2, height sqrt(D).
  // Merge {0,1} and {5,6} at height 1. A = {0,1} (c 0.5), B = {5,6} (c 5.5), C = {20}:
  // D(A,B) = 2*4/4 * 25 = 50; D(A,C) = 4/3 * 19.5^2 = 507; D(B,C) = 4/3 * 14.5^2 = 280.33 -> merge A,B at sqrt(50).
  // D(AB, C) = 2*4/5 * (20 - 3)^2 = 462.4 (Lance-Williams: (3*507 + 3*280.33 - 50) / 5 = 462.4).
  const line = fromRows([[0], [1], [5], [6], [20]]);

  it('merges as derived on paper (scipy linkage conventions)', () => {
    const merges = wardLinkage(line);
    expect(merges.map((x) => [x.a, x.b, x.size])).toEqual([
      [0, 1, 2],
      [2, 3, 2],
      [5, 6, 4],
      [7, 4, 5],
    ]);
    const heights = merges.map((x) => x.height);
    [1, 1, Math.sqrt(50), Math.sqrt(462.4)].forEach((h, i) => expect(heights[i]).toBeCloseTo(h, 12));
  });

  it('cuts into k clusters', () => {
    expect(Array.from(ward(line, { k: 3 }).labels)).toEqual([0, 0, 1, 1, 2]);
    expect(Array.from(ward(line, { k: 2 }).labels)).toEqual([0, 0, 0, 0, 1]);
    expect(ward(line, { k: 2 })).toMatchObject({ method: 'exact', sizes: [4, 1] });
    expect(Array.from(cutTree(wardLinkage(line), 5, 5))).toEqual([0, 1, 2, 3, 4]);
  });

  it('treats a weight as that many identical points', () => {
    // {0, 0, 5, 5, 20} has zero-height merges first, then the same tree as weights (2, 2, 1) on {0, 5, 20}
    const dup = wardLinkage(fromRows([[0], [0], [5], [5], [20]]));
    const weighted = wardLinkage(fromRows([[0], [5], [20]]), [2, 2, 1]);
    expect(dup.slice(2).map((x) => x.height)).toEqual(weighted.map((x) => x.height));
    expect(weighted.map((x) => x.size)).toEqual([4, 5]);
  });
});

describe('Ward over micro-clusters', () => {
  it('recovers well separated blobs and says which method ran', () => {
    const { matrix, truth } = gaussianBlobs({ n: 3000, d: 4, centers: 4, spread: 0.5, seed: 9 });
    const r = ward(matrix, { k: 4, exactMax: 1000, microClusters: 100 });
    expect(r.method).toBe('micro-clusters(100)');
    expect(adjustedRandIndex(r.labels, truth)).toBe(1);
    expect(r.sizes.reduce((s, x) => s + x, 0)).toBe(3000);
  });
});
