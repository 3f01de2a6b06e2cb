/**
 * Views of the robustness analyses (notebook section 7): per-cluster bootstrap stability, the
 * sensitivity verdicts, drop-one-feature, holdout, and what ran. Every value is set as text.
 */
import { BAND_MEANINGS, type StabilityBand } from '../../analytics/stability/bands.ts';
import type { ClusterStability } from '../../analytics/stability/bootstrap.ts';
import type { DroppedFeature } from '../../analytics/stability/drop-one.ts';
import type { HoldoutResult } from '../../analytics/stability/holdout.ts';
import type { MonteCarloResult } from '../../analytics/stability/monte-carlo.ts';
import type { FeatureVerdict, SensitivityResult } from '../../analytics/stability/sensitivity.ts';
import type { NormalizedClusterSpec } from '../../analytics/cluster/cluster.ts';
import { ariBand } from '../charts/contingency-chart.ts';
import { clusterName } from '../charts/palette.ts';
import { formatCount, formatNumber, formatPercent } from '../format.ts';
import { badge, dataTable, el, viewRoot, type ViewOptions } from './quality-report-view.ts';

const ALGORITHM_NAMES = { kmeans: 'k-means', ward: 'Ward', dbscan: 'DBSCAN' } as const;
const BAND_BADGES: Readonly<Record<StabilityBand, 'ok' | 'warn' | 'bad'>> = { unstable: 'bad', pattern: 'warn', stable: 'ok', 'highly-stable': 'ok' };

const three = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : formatNumber(Math.round(x * 1000) / 1000));
const plural = (n: number, one: string, many = `${one}s`) => `${formatCount(n)} ${n === 1 ? one : many}`;

/**
 * What one reclustering was, e.g. `best of 4 k-means++ starts from seed 42`: said beside every
 * result so nobody wonders whether replicates were warm-started (none is).
 */
export function reclusteringText(s: NormalizedClusterSpec): string {
  if (s.algorithm === 'kmeans') return `k-means, k = ${s.k}, best of ${s.restarts} k-means++ start${s.restarts === 1 ? '' : 's'} from seed ${s.seed}`;
  if (s.algorithm === 'ward') return `Ward, k = ${s.k} (micro-clusters from seed ${s.seed} above 2,000 customers)`;
  return `DBSCAN, eps ${formatNumber(s.eps)}, core size ${s.minPoints}`;
}

/** `20 reclusterings (…), each from scratch: no warm starts.` */
export function whatRan(count: number, what: string, s: NormalizedClusterSpec): string {
  return `Ran ${plural(count, 'reclustering')} ${what}: ${reclusteringText(s)}, each from scratch (no warm starts, which would pull results towards the clusters above).`;
}

/** Per baseline cluster: size, mean Jaccard, dissolved, recovered and the band with its meaning; noise last. */
export function bootstrapTable(clusters: readonly ClusterStability[], noise: ClusterStability | null, replicates: number, { document: doc }: ViewOptions): HTMLElement {
  const root = viewRoot(doc, 'bootstrap', 'Bootstrap stability per cluster');
  const rows = [...clusters, ...(noise ? [noise] : [])];
  root.append(
    dataTable<ClusterStability>(
      doc,
      `Over ${plural(replicates, 'replicate')}: dissolved = Jaccard at most 0.5, recovered = above 0.75`,
      [
        { label: 'Cluster', value: (c) => clusterName(c.cluster) },
        { label: 'Customers', value: (c) => c.size, numeric: true },
        { label: 'Mean Jaccard', value: (c) => three(c.meanJaccard), numeric: true },
        { label: 'Dissolved', value: (c) => c.dissolved, numeric: true },
        { label: 'Recovered', value: (c) => c.recovered, numeric: true },
        {
          label: 'Band',
          value: (c) =>
            c.band === null
              ? el(doc, 'span', 'tb-muted', c.cluster < 0 ? 'noise: no band' : 'never drawn')
              : [badge(doc, c.band.replace('-', ' '), BAND_BADGES[c.band]), ' ', el(doc, 'span', 'tb-small', BAND_MEANINGS[c.band])],
        },
      ],
      rows,
    ),
  );
  return root;
}

