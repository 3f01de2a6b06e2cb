import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calinskiHarabasz } from '../../src/analytics/metrics/calinski-harabasz.ts';
import { daviesBouldin } from '../../src/analytics/metrics/davies-bouldin.ts';
import { gaussianBlobs } from '../../src/analytics/blobs.ts';
import { inertia } from '../../src/analytics/metrics/inertia.ts';
import { kneeIndex } from '../../src/analytics/choose-k/knee.ts';
import { fromRows } from '../../src/analytics/matrix.ts';
import { sampledSilhouette } from '../../src/analytics/metrics/silhouette-sampled.ts';
import { silhouette } from '../../src/analytics/metrics/silhouette.ts';

// 1-D: A = {0, 1}, B = {5} (one point), C = {10, 12}
const line = fromRows([[0], [1], [5], [10], [12]]);
const lineLabels = [0, 0, 1, 2, 2];

describe('silhouette (exact)', () => {
  it('matches a hand computation, with s = 0 for a one-point cluster', () => {
    // x=0:  a = 1,  b = min(B 5, C (10+12)/2 = 11) = 5        -> (5-1)/5 = 0.8
    // x=1:  a = 1,  b = min(4, (9+11)/2 = 10) = 4             -> (4-1)/4 = 0.75
    // x=5:  one-point cluster                                  -> 0
    // x=10: a = 2,  b = min(A (10+9)/2 = 9.5, B 5) = 5        -> (5-2)/5 = 0.6
    // x=12: a = 2,  b = min(A (12+11)/2 = 11.5, B 7) = 7      -> (7-2)/7 = 5/7
    const s = silhouette(line, lineLabels);
    const expected = [0.8, 0.75, 0, 0.6, 5 / 7];
    s.values.forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(s.mean).toBeCloseTo((0.8 + 0.75 + 0 + 0.6 + 5 / 7) / 5, 12);
    expect(s.perCluster[0]).toBeCloseTo(0.775, 12);
    expect(s).toMatchObject({ sampleSize: 5, exact: true, issues: [] });
  });

  it('leaves noise out and reports it; a single cluster gives 0 with an issue', () => {
    const s = silhouette(line, [0, 0, -1, 2, 2]);
    expect(s.sampleSize).toBe(4);
    expect(Array.from(s.rows)).toEqual([0, 1, 3, 4]);
    expect(s.issues.map((i) => i.code)).toEqual(['noise-ignored']);
    const one = silhouette(line, [0, 0, 0, 0, 0]);
    expect(one.mean).toBe(0);
    expect(one.issues.map((i) => i.code)).toEqual(['single-cluster']);
  });

  it('stays in [-1, 1] and ignores label names (property)', () => {
    const rows = fc.array(
      fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
      {
        minLength: 3,
        maxLength: 40,
      },
    );
    fc.assert(
      fc.property(rows, fc.nat(), (r, seed) => {
        const m = fromRows(r);
        const labels = r.map((_, i) => (i * 7 + seed) % 3);
        const s = silhouette(m, labels);
        for (const v of s.values) expect(Math.abs(v)).toBeLessThanOrEqual(1 + 1e-12);
        const renamed = silhouette(
          m,
          labels.map((l) => [2, 0, 1][l]),
        );
        expect(renamed.mean).toBeCloseTo(s.mean, 12);
        expect(renamed.values).toEqual(s.values);
      }),
    );
  });
});

describe('sampled silhouette', () => {
  it('always includes small clusters and equals the exact value when the sample is everything', () => {
    const { matrix, truth } = gaussianBlobs({ n: 3000, d: 4, centers: 3, seed: 5 });
    const labels = Array.from(truth);
    labels[0] = 9; // a 1-point "Platinum" cluster, plus one of 10 rows
    for (let i = 1; i <= 10; i++) labels[i] = 7;
    const s = sampledSilhouette(matrix, labels, { sampleSize: 300, minPerCluster: 20, seed: 1 });
    const sampled = new Set(Array.from(s.rows, (r) => labels[r]));
    expect([...sampled].sort()).toEqual([0, 1, 2, 7, 9]);
    expect(s.sampleSize).toBe(3 * 100 + 10 + 1 - 0); // proportional 100 per blob (rounded), all of 7 and 9
    expect(s.exact).toBe(false);
    const small = fromRows([[0], [1], [5], [10], [12]]);
    const all = sampledSilhouette(small, lineLabels, { sampleSize: 100 });
    expect(all.exact).toBe(true);
    expect(all.mean).toBeCloseTo(silhouette(small, lineLabels).mean, 12);
  });
});

describe('sampled silhouette accuracy', () => {
  it('estimates the exact mean closely on overlapping blobs (seeded, so deterministic)', () => {
    const { matrix, truth } = gaussianBlobs({ n: 4000, d: 5, centers: 4, spread: 3, seed: 8 });
    const exact = silhouette(matrix, truth).mean;
    const sampled = sampledSilhouette(matrix, truth, { sampleSize: 800, seed: 2 });
    expect(sampled.sampleSize).toBe(800);
    expect(Math.abs(sampled.mean - exact)).toBeLessThan(0.03);
  });
});

describe('Calinski-Harabasz, Davies-Bouldin, inertia', () => {
  // {0, 2} and {10, 12}: centroids 1 and 11, overall mean 6
  const m = fromRows([[0], [2], [10], [12]]);
  const labels = [0, 0, 1, 1];

  it('Calinski-Harabasz by hand', () => {
    // B = 2 * 5^2 + 2 * 5^2 = 100; W = 4 * 1 = 4; CH = (100 / 1) / (4 / (4 - 2)) = 50
    expect(calinskiHarabasz(m, labels)).toBe(50);
  });

  it('Davies-Bouldin by hand', () => {
    // s = mean distance to centroid = 1 for both; centroid distance 10; (1 + 1) / 10 = 0.2
    expect(daviesBouldin(m, labels)).toBeCloseTo(0.2, 15);
  });

  it('inertia by hand', () => {
    expect(inertia(m, labels)).toBe(4);
  });

  it('no metric changes when cluster labels are permuted (property)', () => {
    const { matrix } = gaussianBlobs({ n: 60, d: 3, centers: 4, seed: 3 });
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }),
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        (labels, perm) => {
          const renamed = labels.map((l) => perm[l]);
          expect(calinskiHarabasz(matrix, renamed)).toBeCloseTo(calinskiHarabasz(matrix, labels), 9);
          expect(daviesBouldin(matrix, renamed)).toBeCloseTo(daviesBouldin(matrix, labels), 9);
          expect(inertia(matrix, renamed)).toBeCloseTo(inertia(matrix, labels), 9);
          expect(silhouette(matrix, renamed).mean).toBeCloseTo(silhouette(matrix, labels).mean, 9);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('knee of the elbow curve', () => {
  it('is the point farthest from the chord after scaling both axes to [0, 1]', () => {
    // x -> 0, .25, .5, .75, 1; y -> (y - 20) / 80 = 1, .25, .125, .0625, 0; chord x + y = 1;
    // distances ∝ |x + y - 1| = .5, .375, .1875 -> the knee is k = 3 (index 1)
    expect(kneeIndex([2, 3, 4, 5, 6], [100, 40, 30, 25, 20])).toBe(1);
    expect(kneeIndex([2, 3], [5, 4])).toBe(0);
  });
});
