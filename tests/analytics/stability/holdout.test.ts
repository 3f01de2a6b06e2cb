import { describe, expect, it } from 'vitest';
import { cluster, normalizeClusterSpec } from '../../../src/analytics/cluster/cluster.ts';
import { fromRows } from '../../../src/analytics/matrix.ts';
import { assignHeldOut } from '../../../src/analytics/stability/assign-held-out.ts';
import { holdoutValidation } from '../../../src/analytics/stability/holdout.ts';
import { recluster } from '../../../src/analytics/stability/recluster.ts';
import { groups, THREE_BLOBS } from './fixtures.ts';

describe('holdoutValidation', () => {
  it.each([
    ['kmeans', { algorithm: 'kmeans', k: 3 }],
    ['ward', { algorithm: 'ward', k: 3 }],
    ['dbscan', { algorithm: 'dbscan', eps: 3, minPoints: 4 }],
  ] as const)('%s: held-out customers of well separated blobs land in their own cluster (ARI 1)', (_, spec) => {
    const r = holdoutValidation(THREE_BLOBS, { cluster: spec });
    expect(r).toMatchObject({ share: 0.2, heldOut: 18, fitted: 72, ari: 1, shareChanged: 0, fitAri: 1, warmStart: false });
    const base = cluster(THREE_BLOBS, spec).labels;
    expect(Array.from(r.labels)).toEqual(Array.from(r.rows, (i) => base[i]));
    expect(r.assignment.length).toBeGreaterThan(20);
  });

  it('draws the held-out customers from its seed', () => {
    const spec = { cluster: { algorithm: 'kmeans' as const, k: 3 }, share: 0.3 };
    const a = holdoutValidation(THREE_BLOBS, { ...spec, seed: 1 });
    expect(holdoutValidation(THREE_BLOBS, { ...spec, seed: 1 })).toEqual(a);
    expect(holdoutValidation(THREE_BLOBS, { ...spec, seed: 2 }).rows).not.toEqual(a.rows);
    expect(a.heldOut).toBe(27);
    expect(new Set(a.rows).size).toBe(27);
  });

  it('shows degradation where clusters overlap', () => {
    const m = groups([
      { at: [0, 0], n: 100, spread: 1 },
      { at: [1.5, 0], n: 100, spread: 1 },
    ]);
    const r = holdoutValidation(m, { cluster: { algorithm: 'kmeans', k: 2 }, share: 0.5 });
    expect(r.ari).toBeLessThan(1);
    expect(r.ari).toBeGreaterThan(0.5);
  });

  it('refuses a share that leaves too few customers on either side', () => {
    const spec = { cluster: { algorithm: 'kmeans' as const, k: 3 } };
    expect(() => holdoutValidation(THREE_BLOBS, { ...spec, share: 1 })).toThrow('invalid holdout share: 1 (expected a share between 0 and 1');
    expect(() => holdoutValidation(THREE_BLOBS, { ...spec, share: 0.01 })).toThrow('holdout needs at least 2 held-out customers');
    expect(() => holdoutValidation(fromRows([[0], [1], [2], [3]]), { ...spec, share: 0.5 })).toThrow('and 3 to fit on');
  });
});

describe('assignHeldOut', () => {
  const fit = fromRows([[0, 0], [0, 1], [1, 0], [10, 0], [10, 1], [11, 0], [30, 30]]);

  it('k-means: nearest centroid', () => {
    const spec = normalizeClusterSpec({ algorithm: 'kmeans', k: 2 }, fit.n);
    const fitted = recluster(fromRows([[0, 0], [0, 2], [10, 0], [10, 2]]), spec);
    // centroids (0, 1) and (10, 1): x = 4 is nearer the first, x = 6 the second
    const labels = assignHeldOut(fit, fitted, fromRows([[4, 1], [6, 1]]), spec);
    expect(labels[0]).toBe(fitted.labels[0]);
    expect(labels[1]).toBe(fitted.labels[2]);
  });

  it("Ward: least increase of the within-cluster sum of squares, n/(n+1) x squared distance", () => {
    // 1-D: cluster A = 1 customer at 0, cluster B = 9 customers at 10. A new customer at 5.5 is
    // nearer B's centroid (4.5 vs 5.5), but joining A costs 1/2 x 5.5^2 = 15.125 and joining B
    // 9/10 x 4.5^2 = 18.225: Ward puts it in A. At 4.8: A (11.52 vs 24.34); at 7: B (24.5 vs 8.1).
    const spec = normalizeClusterSpec({ algorithm: 'ward', k: 2 }, 10);
    const fitRows = fromRows([[0], ...Array.from({ length: 9 }, () => [10])]);
    const fitted = recluster(fitRows, spec);
    const a = fitted.labels[0];
    const labels = assignHeldOut(fitRows, fitted, fromRows([[4.8], [5.5], [7]]), spec);
    expect(Array.from(labels)).toEqual([a, a, 1 - a]);
  });

  it('DBSCAN: the cluster of the nearest core customer within eps, else noise', () => {
    // core points need 3 neighbours within 1.5 (themselves included): the 3 + 3 corner groups are core, (30, 30) is noise
    const spec = normalizeClusterSpec({ algorithm: 'dbscan', eps: 1.5, minPoints: 3 }, fit.n);
    const fitted = recluster(fit, spec);
    const left = fitted.labels[0];
    const right = fitted.labels[3];
    expect(fitted.labels[6]).toBe(-1);
    const labels = assignHeldOut(fit, fitted, fromRows([[1, 1], [9, 1], [5, 0], [30, 29]]), spec);
    // (30, 29) is within eps of (30, 30), but that one is noise, not core
    expect(Array.from(labels)).toEqual([left, right, -1, -1]);
  });
});
