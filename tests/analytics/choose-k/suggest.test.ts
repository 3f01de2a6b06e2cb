import { describe, expect, it } from 'vitest';
import { suggestK } from '../../../src/analytics/choose-k/suggest.ts';
import { suggestEps } from '../../../src/analytics/cluster/k-distance.ts';

const point = (k: number, silhouette: number | null, calinskiHarabasz: number | null, daviesBouldin: number | null) => ({ k, silhouette, calinskiHarabasz, daviesBouldin });

describe('suggestK', () => {
  it('reads the knee and the best k of each metric; ties go to the smaller k', () => {
    const points = [point(2, 0.41, 2100, 0.95), point(3, 0.52, 2650, 0.78), point(4, 0.52, 2900, 0.78), point(5, 0.44, 2600, 0.86)];
    expect(suggestK({ kneeK: 4, points })).toEqual({ knee: 4, silhouette: 3, calinskiHarabasz: 4, daviesBouldin: 3 });
  });

  it('gives null for metrics that were not computed', () => {
    expect(suggestK({ kneeK: null, points: [point(2, null, null, null), point(3, null, null, Number.NaN)] })).toEqual({
      knee: null,
      silhouette: null,
      calinskiHarabasz: null,
      daviesBouldin: null,
    });
  });
});

describe('suggestEps', () => {
  it('suggests the distance at the bend of the sorted curve', () => {
    // Scaled to [0, 1] both ways the points are (0, 0), (.25, .053), (.5, .105), (.75, .158), (1, 1):
    // the farthest from the chord y = x is the fourth, |.75 - .158| / sqrt 2 = .42.
    expect(suggestEps(Float64Array.from([0.1, 0.2, 0.3, 0.4, 2]))).toEqual({ eps: 0.4, rank: 3 });
  });

  it('has no suggestion without a bend or with fewer than three points', () => {
    expect(suggestEps(Float64Array.from([1, 2]))).toBeNull();
    expect(suggestEps(Float64Array.from([0.5, 0.5, 0.5, 0.5]))).toBeNull();
  });

  it('finds the bend of a long curve within one thinning step', () => {
    const n = 100_000;
    const curve = Float64Array.from({ length: n }, (_, i) => (i < 90_000 ? 0.2 + (0.1 * i) / 90_000 : 0.3 + ((i - 90_000) / 10_000) * 3));
    const s = suggestEps(curve);
    expect(s).not.toBeNull();
    expect(Math.abs((s?.rank ?? 0) - 90_000)).toBeLessThanOrEqual(Math.ceil(n / 1999));
    expect(s?.eps).toBe(curve[s?.rank ?? 0]);
  });
});
