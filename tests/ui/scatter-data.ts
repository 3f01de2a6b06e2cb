import type { PcaScatterData } from '../../src/ui/charts/pca-scatter.ts';

/**
 * Three blobs of points, deterministic. `clusterOf` picks each point's cluster (default: equal
 * thirds, `i % 3`); centroids and two loadings come along.
 */
export function blobs(n: number, clusterOf: (i: number) => number = (i) => i % 3): PcaScatterData {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = clusterOf(i);
    labels[i] = c;
    x[i] = [-2, 0, 2][c] + Math.sin(i) * 0.5;
    y[i] = [0, 2, -1][c] + Math.cos(i * 1.7) * 0.5;
  }
  return {
    x,
    y,
    labels,
    explained: [0.41234, 0.2],
    centroids: [0, 1, 2].map((c) => ({ x: [-2, 0, 2][c], y: [0, 2, -1][c], label: c })),
    loadings: [
      { feature: 'margin', x: 0.7, y: 0.1 },
      { feature: 'cts', x: -0.2, y: 0.9 },
    ],
  };
}
