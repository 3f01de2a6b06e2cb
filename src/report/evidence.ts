/**
 * What a run of the notebook on the data adds to a report beyond the config: the k sweep,
 * cluster profiles, tier KPIs and working capital. Plain data, read from cell values by name
 * (`evidenceFromCells`), so the app (engine values) and the command (a headless run) build the
 * same evidence; a cell the notebook does not have (yet) simply adds nothing.
 */
import type { SweepResult } from '../analytics/choose-k/sweep.ts';
import { suggestK, type KSuggestion } from '../analytics/choose-k/suggest.ts';
import type { ClusterProfile } from '../analytics/profile/cluster-profile.ts';
import type { TierKpi } from '../analytics/tiers/tier-kpis.ts';
import type { SafetyStockTable } from '../analytics/policy/safety-stock-table.ts';

export interface SweepEvidence {
  readonly points: readonly {
    readonly k: number;
    readonly inertia: number | null;
    readonly silhouette: number | null;
    readonly calinskiHarabasz: number | null;
    readonly daviesBouldin: number | null;
    readonly silhouetteSampleSize: number | null;
  }[];
  readonly picks: KSuggestion;
}

export interface WorkingCapitalEvidence {
  readonly tiers: readonly {
    readonly tier: string;
    readonly units: number;
    readonly value: number;
    readonly baselineValue: number;
    readonly deltaValue: number;
    readonly deltaCarryingCost: number;
  }[];
  readonly carryingRate: number;
  readonly baselineServiceLevel: number;
  readonly notes: readonly string[];
}

export interface ReportEvidence {
  /** Where the evidence comes from, e.g. `recomputed from orders.csv with the config's settings`. */
  readonly source: string;
  readonly sweep?: SweepEvidence;
  readonly profiles?: readonly {
    readonly cluster: number;
    readonly size: number;
    readonly share: number;
    readonly description: string;
  }[];
  readonly tierKpis?: readonly Pick<
    TierKpi,
    'tier' | 'customers' | 'revenueShare' | 'gmPct' | 'ctsPct' | 'ctsDifferential' | 'netProfit'
  >[];
  /** Working capital by tier, or the sentence saying what it needs (e.g. order lines). */
  readonly workingCapital?: WorkingCapitalEvidence | { readonly needs: string };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

function sweepOf(value: unknown): SweepEvidence | undefined {
  if (!isObject(value) || !Array.isArray(value.points)) return undefined;
  const sweep = value as unknown as SweepResult;
  return {
    points: sweep.points.map((p) => ({
      k: p.k,
      inertia: p.inertia,
      silhouette: p.silhouette,
      calinskiHarabasz: p.calinskiHarabasz,
      daviesBouldin: p.daviesBouldin,
      silhouetteSampleSize: p.silhouetteSampleSize,
    })),
    picks: suggestK(sweep),
  };
}

function workingCapitalOf(value: unknown): ReportEvidence['workingCapital'] {
  if (!isObject(value)) return undefined;
  if (value.status === 'needs-data' && typeof value.message === 'string') return { needs: value.message };
  if (!Array.isArray(value.tiers)) return undefined;
  const s = value as unknown as SafetyStockTable;
  return {
    tiers: s.tiers.map((t) => ({
      tier: t.tier,
      units: t.units,
      value: t.value,
      baselineValue: t.baselineValue,
      deltaValue: t.deltaValue,
      deltaCarryingCost: t.deltaCarryingCost,
    })),
    carryingRate: s.carryingRate,
    baselineServiceLevel: s.baselineServiceLevel,
    notes: s.issues.map((i) => i.message),
  };
}

/**
 * Evidence from the values of a segmentation notebook's cells, by name: `sweep`, `profiles`,
 * `tiers` (its KPIs) and `safetyStock`. Missing or unexpected values are left out.
 */
export function evidenceFromCells(values: Readonly<Record<string, unknown>>, source: string): ReportEvidence {
  const profiles = Array.isArray(values.profiles)
    ? (values.profiles as ClusterProfile[]).map((p) => ({
        cluster: p.cluster,
        size: p.size,
        share: p.share,
        description: p.description,
      }))
    : undefined;
  const tiers = values.tiers as { kpis?: { tiers?: TierKpi[] } | null } | undefined;
  const tierKpis = tiers?.kpis?.tiers?.map((t) => ({
    tier: t.tier,
    customers: t.customers,
    revenueShare: t.revenueShare,
    gmPct: t.gmPct,
    ctsPct: t.ctsPct,
    ctsDifferential: t.ctsDifferential,
    netProfit: t.netProfit,
  }));
  const sweep = sweepOf(values.sweep);
  const workingCapital = workingCapitalOf(values.safetyStock);
  return {
    source,
    ...(sweep ? { sweep } : {}),
    ...(profiles ? { profiles } : {}),
    ...(tierKpis ? { tierKpis } : {}),
    ...(workingCapital ? { workingCapital } : {}),
  };
}

/** The cells `evidenceFromCells` reads. */
export const EVIDENCE_CELLS = ['sweep', 'profiles', 'tiers', 'safetyStock'] as const;
