/**
 * One tier at a glance, for cards and reports (the workshop's tier cards read this): who is in
 * it and what they are worth (the tier KPIs), the service it gets (the policy) and the stock
 * that service ties up (safety stock, when there are order lines). Plain, serialisable fields.
 */
import type { TierKpiTable } from '../tiers/tier-kpis.ts';
import { isNeedsData, type NeedsData } from './needs-data.ts';
import type { NormalizedPolicy, TierPolicy } from './policy-spec.ts';
import type { SafetyStockTable } from './safety-stock-table.ts';

export interface TierSummary {
  readonly tier: string;
  readonly customers: number;
  /** Fraction of the company's revenue, 0–1. */
  readonly revenueShare: number;
  /** Percent of revenue. */
  readonly gmPct: number;
  /** Percent of revenue. */
  readonly ctsPct: number;
  /** Currency over the data window. */
  readonly netProfit: number;
  /** The tier's service policy (defaults filled in). */
  readonly policy: TierPolicy;
  /** Safety stock at unit cost, currency; null without order lines. */
  readonly safetyStockValue: number | null;
  /** Safety-stock value minus that at the baseline service level, currency; null without order lines. */
  readonly workingCapitalDelta: number | null;
}

/** One summary per tier of the policy, in its order (a tier without KPI rows counts 0 customers). */
export function tierSummaries(kpis: TierKpiTable, policy: NormalizedPolicy, safetyStock: SafetyStockTable | NeedsData | null): TierSummary[] {
  const stock = safetyStock && !isNeedsData(safetyStock) ? new Map(safetyStock.tiers.map((t) => [t.tier, t])) : null;
  return policy.tiers.map((p) => {
    const k = kpis.tiers.find((t) => t.tier === p.tier);
    const s = stock?.get(p.tier);
    return {
      tier: p.tier,
      customers: k?.customers ?? 0,
      revenueShare: k?.revenueShare ?? 0,
      gmPct: k?.gmPct ?? NaN,
      ctsPct: k?.ctsPct ?? NaN,
      netProfit: k?.netProfit ?? 0,
      policy: p,
      safetyStockValue: stock ? (s?.value ?? 0) : null,
      workingCapitalDelta: stock ? (s?.deltaValue ?? 0) : null,
    };
  });
}
