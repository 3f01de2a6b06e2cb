import { cell, sampled, select, slider, snap, type Suggestion } from '../src/runtime/index.ts';
import type { SweepResult } from '../src/analytics/choose-k/sweep.ts';
import { suggestK } from '../src/analytics/choose-k/suggest.ts';
import { suggestEps } from '../src/analytics/cluster/k-distance.ts';
import { ALGORITHMS, DEFAULT_RESTARTS, type Algorithm } from '../src/analytics/cluster/cluster.ts';
import type { SilhouetteResult } from '../src/analytics/metrics/silhouette.ts';
import { adjustedRandIndex } from '../src/analytics/agreement/ari.ts';
import { contingency } from '../src/analytics/agreement/contingency.ts';
import { kMetricsChart } from '../src/ui/charts/k-metrics-chart.ts';
import { silhouettePlot } from '../src/ui/charts/silhouette-plot.ts';
import { kDistancePlot } from '../src/ui/charts/k-distance-plot.ts';
import { contingencyChart } from '../src/ui/charts/contingency-chart.ts';
import { rememberedSlots } from '../src/ui/charts/colour-memory.ts';
import { host } from './data.ts';
import { prepared } from './prepare.ts';
import { algorithm, clustering, eps, k, minPoints, seed } from './cluster.ts';
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
  inputs: { prepared: sampled(prepared), seed: sampled(seed), host },
  run: ({ prepared, seed, host }, { signal, progress }): Promise<SweepResult> =>
    host.tasks.run(
      'sweep',
      [
        prepared.matrix,
        { kMin: 2, kMax: 10, restarts: 3, seed, silhouetteExactMax: SILHOUETTE_EXACT_MAX, silhouetteSampleSize: SILHOUETTE_SAMPLE },
      ],
      // Background lane: the sweep never queues in front of the clustering behind the chart.
      { signal, onProgress: (f) => progress(f, 'k sweep'), lane: 'background' },
    ),
});

/** The diagnostics chart: cheap, so it follows the k and tier-limit sliders live. */
export const chooseK = cell({
  name: 'chooseK',
  title: 'Choosing k',
  // Not on `prepared`: that would redraw four panels on every step of a drag.
  inputs: { sweep, k, maxTiers },
  run: ({ sweep, k, maxTiers }) => ({ sweep, k, maxTiers, customers: sweep.points[0]?.labels.length ?? 0, suggested: suggestK(sweep) }),
  view: ({ sweep, k, maxTiers, customers, suggested }, { document, width }) =>
    kMetricsChart(
      sweep.points.map((p) => ({
        k: p.k,
        inertia: p.inertia ?? undefined,
        silhouette: p.silhouette ?? undefined,
        calinskiHarabasz: p.calinskiHarabasz ?? undefined,
        daviesBouldin: p.daviesBouldin ?? undefined,
        silhouetteSampleSize: p.silhouetteSampleSize ?? undefined,
      })),
      { picks: suggested, selectedK: k, maxTiers, customers, width: Math.min(width, 1000), document },
    ),
  suggest: ({ k: current, suggested }) => {
    const reasons = new Map<number, string[]>();
    for (const [value, reason] of [
      [suggested.knee, 'the knee of the inertia curve'],
      [suggested.silhouette, 'the highest silhouette'],
    ] as const) {
      if (value !== null && value !== current) reasons.set(value, [...(reasons.get(value) ?? []), reason]);
    }
    return [...reasons].map(([value, why]): Suggestion<number> => ({ input: k, value, label: `Use k = ${value}`, reason: why.join(' and ') }));
  },
});

