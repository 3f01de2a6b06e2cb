import { cell, select, slider } from '../src/runtime/index.ts';
import type { SweepResult } from '../src/analytics/choose-k/sweep.ts';
import { sampledSilhouette } from '../src/analytics/metrics/silhouette-sampled.ts';
import type { SilhouetteResult } from '../src/analytics/metrics/silhouette.ts';
import { adjustedRandIndex } from '../src/analytics/agreement/ari.ts';
import { contingency } from '../src/analytics/agreement/contingency.ts';
import { kMetricsChart } from '../src/ui/charts/k-metrics-chart.ts';
import { silhouettePlot } from '../src/ui/charts/silhouette-plot.ts';
import { kDistancePlot } from '../src/ui/charts/k-distance-plot.ts';
import { contingencyChart } from '../src/ui/charts/contingency-chart.ts';
import { host } from './data.ts';
import { prepared } from './prepare.ts';
import { algorithm, clustering, eps, k, minPoints, runAlgorithm, seed, type Algorithm } from './cluster.ts';
import { textBlock } from './view-helpers.ts';

/** Up to this many customers the silhouette is exact (O(n²)); above, a stratified sample. */
export const SILHOUETTE_EXACT_MAX = 6000;
const SILHOUETTE_SAMPLE = 3000;

export const maxTiers = slider({
  name: 'maxTiers',
  title: 'Business limit on tiers',
  min: 2,
  max: 10,
  value: 6,
  description: 'How many service tiers the organisation can run; k beyond it is shaded.',
});

export const sweep = cell({
  name: 'sweep',
  title: 'k sweep',
  hidden: true,
  schedule: 'settled',
  inputs: { prepared, seed, host },
  run: ({ prepared, seed, host }, { signal, progress }): Promise<SweepResult> =>
    host.tasks.run(
      'sweep',
      [
        prepared.matrix,
        { kMin: 2, kMax: 10, restarts: 3, seed, silhouetteExactMax: SILHOUETTE_EXACT_MAX, silhouetteSampleSize: SILHOUETTE_SAMPLE },
      ],
      { signal, onProgress: (f) => progress(f, 'k sweep'), lane: 'background' },
    ),
});

/** The diagnostics chart: cheap, so it follows the k and tier-limit sliders live. */
export const chooseK = cell({
  name: 'chooseK',
  title: 'Choosing k',
  // Not on `prepared`: that would redraw four panels on every step of a drag.
  inputs: { sweep, k, maxTiers },
  run: ({ sweep, k, maxTiers }) => ({ sweep, k, maxTiers, customers: sweep.points[0]?.labels.length ?? 0 }),
  view: ({ sweep, k, maxTiers, customers }, { document, width }) =>
    kMetricsChart(
      sweep.points.map((p) => ({
        k: p.k,
        inertia: p.inertia ?? undefined,
        silhouette: p.silhouette ?? undefined,
        calinskiHarabasz: p.calinskiHarabasz ?? undefined,
        daviesBouldin: p.daviesBouldin ?? undefined,
        silhouetteSampleSize: p.silhouetteSampleSize ?? undefined,
      })),
      { knee: sweep.kneeK ?? undefined, selectedK: k, maxTiers, customers, width: Math.min(width, 1000), document },
    ),
});

export const silhouetteOfClustering = cell({
  name: 'silhouette',
  title: 'Silhouette per customer',
  schedule: 'settled',
  inputs: { prepared, clustering, host },
  run: async ({ prepared, clustering, host }, { signal }): Promise<SilhouetteResult & { total: number; labels: Int32Array }> => {
    const m = prepared.matrix;
    const result =
      m.n <= SILHOUETTE_EXACT_MAX
        ? await host.tasks.run('silhouette', [m, clustering.labels], { signal, lane: 'background' })
        : sampledSilhouette(m, clustering.labels, { sampleSize: SILHOUETTE_SAMPLE, seed: clustering.seed });
    // values[i] belongs to prepared row rows[i]
    return { ...result, total: m.n, labels: Int32Array.from(result.rows, (r) => clustering.labels[r]) };
  },
  view: (s, { document, width }) =>
    silhouettePlot(
      {
        values: s.values,
        labels: s.labels,
        mean: s.mean,
        sampleSize: s.exact ? undefined : s.sampleSize,
        total: s.total,
      },
      { width: Math.min(width, 900), document },
    ),
});

export const kDistance = cell({
  name: 'kDistance',
  title: 'DBSCAN: k-distance plot',
  schedule: 'settled',
  inputs: { prepared, minPoints, algorithm, eps, host },
  run: async ({ prepared, minPoints, algorithm, eps, host }, { signal }) => {
    if (algorithm !== 'dbscan') return null;
    const distances = await host.tasks.run('kDistance', [prepared.matrix, minPoints], { signal, lane: 'background' });
    return { distances, k: minPoints, eps };
  },
  view: (d, { document, width }) =>
    d === null
      ? textBlock(document, ['Choose DBSCAN as the algorithm to see the k-distance plot that helps set eps.'])
      : kDistancePlot(d, { width: Math.min(width, 900), document }),
});

export const compareWith = select({
  name: 'compareWith',
  title: 'Compare with',
  options: ['ward', 'kmeans', 'dbscan'] as const,
  value: 'ward',
  description: 'A second algorithm on the same prepared data and k (k-means: the next seed); their agreement is the Adjusted Rand Index.',
});

export interface Comparison {
  readonly a: string;
  readonly b: string;
  readonly ari: number;
  readonly rowLabels: string[];
  readonly columnLabels: string[];
  readonly counts: number[][];
}

const NAMES: Record<Algorithm, string> = { kmeans: 'k-means', ward: 'Ward', dbscan: 'DBSCAN' };

export const comparison = cell({
  name: 'comparison',
  title: 'Compare two clusterings',
  schedule: 'settled',
  inputs: { prepared, clustering, compareWith, k, seed, eps, minPoints, host },
  run: async (v, { signal }): Promise<Comparison> => {
    const other = await runAlgorithm(
      v.host.tasks,
      v.prepared.matrix,
      { algorithm: v.compareWith, k: v.k, seed: v.compareWith === v.clustering.algorithm ? v.seed + 1 : v.seed, eps: v.eps, minPoints: v.minPoints },
      signal,
      'background',
    );
    const table = contingency(v.clustering.labels, other.labels);
    const name = (l: number) => (l < 0 ? 'noise' : `${l + 1}`);
    const b = v.compareWith === v.clustering.algorithm ? `${NAMES[v.compareWith]} (seed ${v.seed + 1})` : NAMES[v.compareWith];
    return {
      a: NAMES[v.clustering.algorithm],
      b,
      ari: adjustedRandIndex(v.clustering.labels, other.labels),
      rowLabels: table.rowLabels.map(name),
      columnLabels: table.columnLabels.map(name),
      counts: table.counts.map((r) => [...r]),
    };
  },
  view: (c, { document, width }) =>
    contingencyChart(
      { rowLabels: c.rowLabels, columnLabels: c.columnLabels, counts: c.counts, ari: c.ari, rowTitle: c.a, columnTitle: c.b },
      { width: Math.min(width, 700), document },
    ),
});
