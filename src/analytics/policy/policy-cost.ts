/**
 * Choosing k by policy cost: for each clustering in a k sweep, the clusters become tiers
 * (bottom-up), every tier gets its policy, and the modelled total per year is
 * CTS after policy + safety-stock carrying cost − surcharge revenue. CTS and surcharges are
 * counted over the data window and scaled to 12 months; the carrying cost is annual already.
 * Parts that need order lines are left out when there are none, and the result says so.
 */
import { clusterTiers } from '../tiers/cluster-tiers.ts';
import type { CustomerMeasures } from '../tiers/customer-measures.ts';
import { measureValues } from '../tiers/customer-measures.ts';
import type { NormalizedClusterTiering } from '../tiers/tiering-spec.ts';
import type { DemandBase } from './demand-base.ts';
import { demandStreams } from './demand-streams.ts';
import type { OrderHistory } from './order-history.ts';
import { policyImpact } from './policy-impact.ts';
import { normalizePolicy, type PolicySpec } from './policy-spec.ts';
import { safetyStockTable } from './safety-stock-table.ts';

/** Per year (see the module comment). */
export interface PolicyCostPoint {
  readonly k: number;
  /** Tiers the clusters became (Strategic included). */
  readonly tiers: readonly string[];
  readonly ctsBefore: number;
  readonly ctsSaved: number;
  readonly ctsAfter: number;
  /** Safety-stock value × carrying rate, per year; null without order lines. */
  readonly carryingCost: number | null;
  readonly surchargeRevenue: number;
  /** ctsAfter + carrying cost − surcharge revenue. */
  readonly total: number;
}

export interface PolicyCostCurve {
  readonly points: readonly PolicyCostPoint[];
  /** k with the lowest total (the smallest k on a tie); null for an empty sweep. */
  readonly bestK: number | null;
  /** What the totals leave out, for people (empty when complete). */
  readonly gaps: readonly string[];
}

export interface PolicyCostInput {
  /** Canonical labels per k, one per customer-table row (negative = not clustered). */
  readonly sweep: readonly { readonly k: number; readonly labels: ArrayLike<number> }[];
  readonly measures: CustomerMeasures;
  readonly strategic: ArrayLike<boolean>;
  readonly tiering: NormalizedClusterTiering;
  /** Policies by tier name (tiers missing from it take the defaults of their name). */
  readonly policy: PolicySpec;
  /** null for a customer table. */
  readonly orders: OrderHistory | null;
  readonly demand: DemandBase | null;
  readonly orderRate: number;
  /** Months the customer sums cover; default 12 (a customer table's figures are taken as annual). */
  readonly windowMonths?: number;
}

export function policyCostCurve(input: PolicyCostInput): PolicyCostCurve {
  const value = measureValues(input.measures, input.tiering.measure);
  const months = input.windowMonths ?? 12;
  if (!(months > 0)) throw new Error(`invalid windowMonths: ${months} (expected a number of months > 0)`);
  const year = 12 / months;
  const points = input.sweep.map(({ k, labels }): PolicyCostPoint => {
    const tiers = clusterTiers(labels, value, input.strategic, input.tiering);
    const policy = normalizePolicy(input.policy, tiers.names);
    const impact = policyImpact({ customers: input.measures, tier: tiers.tier, policy, orders: input.orders, orderRate: input.orderRate });
    const carryingCost = input.demand ? safetyStockTable(demandStreams(input.demand, tiers.tier, tiers.names.length), policy).total.carryingCost : null;
    const ctsAfter = impact.ctsAfter * year;
    const surchargeRevenue = impact.surchargeRevenue * year;
    return {
      k,
      tiers: tiers.names,
      ctsBefore: impact.ctsBefore * year,
      ctsSaved: impact.ctsSaved * year,
      ctsAfter,
      carryingCost,
      surchargeRevenue,
      total: ctsAfter + (carryingCost ?? 0) - surchargeRevenue,
    };
  });
  let bestK: number | null = null;
  let best = Infinity;
  for (const p of points) {
    if (p.total < best) [best, bestK] = [p.total, p.k];
  }
  const gaps: string[] = [];
  if (!input.orders) gaps.push('Consolidation savings and small-order surcharges need order lines; they are left out.');
  if (!input.demand) gaps.push('Safety-stock carrying cost needs order lines; it is left out.');
  return { points, bestK, gaps };
}
