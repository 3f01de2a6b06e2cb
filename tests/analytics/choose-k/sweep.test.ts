import { describe, expect, it } from 'vitest';
import { gaussianBlobs } from '../../../src/analytics/blobs.ts';
import { kmeans } from '../../../src/analytics/cluster/kmeans.ts';
import { fromRows } from '../../../src/analytics/matrix.ts';
import { meanVariance, sweepK } from '../../../src/analytics/choose-k/sweep.ts';

// three tight, far-apart blobs: every criterion should prefer k = 3
const { matrix } = gaussianBlobs({ n: 600, d: 4, centers: 3, spread: 0.3, seed: 4 });

describe('sweepK', () => {
  it('computes every metric per k and agrees on well separated blobs', () => {
    const r = sweepK(matrix, { kMin: 2, kMax: 6, seed: 1 });
    expect(r.points.map((p) => p.k)).toEqual([2, 3, 4, 5, 6]);
    const best = (key: 'silhouette' | 'calinskiHarabasz', sign = 1) =>
      r.points.reduce((a, b) => (sign * (b[key] as number) > sign * (a[key] as number) ? b : a)).k;
    expect(best('silhouette')).toBe(3);
    expect(best('calinskiHarabasz')).toBe(3);
    expect(
      r.points.reduce((a, b) => ((b.daviesBouldin as number) < (a.daviesBouldin as number) ? b : a)).k,
    ).toBe(3);
    expect(r.kneeK).toBe(3);
    for (const p of r.points) {
      expect(p.silhouetteSampleSize).toBe(600);
      expect(p.sizes.reduce((s, x) => s + x, 0)).toBe(600);
      expect(p.labels.length).toBe(600);
    }
  });

  it('matches k-means run alone with the same seed, restarts and tolerance', () => {
    const r = sweepK(matrix, { kMin: 4, kMax: 4, seed: 2, restarts: 2, metrics: ['inertia'] });
    const alone = kmeans(matrix, { k: 4, seed: 2, restarts: 2, tolerance: 1e-4 * meanVariance(matrix) });
    expect(r.points[0].labels).toEqual(alone.labels);
    expect(r.points[0].inertia).toBe(alone.inertia);
  });

  it('skips metrics not asked for and samples the silhouette above the exact limit', () => {
    const r = sweepK(matrix, {
      kMin: 2,
      kMax: 3,
      metrics: ['inertia', 'silhouette'],
      silhouetteExactMax: 100,
      silhouetteSampleSize: 90,
    });
    expect(r.points[0]).toMatchObject({ calinskiHarabasz: null, daviesBouldin: null });
    expect(r.points[0].silhouetteSampleSize).toBeLessThan(600);
    expect(r.kneeK).toBeNull(); // fewer than 3 points on the curve
    expect(() => sweepK(matrix, { metrics: ['sil' as 'silhouette'] })).toThrow(
      'invalid metric: "sil" (expected inertia, silhouette, ch or db)',
    );
    expect(() => sweepK(fromRows([[0], [1]]), { kMin: 3 })).toThrow('invalid k range');
  });

  it('reports progress up to 1 and stops with an AbortError when cancelled', () => {
    const seen: number[] = [];
    sweepK(matrix, { kMin: 2, kMax: 4, onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    expect(seen[seen.length - 1]).toBe(1);

    const controller = new AbortController();
    let calls = 0;
    const run = () =>
      sweepK(matrix, {
        signal: controller.signal,
        onProgress: () => {
          if (++calls === 2) controller.abort();
        },
      });
    expect(run).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(calls).toBe(2);
  });
});
