import { describe, expect, it } from 'vitest';
import { gaussianBlobs } from '../../../src/analytics/blobs.ts';
import { fromRows } from '../../../src/analytics/matrix.ts';
import { pca } from '../../../src/analytics/project/pca.ts';

const close = (actual: readonly number[], expected: readonly number[], digits = 10) =>
  expected.forEach((v, i) => expect(actual[i]).toBeCloseTo(v, digits));

describe.each(['covarianceMatrix', 'SVD'] as const)('pca (%s)', (method) => {
  it('finds the direction of points on a line', () => {
    // (t, 2t), t = -2..2: one axis (1, 2)/sqrt(5), all variance on it, scores t * sqrt(5)
    const r = pca(fromRows([-2, -1, 0, 1, 2].map((t) => [t, 2 * t])), { method });
    close(r.explainedVarianceRatio, [1, 0]);
    close(r.loadings[0], [1 / Math.sqrt(5), 2 / Math.sqrt(5)]);
    close(
      Array.from(r.scores).filter((_, i) => i % 2 === 0),
      [-2, -1, 0, 1, 2].map((t) => t * Math.sqrt(5)),
    );
    close(r.means, [0, 0]);
  });

  it('recovers a rotated cross with known covariance eigenvectors', () => {
    // u = (0.8, 0.6), v = (-0.6, 0.8); points ±3u and ±1v (+ offset (10, 20)).
    // Covariance (n - 1 = 3) = (2 * 9 u u' + 2 * 1 v v') / 3 -> eigenvalues 6 and 2/3, ratios 0.9 and 0.1.
    // Sign rule: the largest |loading| is positive -> u as is, v as is (0.8 > 0.6).
    const u = [0.8, 0.6];
    const v = [-0.6, 0.8];
    const pts = [
      [3 * u[0], 3 * u[1]],
      [-3 * u[0], -3 * u[1]],
      [v[0], v[1]],
      [-v[0], -v[1]],
    ].map(([x, y]) => [x + 10, y + 20]);
    const r = pca(fromRows(pts), { method });
    close(r.eigenvalues, [6, 2 / 3]);
    close(r.explainedVarianceRatio, [0.9, 0.1]);
    close(r.loadings[0], u);
    close(r.loadings[1], v);
    close(Array.from(r.scores), [3, 0, -3, 0, 0, 1, 0, -1]);
    close(r.means, [10, 20]);
  });
});

describe('pca', () => {
  it('gives the same axes by both methods on blobs, and keeps only the asked components', () => {
    const { matrix } = gaussianBlobs({ n: 500, d: 5, centers: 3, seed: 1 });
    const a = pca(matrix, { components: 2 });
    const b = pca(matrix, { components: 2, method: 'SVD' });
    expect(a.components).toBe(2);
    expect(a.scores.length).toBe(1000);
    close(a.explainedVarianceRatio, b.explainedVarianceRatio, 8);
    a.loadings.forEach((axis, c) => close(axis, b.loadings[c], 8));
    expect(() => pca(matrix, { method: 'NIPALS' as 'SVD' })).toThrow(
      'invalid PCA method: "NIPALS" (expected covarianceMatrix or SVD)',
    );
  });
});
