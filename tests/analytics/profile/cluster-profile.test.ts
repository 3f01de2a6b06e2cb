import { describe, expect, it } from 'vitest';
import { profileClusters } from '../../../src/analytics/profile/cluster-profile.ts';

describe('profileClusters', () => {
  // revenue: cluster 0 = {10, 20}, cluster 1 = {90, 80}; overall mean 50, population sd
  // sqrt(((40²+30²)·2)/4) = sqrt(1250) = 35.355...; cluster 0 mean 15 → effect −35/35.355 = −0.990.
  const columns = { revenue: [10, 90, 20, 80, 999], margin: [1, 1, 1, 1, 1] };
  const rows = [0, 1, 2, 3]; // row 4 was left out of clustering and must not count
  const labels = [0, 1, 0, 1];

  it('gives sizes, shares, means and medians in original units', () => {
    const [a, b] = profileClusters(columns, ['revenue', 'margin'], rows, labels, 2);
    expect(a).toMatchObject({ cluster: 0, size: 2, share: 0.5 });
    expect(a.features[0]).toMatchObject({ feature: 'revenue', mean: 15, median: 15, overallMean: 50 });
    expect(a.features[0].effect).toBeCloseTo(-35 / Math.sqrt(1250), 12);
    expect(a.features[0].relative).toBeCloseTo(-0.7, 12);
    expect(b.features[0].mean).toBe(85);
  });

  it('does not divide by a constant feature and describes clusters in words', () => {
    const [a, b] = profileClusters(columns, ['revenue', 'margin'], rows, labels, 2);
    expect(a.features[1].effect).toBe(0);
    expect(a.description).toBe('Low revenue; 50.0% of customers.');
    expect(b.description).toBe('High revenue; 50.0% of customers.');
  });

  it('gives null, not NaN, for a cluster without values and tolerates labels beyond k', () => {
    const cols = { revenue: [10, Number.NaN, 30] };
    const profiles = profileClusters(cols, ['revenue'], [0, 1, 2], [0, 1, 2], 2);
    expect(profiles).toHaveLength(3);
    expect(profiles[1].features[0]).toMatchObject({ mean: null, median: null, effect: 0 });
    expect(profiles[2].features[0].mean).toBe(30);
  });
});
