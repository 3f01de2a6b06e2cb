/**
 * How customers become tiers, as one serialisable spec: the method carried forward, the
 * bottom-up options (value measure, names, cluster-to-tier map, business limit, Strategic
 * accounts) and the top-down cut-offs. `normalizeTiering` holds every default; the zod schema
 * checks documents (configs) at the boundary.
 */
import { z } from '../../data/zod.ts';
import { keyword } from '../keyword.ts';
import { checkAbcCuts, DEFAULT_ABC_CUTS } from './abc.ts';
import { checkXyzBounds, DEFAULT_XYZ_BOUNDS } from './xyz.ts';
import { STANDARD_TIER_NAMES, STRATEGIC_TIER, tierName, tierNameList } from './tier-names.ts';

/** Bottom-up (clusters ranked by value) or top-down (ABC x CTS% thresholds). */
export const TIERING_METHODS = ['clusters', 'thresholds'] as const;
export type TieringMethod = (typeof TIERING_METHODS)[number];

/** What ranks clusters: the mean per customer of one of these. */
export const VALUE_MEASURES = ['net_profit', 'gross_margin', 'revenue'] as const;
export type ValueMeasure = (typeof VALUE_MEASURES)[number];

/** What ABC classes accumulate. */
export const ABC_BASES = ['gross_margin', 'revenue'] as const;
export type AbcBasis = (typeof ABC_BASES)[number];

/** A cut-off at the median of the customers, or a fixed value. */
export type Cut = 'median' | number;

export interface ClusterTieringSpec {
  /** Clusters are ranked by the mean of this per customer, best first. Default `net_profit`. */
  readonly measure?: ValueMeasure;
  /** Tier names, best first. Default: `defaultTierNames(tiers)` for the number of tiers. */
  readonly names?: readonly string[];
  /**
   * The tier of each cluster by value rank: `byRank[r]` names the tier of the r-th best
   * cluster; give two ranks the same name to merge them. Clusters ranked beyond the list join
   * its last tier. Default: rank r gets `names[r]`, the clusters beyond the limit join the last tier.
   */
  readonly byRank?: readonly string[];
  /** Business limit on the number of tiers (Strategic included). Default 6. */
  readonly maxTiers?: number;
  /**
   * The tier of the Strategic accounts (kept out of clustering): a tier name of `names` to
   * join it, or another name to form a tier of their own above all others. Default `Strategic`.
   */
  readonly strategicTier?: string;
}

export interface ThresholdTieringSpec {
  /** Labels of the four rule tiers, best first. Default Platinum, Gold, Silver, Standard. */
  readonly names?: readonly string[];
  /** Upper cumulative shares of classes A and B, fractions. Default [0.7, 0.95] (70/25/5). */
  readonly abcCuts?: readonly [number, number];
  /** What ABC accumulates. Default `gross_margin` (revenue when a table has no margin). */
  readonly abcBasis?: AbcBasis;
  /** Demand-CV bounds of X and Y: X < first <= Y <= second < Z. Default [0.5, 1.0]. */
  readonly xyzBounds?: readonly [number, number];
  /** The CTS % the rules compare against: the customers' median or a target in percent. Default `median`. */
  readonly ctsReference?: Cut;
  /** Net profit at or below this (currency) makes a customer Standard whatever its class. Default 0. */
  readonly netProfitFloor?: number;
}

/** Cut-offs of the margin x cost-to-serve matrix, in percent. */
export interface MatrixSpec {
  /** GM % separating high from low margin. Default `median`. */
  readonly gmCut?: Cut;
  /** CTS % separating low from high cost-to-serve. Default `median`. */
  readonly ctsCut?: Cut;
}

export interface TieringSpec {
  /** The tiering carried forward into policies and the export. Default `clusters`. */
  readonly method?: TieringMethod;
  readonly clusters?: ClusterTieringSpec;
  readonly thresholds?: ThresholdTieringSpec;
  readonly matrix?: MatrixSpec;
}

export interface NormalizedClusterTiering {
  readonly measure: ValueMeasure;
  /** null: named by the number of tiers found (see `defaultTierNames`). */
  readonly names: readonly string[] | null;
  /** null: one tier per cluster by rank, up to the limit. */
  readonly byRank: readonly string[] | null;
  readonly maxTiers: number;
  readonly strategicTier: string;
}

export interface NormalizedThresholdTiering {
  readonly names: readonly [string, string, string, string];
  readonly abcCuts: readonly [number, number];
  readonly abcBasis: AbcBasis;
  readonly xyzBounds: readonly [number, number];
  readonly ctsReference: Cut;
  readonly netProfitFloor: number;
}

export interface NormalizedTiering {
  readonly method: TieringMethod;
  readonly clusters: NormalizedClusterTiering;
  readonly thresholds: NormalizedThresholdTiering;
  readonly matrix: { readonly gmCut: Cut; readonly ctsCut: Cut };
}

