import type { Columns } from '../prepare/apply-preparation.ts';
import { featureColumns } from '../prepare/apply-preparation.ts';
import { median } from '../prepare/quantile.ts';

/** One feature of one cluster, in the feature's original units. */
export interface FeatureProfile {
  readonly feature: string;
  /** null when no member of the cluster has a value for the feature. */
  readonly mean: number | null;
  readonly median: number | null;
  /** Mean of the whole population (all clustered customers). */
  readonly overallMean: number;
  /** (cluster mean − overall mean) / overall population standard deviation; 0 for a constant feature. */
  readonly effect: number;
  /** (cluster mean − overall mean) / |overall mean|; null when the overall mean is 0. */
  readonly relative: number | null;
}

export interface ClusterProfile {
  /** Cluster id (0-based). */
  readonly cluster: number;
  readonly size: number;
  /** size / clustered customers. */
  readonly share: number;
  readonly features: readonly FeatureProfile[];
  /** A plain-language sentence naming the features that set the cluster apart. */
  readonly description: string;
}

/** How far (in standard deviations) a cluster mean must be from the overall mean to be named. */
const NOTABLE = 0.5;

function describeLevel(effect: number): string {
  const size = Math.abs(effect);
  const word = size >= 1.5 ? 'very ' : '';
  return `${word}${effect > 0 ? 'high' : 'low'}`;
}

/**
 * Profiles clusters in original units. `rows[i]` is the input row of label `labels[i]`, so
 * customers left out of clustering do not count; labels below 0 (noise) are skipped.
 */
export function profileClusters(
  columns: Columns,
  features: readonly string[],
  rows: ArrayLike<number>,
  labels: ArrayLike<number>,
  k: number,
): ClusterProfile[] {
  const cols = featureColumns(columns, features);
  let clusters = k;
  for (let i = 0; i < labels.length; i++) if (labels[i] >= clusters) clusters = labels[i] + 1;
  const members: number[][] = Array.from({ length: clusters }, () => []);
  for (let i = 0; i < labels.length; i++) if (labels[i] >= 0) members[labels[i]].push(rows[i]);
  const all = members.flat();
  const total = all.length;
  const overall = cols.map((col) => {
    const values = all.map((r) => col[r]).filter(Number.isFinite);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
    return { mean, sd };
  });
  return members.map((list, cluster) => {
    const profiles = features.map((feature, j): FeatureProfile => {
      const values = Float64Array.from(list.map((r) => cols[j][r]).filter(Number.isFinite));
      const { mean: overallMean, sd } = overall[j];
      if (values.length === 0) return { feature, mean: null, median: null, overallMean, effect: 0, relative: null };
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      return {
        feature,
        mean,
        median: median(values),
        overallMean,
        effect: sd > 0 ? (mean - overallMean) / sd : 0,
        relative: overallMean !== 0 ? (mean - overallMean) / Math.abs(overallMean) : null,
      };
    });
    const notable = [...profiles]
      .filter((p) => Math.abs(p.effect) >= NOTABLE)
      .sort((a, b) => Math.abs(b.effect) - Math.abs(a.effect))
      .slice(0, 3);
    const share = total > 0 ? list.length / total : 0;
    const traits =
      notable.length > 0
        ? notable.map((p) => `${describeLevel(p.effect)} ${p.feature}`).join(', ')
        : 'close to average on every feature';
    const description = `${traits.charAt(0).toUpperCase()}${traits.slice(1)}; ${(share * 100).toFixed(1)}% of customers.`;
    return { cluster, size: list.length, share, features: profiles, description };
  });
}
