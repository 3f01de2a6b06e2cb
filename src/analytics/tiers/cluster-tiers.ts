/**
 * Bottom-up tiering: clusters become tiers. Clusters are ranked by the mean of a value measure
 * per customer (net profit by default), best first; rank r takes the r-th tier name, or the
 * tier `byRank[r]` names (the same name on two ranks merges those clusters). The number of
 * tiers is capped by the business limit: clusters ranked beyond it join the last tier. Strategic
 * accounts (kept out of clustering) join the tier named by `strategicTier`, or form a tier of
 * their own above all others when no cluster tier has that name.
 */
import type { AnalyticsIssue } from '../issues.ts';
import { defaultTierNames } from './tier-names.ts';
import { tierCounts, type Tiering } from './tiering.ts';
import type { NormalizedClusterTiering } from './tiering-spec.ts';

/** One cluster in value order. */
export interface RankedCluster {
  /** Canonical cluster id. */
  readonly cluster: number;
  /** 0 = best. */
  readonly rank: number;
  readonly customers: number;
  /** Mean of the value measure over the cluster's customers with a known value (NaN if none). */
  readonly meanValue: number;
  /** Index of its tier in `names`. */
  readonly tier: number;
}

export interface ClusterTiering extends Tiering {
  readonly method: 'clusters';
  readonly measure: NormalizedClusterTiering['measure'];
  /** Clusters, best first. */
  readonly ranking: readonly RankedCluster[];
  /** Index of the Strategic tier when the Strategic accounts form their own, else null. */
  readonly strategicOwnTier: number | null;
}

/** Mean value per cluster and customers per cluster, for labels 0..k-1 (negative = no cluster). */
function clusterMeans(labels: ArrayLike<number>, value: ArrayLike<number>, k: number) {
  const sum = new Float64Array(k);
  const known = new Float64Array(k);
  const customers = new Array<number>(k).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const c = labels[i];
    if (c < 0) continue;
    customers[c]++;
    if (Number.isFinite(value[i])) {
      sum[c] += value[i];
      known[c]++;
    }
  }
  return { mean: Array.from(sum, (s, c) => (known[c] ? s / known[c] : NaN)), customers };
}

/**
 * Tiers from cluster `labels` (canonical ids 0..k-1; negative = not clustered), the value
 * measure per customer, and the Strategic rows (`strategic[i]` true). Customers neither
 * clustered nor Strategic get no tier and are counted in `issues`.
 */
export function clusterTiers(labels: ArrayLike<number>, value: ArrayLike<number>, strategic: ArrayLike<boolean>, spec: NormalizedClusterTiering): ClusterTiering {
  const n = labels.length;
  if (value.length !== n || strategic.length !== n) throw new Error(`invalid tiering inputs: ${n} labels, ${value.length} values, ${strategic.length} strategic flags`);
  const issues: AnalyticsIssue[] = [];
  let k = 0;
  let strategicCount = 0;
  for (let i = 0; i < n; i++) {
    if (strategic[i]) strategicCount++;
    else if (labels[i] >= k) k = labels[i] + 1;
  }
  const { mean, customers } = clusterMeans(Array.from(labels, (c, i) => (strategic[i] ? -1 : c)), value, k);
  // NaN means sort last; ties by cluster id so the ranking is a function of the inputs.
  const order = mean.map((_, c) => c).sort((a, b) => (Number.isNaN(mean[a]) ? 1 : 0) - (Number.isNaN(mean[b]) ? 1 : 0) || mean[b] - mean[a] || a - b);
  let names = spec.names ?? (spec.byRank ? [...new Set(spec.byRank)] : null);
  const joins = strategicCount > 0 && names !== null && names.includes(spec.strategicTier);
  const ownStrategic = strategicCount > 0 && !joins;
  const limit = Math.max(1, spec.maxTiers - (ownStrategic ? 1 : 0));
  names ??= defaultTierNames(Math.max(1, Math.min(k, limit)));
  if (names.length > limit) {
    issues.push({
      code: 'tier-limit',
      message: `${names.length} tiers were named but the business limit allows ${limit}${ownStrategic ? ' besides Strategic' : ''}; ${names.slice(limit).join(', ')} joined ${names[limit - 1]}.`,
    });
    names = names.slice(0, limit);
  }
  const last = names.length - 1;
  const tierOfRank = (r: number): number => {
    if (!spec.byRank) return Math.min(r, last);
    const t = names.indexOf(spec.byRank[Math.min(r, spec.byRank.length - 1)]);
    return t < 0 ? last : t;
  };
  const clusterTier = new Array<number>(k);
  const ranking = order.map((c, rank): RankedCluster => {
    clusterTier[c] = tierOfRank(rank);
    return { cluster: c, rank, customers: customers[c], meanValue: mean[c], tier: clusterTier[c] };
  });
  const offset = ownStrategic ? 1 : 0;
  const allNames = ownStrategic ? [spec.strategicTier, ...names] : names;
  const strategicTier = ownStrategic ? 0 : joins ? names.indexOf(spec.strategicTier) : -1;
  const tier = new Int32Array(n);
  let unclustered = 0;
  for (let i = 0; i < n; i++) {
    if (strategic[i]) tier[i] = strategicTier;
    else if (labels[i] >= 0) tier[i] = clusterTier[labels[i]] + offset;
    else {
      tier[i] = -1;
      unclustered++;
    }
  }
  if (unclustered > 0) {
    issues.push({
      code: 'no-tier',
      message: `${unclustered.toLocaleString('en-US')} customer${unclustered === 1 ? ' has' : 's have'} no cluster (left out of clustering as outliers or for missing values, or DBSCAN noise) and so no tier.`,
    });
  }
  const { counts, unassigned } = tierCounts(tier, allNames.length);
  return {
    method: 'clusters',
    measure: spec.measure,
    names: allNames,
    tier,
    counts,
    unassigned,
    issues,
    ranking: ranking.map((r) => ({ ...r, tier: r.tier + offset })),
    strategicOwnTier: ownStrategic ? 0 : null,
  };
}