/** Default business limit (the notebook's default for its tier-limit slider). */
export const DEFAULT_MAX_TIERS = 6;

const cutSchema = z.union([z.literal('median'), z.number()]);
const pair = z.tuple([z.number(), z.number()]);

export const tieringSpecSchema = z
  .object({
    method: z.enum(TIERING_METHODS).optional(),
    clusters: z
      .object({
        measure: z.enum(VALUE_MEASURES).optional(),
        names: z.array(z.string()).optional(),
        byRank: z.array(z.string()).optional(),
        maxTiers: z.number().int().optional(),
        strategicTier: z.string().optional(),
      })
      .strict()
      .optional(),
    thresholds: z
      .object({
        names: z.array(z.string()).optional(),
        abcCuts: pair.optional(),
        abcBasis: z.enum(ABC_BASES).optional(),
        xyzBounds: pair.optional(),
        ctsReference: cutSchema.optional(),
        netProfitFloor: z.number().optional(),
      })
      .strict()
      .optional(),
    matrix: z.object({ gmCut: cutSchema.optional(), ctsCut: cutSchema.optional() }).strict().optional(),
  })
  .strict() satisfies z.ZodType<TieringSpec>;

function finite(name: string, v: number): number {
  if (!Number.isFinite(v)) throw new Error(`invalid ${name}: ${v} (expected a finite number)`);
  return v;
}

function cut(name: string, v: Cut): Cut {
  return v === 'median' ? v : finite(name, v);
}

/** Resolves every default of a tiering spec and validates names, limits and cut-offs. */
export function normalizeTiering(spec: TieringSpec = {}): NormalizedTiering {
  const c = spec.clusters ?? {};
  const maxTiers = c.maxTiers ?? DEFAULT_MAX_TIERS;
  if (!(Number.isInteger(maxTiers) && maxTiers >= 1)) throw new Error(`invalid maxTiers: ${maxTiers} (expected a whole number >= 1)`);
  const names = c.names ? tierNameList(c.names) : null;
  const byRank = c.byRank ? c.byRank.map((n) => tierName(n, 'tier in byRank')) : null;
  if (byRank?.length === 0) throw new Error('invalid byRank: no tier given');
  if (names && byRank) {
    const unknown = byRank.find((n) => !names.includes(n));
    if (unknown !== undefined) throw new Error(`invalid byRank: "${unknown}" is not one of the tier names (${names.join(', ')})`);
  }
  const t = spec.thresholds ?? {};
  const thresholdNames = tierNameList(t.names ?? STANDARD_TIER_NAMES, 'threshold tier names');
  if (thresholdNames.length !== 4) throw new Error(`invalid threshold tier names: ${thresholdNames.length} given (expected 4, best first)`);
  const abcCuts = checkAbcCuts(t.abcCuts ?? DEFAULT_ABC_CUTS);
  const xyzBounds = checkXyzBounds(t.xyzBounds ?? DEFAULT_XYZ_BOUNDS);
  const m = spec.matrix ?? {};
  return {
    method: keyword('tiering', spec.method ?? 'clusters', TIERING_METHODS),
    clusters: {
      measure: keyword('tier measure', c.measure ?? 'net_profit', VALUE_MEASURES),
      names,
      byRank,
      maxTiers,
      strategicTier: tierName(c.strategicTier ?? STRATEGIC_TIER, 'strategic tier'),
    },
    thresholds: {
      names: thresholdNames as unknown as readonly [string, string, string, string],
      abcCuts,
      abcBasis: keyword('ABC basis', t.abcBasis ?? 'gross_margin', ABC_BASES),
      xyzBounds,
      ctsReference: cut('ctsReference', t.ctsReference ?? 'median'),
      netProfitFloor: finite('netProfitFloor', t.netProfitFloor ?? 0),
    },
    matrix: { gmCut: cut('gmCut', m.gmCut ?? 'median'), ctsCut: cut('ctsCut', m.ctsCut ?? 'median') },
  };
}

/** Validates a tiering document (e.g. from a config) and normalises it; throws with zod's reason. */
export function parseTiering(document: unknown): NormalizedTiering {
  return normalizeTiering(tieringSpecSchema.parse(document));
}

/** A normalised spec as a document (what a config's `tiering` section holds): every value explicit, no nulls. */
export function tieringDocument(spec: NormalizedTiering): TieringSpec {
  const { names, byRank, ...clusters } = spec.clusters;
  return {
    method: spec.method,
    clusters: { ...clusters, ...(names ? { names: [...names] } : {}), ...(byRank ? { byRank: [...byRank] } : {}) },
    thresholds: { ...spec.thresholds, names: [...spec.thresholds.names], abcCuts: [...spec.thresholds.abcCuts], xyzBounds: [...spec.thresholds.xyzBounds] },
    matrix: { ...spec.matrix },
  };
}
