/** Reading a config's tier map: the forms other consumers (fairness, a SQL scoring view) need. */
import type { TierMap } from './config-schema.ts';

/** The best tier any cluster maps to (the first of the order that a cluster maps to). */
export function topTier(map: TierMap): string {
  return map.order.find((t) => map.clusters.includes(t)) ?? map.order[0];
}

/** Tier name by 1-based cluster number, as in assignments.csv: `{"1": "Bronze", "2": "Gold"}`. */
export function tierNamesByCluster(map: TierMap): Record<string, string> {
  return Object.fromEntries(map.clusters.map((tier, c) => [String(c + 1), tier]));
}