/** The sensitivity verdicts per feature against the thresholds in force, and the Monte Carlo tail when it ran. */
export function verdictView(s: SensitivityResult, monteCarlo: MonteCarloResult | null, { document: doc }: ViewOptions): HTMLElement {
  const root = viewRoot(doc, 'verdicts', 'Weight sensitivity verdicts');
  const t = s.thresholds;
  const rule = `ARI at least ${formatNumber(t.minAri)} and at most ${formatPercent(t.maxShareChanged)} of the customers changing cluster, at every step up to ±${formatPercent(t.atStep)}`;
  const headline = s.pass === null ? 'No feature could be judged.' : s.pass ? 'Every judged feature passes.' : 'At least one feature fails.';
  root.append(el(doc, 'p', `tb-headline ${s.pass === false ? 'tb-bad' : s.pass ? 'tb-ok' : ''}`, headline), el(doc, 'p', 'tb-muted', `Pass: ${rule}.`));
  root.append(
    dataTable<FeatureVerdict>(
      doc,
      'Per feature, over every step tried',
      [
        { label: 'Feature', value: (f) => el(doc, 'span', 'tb-mono', f.feature) },
        { label: 'Weight', value: (f) => formatNumber(f.weight), numeric: true },
        { label: 'Lowest ARI (any step)', value: (f) => three(f.minAri), numeric: true },
        { label: 'Most changed (any step)', value: (f) => formatPercent(f.maxShareChanged), numeric: true },
        { label: 'Verdict', value: (f) => (f.verdict === null ? badge(doc, 'not judged', 'off') : badge(doc, f.verdict, f.verdict === 'pass' ? 'ok' : 'bad')) },
        { label: 'Why', value: (f) => el(doc, 'span', 'tb-small', f.reason) },
      ],
      s.features,
    ),
  );
  if (monteCarlo) {
    const m = monteCarlo;
    root.append(
      el(
        doc,
        'p',
        undefined,
        `Monte Carlo (${plural(m.draws, 'draw')} of every weight within ±${formatPercent(m.range)}): median ARI ${three(m.summary.ari.median)}, 5th percentile ${three(m.summary.ari.p05)}; ${formatPercent(m.belowMinAri)} of the draws below ARI ${formatNumber(t.minAri)}.`,
      ),
    );
  }
  return root;
}

/** Features by how much removing them moves the customers; the ones the segmentation rests on first. */
export function dropOneView(rows: readonly DroppedFeature[], minAri: number, { document: doc }: ViewOptions): HTMLElement {
  const root = viewRoot(doc, 'drop-one', 'Drop one feature');
  const sorted = [...rows].sort((a, b) => b.shareChanged - a.shareChanged || a.feature.localeCompare(b.feature));
  const resting = sorted.filter((r) => r.ari < minAri).map((r) => r.feature);
  root.append(
    el(
      doc,
      'p',
      'tb-headline',
      resting.length === 0
        ? `No single feature carries the segmentation: without any one of them the ARI stays at ${formatNumber(minAri)} or above.`
        : `The segmentation rests on ${resting.join(', ')}: without ${resting.length === 1 ? 'it' : 'each of them'} the ARI falls below ${formatNumber(minAri)}.`,
    ),
  );
  root.append(
    dataTable<DroppedFeature>(
      doc,
      'Reclustered without each feature (the other weights keep their total)',
      [
        { label: 'Without', value: (r) => el(doc, 'span', 'tb-mono', r.feature) },
        { label: 'ARI', value: (r) => three(r.ari), numeric: true },
        { label: 'Agreement', value: (r) => (Number.isFinite(r.ari) ? ariBand(r.ari) : '–') },
        { label: 'Customers changing cluster', value: (r) => formatPercent(r.shareChanged), numeric: true },
      ],
      sorted,
    ),
  );
  return root;
}

/** The holdout result in words and figures. */
export function holdoutView(h: HoldoutResult, { document: doc }: ViewOptions): HTMLElement {
  const root = viewRoot(doc, 'holdout', 'Holdout validation');
  root.append(
    el(doc, 'p', 'tb-headline', `Held-out customers: ARI ${three(h.ari)} (${Number.isFinite(h.ari) ? ariBand(h.ari) : 'undefined'}), ${formatPercent(h.shareChanged)} in another cluster.`),
    el(
      doc,
      'p',
      undefined,
      `Fitted on ${plural(h.fitted, 'customer')} (${formatPercent(1 - h.share)}, drawn with seed ${h.seed}); the other ${plural(h.heldOut, 'customer')} were assigned to the ${h.assignment}, and compared with their cluster above. The fitted customers themselves agree at ARI ${three(h.fitAri)}.`,
    ),
    el(doc, 'p', 'tb-muted', `${ALGORITHM_NAMES[h.settings.algorithm]}: ${reclusteringText(h.settings)}; one fit from scratch, no warm start. A low ARI here is how a segmentation would degrade when applied to new customers.`),
  );
  return root;
}
