/**
 * Everything the Service policy section shows, from the carried tiering, the customers' sums,
 * a policy spec and (when the data are order lines) the order history and demand base, in one
 * pure call: the normalised policy table, the tier each customer is served at (parent-account
 * rule), the policy impact, the safety-stock table or a "needs order lines" outcome, and the
 * text of safety-stock.csv.
 */
import type { KpiRows } from '../tiers/customer-measures.ts';
import type { Tiering } from '../tiers/tiering.ts';
import type { DemandBase } from './demand-base.ts';
import { isNeedsData, type NeedsData } from './needs-data.ts';
import type { OrderHistory } from './order-history.ts';
import { servedTiers, type ServedTiers } from './parent-rule.ts';
import { policyImpact, type PolicyImpact } from './policy-impact.ts';
import { normalizePolicy, type NormalizedPolicy, type PolicySpec } from './policy-spec.ts';
import { safetyStockCsv } from './safety-stock-csv.ts';
import { safetyStockFromOrders, type SafetyStockTable } from './safety-stock-table.ts';

export interface ServicePolicyInput {
  readonly tiering: Pick<Tiering, 'names' | 'tier'>;
  readonly customers: Pick<KpiRows, 'n' | 'revenue' | 'grossMargin' | 'cts' | 'orders'>;
  readonly spec?: PolicySpec;
  /** Row of each customer's parent account (see `parentAccountRows`); null when unknown. */
  readonly parentRows?: Int32Array | null;
  readonly orders?: OrderHistory | null;
  readonly demand?: DemandBase | null;
  /** Order-handling rate, currency per order. Default 25. */
  readonly orderRate?: number;
}

export interface ServicePolicy {
  readonly policy: NormalizedPolicy;
  /** The tier each customer is served at, after the parent-account rule. */
  readonly served: ServedTiers;
  readonly impact: PolicyImpact;
  readonly safetyStock: SafetyStockTable | NeedsData;
  /** The text of safety-stock.csv; null when safety stock needs order lines. */
  readonly csv: string | null;
}

export function servicePolicy(input: ServicePolicyInput): ServicePolicy {
  const policy = normalizePolicy(input.spec ?? {}, input.tiering.names);
  const served = input.parentRows ? servedTiers(input.tiering.tier, input.parentRows, policy) : { tier: input.tiering.tier, moved: 0 };
  const impact = policyImpact({ customers: input.customers, tier: served.tier, policy, orders: input.orders ?? null, orderRate: input.orderRate ?? 25 });
  const safetyStock = safetyStockFromOrders(input.demand ?? null, served.tier, policy);
  return { policy, served, impact, safetyStock, csv: isNeedsData(safetyStock) ? null : safetyStockCsv(safetyStock) };
}
