import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignNearest } from '../../../src/analytics/cluster/assign.ts';
import { gaussianBlobs } from '../../../src/analytics/blobs.ts';
import { initialCenters, kmeans, normalizeKMeans } from '../../../src/analytics/cluster/kmeans.ts';
import { kmeansReference } from '../../../src/analytics/cluster/kmeans-reference.ts';
import { lloyd } from '../../../src/analytics/cluster/lloyd.ts';
import { fromRows, type Matrix } from '../../../src/analytics/matrix.ts';

const line = fromRows([[0], [1], [10], [11]]);

describe('kmeans on a hand-checkable line', () => {
  it('runs Lloyd steps as derived on paper', () => {
    // start 0 | 1: step 1 labels [0,1,1,1] -> centres 0, 22/3; step 2 labels [0,0,1,1] -> 0.5, 10.5;
    // step 3 same labels -> centres unchanged -> converged. inertia = 4 * 0.5^2 = 1
    const r = kmeans(line, { k: 2, init: [[0], [1]] });
    expect(Array.from(r.labels)).toEqual([0, 0, 1, 1]);
    expect(Array.from(r.centroids.data)).toEqual([0.5, 10.5]);
    expect(r).toMatchObject({ inertia: 1, iterations: 3, converged: true, sizes: [2, 2], issues: [] });
  });

  it('reseeds an empty cluster at the farthest point and reports it', () => {
    // start 0 | 0: ties go to centre 0, so centre 1 is empty; squared distances 0,1,100,121 -> reseed at 11.
    // centres 5.5, 11 -> labels [0,0,1,1] -> 0.5, 10.5 -> unchanged -> converged after 3 steps
    const r = kmeans(line, { k: 2, init: [[0], [0]] });
    expect(Array.from(r.labels)).toEqual([0, 0, 1, 1]);
    expect(Array.from(r.centroids.data)).toEqual([0.5, 10.5]);
    expect(r.iterations).toBe(3);
    expect(r.issues.map((i) => i.code)).toEqual(['empty-cluster']);
  });

  it('warm-starts from previous centroids: one step, same clustering', () => {
    // from the converged centres 0.5 | 10.5 the first step reproduces them exactly (shift 0)
    const first = kmeans(line, { k: 2, init: [[0], [1]] });
    const warm = kmeans(line, { k: 2, init: first.centroids, restarts: 5 });
    expect(warm.labels).toEqual(first.labels);
    expect(warm.centroids).toEqual(first.centroids);
    expect(warm).toMatchObject({ iterations: 1, converged: true, restart: 0 });
  });

  it('assigns new rows to the nearest centroid', () => {
    const centroids = fromRows([[0.5], [10.5]]);
    expect(Array.from(assignNearest(fromRows([[-3], [5.4], [5.6], [100]]), centroids))).toEqual([0, 0, 1, 1]);
  });

  it('validates its spec', () => {
    expect(() => kmeans(line, { k: 0 })).toThrow('invalid k: 0 (expected a whole number from 1 to 4)');
    expect(() => kmeans(line, { k: 2, init: [[0]] })).toThrow('invalid init');
  });
});

describe('kmeans fast path vs ml-kmeans 7.0.1 (reference)', () => {
  it('gives identical labels and centroids from the same starts (exactly equal, default tolerance)', () => {
    const { matrix } = gaussianBlobs({ n: 3000, d: 8, centers: 6, spread: 3, seed: 7 });
    for (const d of [matrix, reduceDims(matrix, 3), widen(matrix)]) {
      const spec = { k: 6, seed: 3, restarts: 3 };
      const fast = kmeans(d, spec);
      const ref = kmeansReference(d, spec);
      expect(fast.labels).toEqual(ref.labels);
      expect(fast.centroids).toEqual(ref.centroids);
      expect(fast.iterations).toBe(ref.iterations);
      expect(fast.inertia).toBe(ref.inertia);
    }
  });

  it('keeps the start with the lowest inertia', () => {
    const { matrix } = gaussianBlobs({ n: 600, d: 4, centers: 5, spread: 4, seed: 2 });
    const s = normalizeKMeans(matrix, { k: 5, seed: 11, restarts: 6 });
    const singles = [0, 1, 2, 3, 4, 5].map((r) =>
      kmeans(matrix, { k: 5, init: toInit(initialCenters(matrix, s, r), 4) }),
    );
    const best = kmeans(matrix, { k: 5, seed: 11, restarts: 6 });
    expect(best.inertia).toBe(Math.min(...singles.map((x) => x.inertia)));
    expect(kmeans(matrix, { k: 5, seed: 11, restarts: 6 })).toEqual(best);
  });
});

describe('kmeans properties', () => {
  it('Hamerly-accelerated Lloyd equals the plain loop exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(10_000),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 10 }),
        (seed, k, d) => {
          const { matrix } = gaussianBlobs({ n: 400, d, centers: 5, spread: 4, seed });
          const init = initialCenters(matrix, normalizeKMeans(matrix, { k, seed }), 0);
          const fast = lloyd(matrix, init, k, 300, 0, true);
          const plain = lloyd(matrix, init, k, 300, 0, false);
          expect(fast.labels).toEqual(plain.labels);
          expect(fast.centers).toEqual(plain.centers);
          expect(fast.iterations).toBe(plain.iterations);
          expect(fast.distances).toBeLessThanOrEqual(plain.distances);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('after convergence every row sits in the cluster of its nearest centroid', () => {
    const rowsArb = fc.array(
      fc.array(fc.double({ min: -50, max: 50, noNaN: true }), { minLength: 2, maxLength: 2 }),
      {
        minLength: 4,
        maxLength: 60,
      },
    );
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 1, max: 4 }), fc.nat(1000), (rows, k, seed) => {
        const m = fromRows(rows);
        const r = kmeans(m, { k, seed, tolerance: 0, maxIterations: 1000 });
        fc.pre(r.converged);
        expect(assignNearest(m, r.centroids)).toEqual(r.labels);
      }),
    );
  });
});

function reduceDims(m: Matrix, d: number): Matrix {
  const data = new Float64Array(m.n * d);
  for (let i = 0; i < m.n; i++) for (let t = 0; t < d; t++) data[i * d + t] = m.data[i * m.d + t];
  return { n: m.n, d, data };
}

/** 8 -> 11 columns, to exercise the d > 8 kernel. */
function widen(m: Matrix): Matrix {
  const d = 11;
  const data = new Float64Array(m.n * d);
  for (let i = 0; i < m.n; i++)
    for (let t = 0; t < d; t++) data[i * d + t] = m.data[i * m.d + (t % m.d)] * (1 + t);
  return { n: m.n, d, data };
}

function toInit(flat: Float64Array, d: number): number[][] {
  return Array.from({ length: flat.length / d }, (_, c) => Array.from(flat.subarray(c * d, c * d + d)));
}