export const silhouetteOfClustering = cell({
  name: 'silhouette',
  title: 'Silhouette per customer',
  inputs: { prepared: sampled(prepared), clustering, host },
  run: async ({ prepared, clustering, host }, { signal }): Promise<SilhouetteResult & { total: number; labels: Int32Array }> => {
    const m = prepared.matrix;
    // In the background worker either way: a sampled silhouette of 50,000 customers costs the
    // main thread ~150 ms, which would hold back the recoloured chart after a release.
    const result =
      m.n <= SILHOUETTE_EXACT_MAX
        ? await host.tasks.run('silhouette', [m, clustering.labels], { signal, lane: 'background' })
        : await host.tasks.run('sampledSilhouette', [m, clustering.labels, { sampleSize: SILHOUETTE_SAMPLE, seed: clustering.seed }], { signal, lane: 'background' });
    // values[i] belongs to prepared row rows[i]
    return { ...result, total: m.n, labels: Int32Array.from(result.rows, (r) => clustering.labels[r]) };
  },
  // In the colours the scatter drew the same clusters in (display only).
  view: (s, { document, width, memory }) =>
    silhouettePlot(
      {
        values: s.values,
        labels: s.labels,
        mean: s.mean,
        sampleSize: s.exact ? undefined : s.sampleSize,
        total: s.total,
      },
      { width: Math.min(width, 900), document, slots: rememberedSlots(memory) },
    ),
});

/** The k-distance curve of the settled matrix and the eps at its knee; only for DBSCAN. */
export const kDistanceCurve = cell({
  name: 'kDistanceCurve',
  title: 'k-distance curve',
  hidden: true,
  inputs: { prepared: sampled(prepared), minPoints: sampled(minPoints), algorithm: sampled(algorithm), host },
  run: async ({ prepared, minPoints, algorithm, host }, { signal }) => {
    if (algorithm !== 'dbscan') return null;
    const distances = await host.tasks.run('kDistance', [prepared.matrix, minPoints], { signal, lane: 'background' });
    return { distances, k: minPoints, suggested: suggestEps(distances) };
  },
});

/** The chart follows the eps slider live; the curve waits for a release. */
export const kDistance = cell({
  name: 'kDistance',
  title: 'DBSCAN: k-distance plot',
  inputs: { curve: kDistanceCurve, eps },
  run: ({ curve, eps }) => (curve === null ? null : { ...curve, eps }),
  view: (d, { document, width }) =>
    d === null
      ? textBlock(document, ['Choose DBSCAN as the algorithm to see the k-distance plot that helps set eps.'])
      : kDistancePlot(d, { width: Math.min(width, 900), document }),
  suggest: (d) => {
    if (d === null || d.suggested === null) return [];
    const value = snap(eps, d.suggested.eps);
    return value === d.eps ? [] : [{ input: eps, value, label: `Use eps = ${value}`, reason: 'the knee of the k-distance curve' }];
  },
});

export const compareWith = select({
  name: 'compareWith',
  title: 'Compare with',
  options: ALGORITHMS,
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

/**
 * A second clustering of the same data, compared with the first. On demand: it is a full
 * clustering of every customer (Ward or DBSCAN), people read it once per configuration rather
 * than per slider move, and it would otherwise compete with the k sweep after every change.
 */
export const comparison = cell({
  name: 'comparison',
  title: 'Compare two clusterings',
  trigger: 'demand',
  description: 'Runs when you ask: press Run after choosing the algorithm to compare with.',
  inputs: { prepared, clustering, compareWith, k, seed, eps, minPoints, host },
  run: async (v, { signal, lane }): Promise<Comparison> => {
    const same = v.compareWith === v.clustering.algorithm;
    const spec = { algorithm: v.compareWith, k: v.k, seed: same ? v.seed + 1 : v.seed, restarts: DEFAULT_RESTARTS, eps: v.eps, minPoints: v.minPoints };
    const other = await v.host.tasks.run('cluster', [v.prepared.matrix, spec], { signal, lane });
    const table = contingency(v.clustering.labels, other.labels);
    const name = (l: number) => (l < 0 ? 'noise' : `${l + 1}`);
    return {
      a: NAMES[v.clustering.algorithm],
      b: same ? `${NAMES[v.compareWith]} (seed ${v.seed + 1})` : NAMES[v.compareWith],
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
