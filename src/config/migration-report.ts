/**
 * Migration from a previous segmentation to the current one, on one customer table: the
 * migration matrix by tier (customers and revenue, upgrades, downgrades, stable share), the
 * pre-downgrade impact (revenue and gross margin at risk at an assumed churn probability, CTS
 * saved, net effect) broken down by region and channel, and the impact ratio of the downgrade
 * decision per group (not being downgraded is the favourable outcome). The previous side is a
 * config (scored on the same table, frozen) or assignments with the tier map they were made with.
 */
import { alignById, migrationMatrix, type MigrationMatrix } from '../analytics/monitor/migration.ts';
import { downgradeImpact, type DowngradeImpact } from '../analytics/monitor/downgrade-impact.ts';
import { impactRatios, type ImpactRatios } from '../analytics/fairness/impact-ratio.ts';
import { applyConfig, type ScoringTable } from './apply-config.ts';
import type { EmbeddedAssignments, SegmentationConfig, TierMap } from './config-schema.ts';

export type PreviousSegmentation = { readonly config: SegmentationConfig } | { readonly assignments: EmbeddedAssignments; readonly tierMap: TierMap };

export interface MigrationReportSpec {
  readonly previous: PreviousSegmentation;
  readonly current: SegmentationConfig;
  /** The customers, with numeric columns and (optionally) categorical ones for the breakdown. */
  readonly table: ScoringTable & { readonly categorical?: Readonly<Record<string, readonly string[]>> };
  /** Assumed probability that a downgraded customer leaves, in [0, 1]. */
  readonly churnProbability: number;
  /** Column names; defaults revenue, gross_margin, cts; `ctsAfter` (CTS under the new tier's policy) has none. */
  readonly columns?: { readonly revenue?: string; readonly grossMargin?: string; readonly cts?: string; readonly ctsAfter?: string };
  /** Categorical columns to break down by; default region and channel, those the table has. */
  readonly breakdown?: readonly string[];
}

export interface MigrationReport {
  readonly matrix: MigrationMatrix;
  readonly impact: DowngradeImpact;
  /** Per breakdown attribute, the impact ratio of "not downgraded" among the customers in both segmentations. */
  readonly downgradeFairness: { attribute: string; ratios: ImpactRatios }[];
}

function previousSegments(previous: PreviousSegmentation, table: ScoringTable): { ids: readonly string[]; segments: (string | null)[]; order: readonly string[] } {
  if ('config' in previous) {
    const map = previous.config.tierMap;
    if (!map) throw new Error('the previous config has no tier map: upgrades and downgrades need tiers in an order');
    const scored = applyConfig(previous.config, table);
    return { ids: scored.ids, segments: scored.tiers ?? [], order: map.order };
  }
  const map = previous.tierMap;
  const segments = previous.assignments.clusters.map((c) => (c === 'strategic' ? map.strategic : c === null ? null : (map.clusters[c - 1] ?? null)));
  return { ids: previous.assignments.ids, segments, order: map.order };
}

function column(table: ScoringTable, name: string | undefined, fallback: string | null): ArrayLike<number> | undefined {
  const key = name ?? fallback;
  if (key === null) return undefined;
  const values = table.columns[key];
  if (!values && name !== undefined) throw new Error(`the data has no numeric column "${name}"`);
  return values;
}

export function migrationReport(spec: MigrationReportSpec): MigrationReport {
  const map = spec.current.tierMap;
  if (!map) throw new Error('the current config has no tier map: upgrades and downgrades need tiers in an order');
  const before = previousSegments(spec.previous, spec.table);
  const stray = before.segments.find((s) => s !== null && !map.order.includes(s));
  if (stray !== undefined) throw new Error(`the previous tier "${stray}" is not a tier of the current config (${map.order.join(', ')}): rename it in the tier map first`);
  const scored = applyConfig(spec.current, spec.table);
  // a config with a tier map always scores tiers
  const aligned = alignById(before, { ids: scored.ids, segments: scored.tiers as (string | null)[] });
  // values by aligned customer: the current table's rows, missing for customers only in the previous assignments
  const row = new Map(spec.table.ids.map((id, i) => [id, i]));
  const pick = (values: ArrayLike<number> | undefined) => (values ? Float64Array.from(aligned.ids, (id) => (row.has(id) ? values[row.get(id) as number] : NaN)) : undefined);
  const c = spec.columns ?? {};
  const revenue = pick(column(spec.table, c.revenue, 'revenue'));
  const grossMargin = pick(column(spec.table, c.grossMargin, 'gross_margin'));
  if (!revenue || !grossMargin) throw new Error('the data needs revenue and gross margin columns for the downgrade impact (name them with columns.revenue and columns.grossMargin)');
  const ctsNow = pick(column(spec.table, c.cts, c.ctsAfter === undefined ? null : 'cts'));
  const ctsAfter = pick(column(spec.table, c.ctsAfter, null));
  const categorical = spec.table.categorical ?? {};
  const attributes = (spec.breakdown ?? ['region', 'channel']).filter((a) => categorical[a] || spec.breakdown !== undefined);
  const groups: Record<string, string[]> = {};
  for (const a of attributes) {
    const values = categorical[a];
    if (!values) throw new Error(`the data has no categorical column "${a}" to break down by`);
    groups[a] = aligned.ids.map((id) => (row.has(id) ? values[row.get(id) as number] : ''));
  }
  const matrix = migrationMatrix(aligned, map.order, revenue);
  const impact = downgradeImpact(aligned, { order: map.order, churnProbability: spec.churnProbability, revenue, grossMargin, ctsNow, ctsAfter, groups });
  const downgraded = new Set(impact.downgraded.map((d) => d.id));
  const both = aligned.ids.map((_, i) => aligned.before[i] !== null && aligned.after[i] !== null);
  const downgradeFairness = attributes.map((attribute) => ({
    attribute,
    ratios: impactRatios(
      groups[attribute].filter((_, i) => both[i]),
      aligned.ids.filter((_, i) => both[i]).map((id) => !downgraded.has(id)),
    ),
  }));
  return { matrix, impact, downgradeFairness };
}
