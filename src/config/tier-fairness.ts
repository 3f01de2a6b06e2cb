/**
 * Fairness screening of a scored segmentation: the favourable outcome is being in a top tier
 * (by default the best tier clusters map to; the Strategic segment is hand-picked and left to
 * the `favourable` list), screened per group of a chosen attribute, with Cramér's V between
 * tier and every categorical column as the proxy check.
 */
import { fairnessScreening, type Screening } from '../analytics/fairness/screening.ts';
import type { ScoredCustomers } from './apply-config.ts';
import type { TierMap } from './config-schema.ts';
import { topTier } from './tier-map.ts';

export interface TierFairnessSpec {
  /** The attribute whose groups get impact ratios. */
  readonly attribute: string;
  /** Tiers that count as favourable; default the best tier any cluster maps to. */
  readonly favourable?: readonly string[];
}

export function tierFairness(scored: ScoredCustomers, map: TierMap | undefined, categorical: Readonly<Record<string, readonly string[]>>, spec: TierFairnessSpec): Screening & { favourable: string[]; customers: number } {
  if (!map || !scored.tiers) throw new Error('fairness screening needs a config with a tier map: the favourable outcome is a top tier');
  const favourable = [...(spec.favourable ?? [topTier(map)])];
  const unknown = favourable.find((t) => !map.order.includes(t));
  if (unknown !== undefined) throw new Error(`invalid favourable tier "${unknown}" (tiers: ${map.order.join(', ')})`);
  const tiers = scored.tiers;
  const rows = tiers.flatMap((t, i) => (t === null ? [] : [i]));
  const attributes = Object.fromEntries(Object.entries(categorical).map(([name, values]) => [name, rows.map((i) => values[i])]));
  const tierOf = rows.map((i) => tiers[i] as string);
  const screening = fairnessScreening({ tiers: tierOf, favourable: tierOf.map((t) => favourable.includes(t)), attributes, attribute: spec.attribute });
  return { ...screening, favourable, customers: rows.length };
}
