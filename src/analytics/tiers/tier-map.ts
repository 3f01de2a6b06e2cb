/**
 * The frozen cluster-to-tier map a config records (`tierMap`: tier names best first, the tier
 * of each cluster in cluster-id order, the tier of the Strategic segment), read off a
 * bottom-up tiering. `apply`, the SQL view and drift use it to tier new customers.
 */
import type { ClusterTiering } from './cluster-tiers.ts';

/** The same shape as a config's `tierMap` section. */
export interface ClusterTierMap {
  /** Tier names, best first. */
  readonly order: string[];
  /** Tier of each cluster, cluster 1 (id 0) first. */
  readonly clusters: string[];
  /** Tier of the Strategic segment; null when there are no Strategic accounts. */
  readonly strategic: string | null;
}

/**
 * The map of `tiering`, for `k` clusters (a cluster absent from the tiering takes the last
 * tier). `strategic` marks the Strategic rows of the labels the tiering was computed from.
 */
export function clusterTierMap(tiering: ClusterTiering, k: number, strategic: ArrayLike<boolean>): ClusterTierMap {
  const last = tiering.names[tiering.names.length - 1];
  const clusters = Array.from({ length: k }, (_, c) => {
    const r = tiering.ranking.find((x) => x.cluster === c);
    return r ? tiering.names[r.tier] : last;
  });
  let strategicTier: string | null = null;
  for (let i = 0; i < strategic.length; i++) {
    if (strategic[i] && tiering.tier[i] >= 0) {
      strategicTier = tiering.names[tiering.tier[i]];
      break;
    }
  }
  return { order: [...tiering.names], clusters, strategic: strategicTier };
}
