/**
 * What each tier's policy changes in cost-to-serve and revenue, under stated, simple
 * assumptions; each figure carries the assumption that drives it.
 *
 * - Consolidation: a customer's orders of one week (Monday to Sunday) are delivered together on
 *   at most the tier's delivery days; each order folded into another saves the order-handling
 *   rate; lines and freight are unchanged.
 * - Small-order surcharge: every historical order below the tier's threshold pays the
 *   surcharge; customers do not change how they order.
 * - CTS-allowance surcharge: each customer pays max(0, CTS − allowance × revenue) over the window.
 * - Break-even order value: the tier's CTS per order / its GM fraction.
 */
import { breakEvenOrderValue } from './break-even.ts';
import type { KpiRows } from '../tiers/customer-measures.ts';
import type { OrderHistory } from './order-history.ts';
import type { NormalizedPolicy } from './policy-spec.ts';

/** A figure and the assumption it rests on. `value` null: it needs data the input lacks (said in `assumption`). */
export interface Figure {
  readonly value: number | null;
  readonly assumption: string;
}

export interface TierImpact {
  readonly tier: string;
  readonly customers: number;
  /** Cost-to-serve over the window before the policy, currency. */
  readonly ctsBefore: number;
  readonly breakEvenOrderValue: Figure;
  readonly ordersBelowMinimum: Figure;
  readonly ordersConsolidated: Figure;
  readonly ctsSaved: Figure;
  readonly smallOrderRevenue: Figure;
  readonly ctsAllowanceRevenue: Figure;
  /** ctsBefore − CTS saved (what is known). */
  readonly ctsAfter: number;
  /** Small-order plus CTS-allowance surcharge revenue (what is known). */
  readonly surchargeRevenue: number;
}

export interface PolicyImpact {
  readonly tiers: readonly TierImpact[];
  readonly ctsBefore: number;
  readonly ctsSaved: number;
  readonly ctsAfter: number;
  readonly surchargeRevenue: number;
  /** False when order lines were missing, so consolidation and small orders could not be counted. */
  readonly fromOrderHistory: boolean;
}

export interface PolicyImpactInput {
  /** Per-customer sums (revenue, gross margin, CTS, orders). */
  readonly customers: Pick<KpiRows, 'n' | 'revenue' | 'grossMargin' | 'cts' | 'orders'>;
  /** Tier per customer (index into `policy.tiers`; -1 = none, left out). */
  readonly tier: Int32Array;
  readonly policy: NormalizedPolicy;
  /** Orders as placed; null for a customer table (no order lines). */
  readonly orders: OrderHistory | null;
  /** Order-handling rate, currency per order. */
  readonly orderRate: number;
}

const money = (v: number) => `$${v.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;
const NEEDS_ORDERS = 'Needs order lines: a customer table has no order history.';

/** Orders per (customer, week) above the delivery days, per tier; and small / below-minimum orders. */
function countOrders(orders: OrderHistory, tier: Int32Array, policy: NormalizedPolicy) {
  const T = policy.tiers.length;
  const consolidated = new Float64Array(T);
  const small = new Float64Array(T);
  const belowMinimum = new Float64Array(T);
  const count = new Float64Array(T);
  const perWeek = new Map<number, number>();
  // Orders of one customer and week are counted with one integer key (row × 2^21 + week offset).
  let minWeek = Infinity;
  for (const w of orders.week) if (w < minWeek) minWeek = w;
  for (let o = 0; o < orders.customer.length; o++) {
    const row = orders.customer[o];
    const t = row >= 0 ? tier[row] : -1;
    if (t < 0) continue;
    const p = policy.tiers[t];
    count[t]++;
    const key = row * 2 ** 21 + (orders.week[o] - minWeek);
    const k = (perWeek.get(key) ?? 0) + 1;
    perWeek.set(key, k);
    if (k > p.deliveryDaysPerWeek) consolidated[t]++;
    if (orders.value[o] < p.smallOrderThreshold) small[t]++;
    const basis = p.minimumOrderBasis === 'value' ? orders.value[o] : orders.units[o];
    if (basis < p.minimumOrder) belowMinimum[t]++;
  }
  return { consolidated, small, belowMinimum, count };
}

export function policyImpact(input: PolicyImpactInput): PolicyImpact {
  const { customers: c, tier, policy, orders, orderRate } = input;
  const T = policy.tiers.length;
  const sums = Array.from({ length: T }, () => ({ customers: 0, revenue: 0, gm: 0, cts: 0, orders: 0, allowance: 0 }));
  for (let i = 0; i < c.n; i++) {
    const t = tier[i];
    if (t < 0) continue;
    const s = sums[t];
    s.customers++;
    const known = (v: number) => (Number.isFinite(v) ? v : 0);
    s.revenue += known(c.revenue[i]);
    s.gm += known(c.grossMargin[i]);
    s.cts += known(c.cts[i]);
    s.orders += known(c.orders[i]);
    const pct = policy.tiers[t].ctsAllowancePct;
    if (pct !== null && Number.isFinite(c.cts[i]) && Number.isFinite(c.revenue[i])) s.allowance += Math.max(0, c.cts[i] - (pct / 100) * c.revenue[i]);
  }
  const counted = orders ? countOrders(orders, tier, policy) : null;
  const tiers = policy.tiers.map((p, t): TierImpact => {
    const s = sums[t];
    const perOrder = s.orders > 0 ? s.cts / s.orders : NaN;
    const gmFraction = s.revenue !== 0 ? s.gm / s.revenue : NaN;
    const breakEven = breakEvenOrderValue(perOrder, gmFraction);
    const consolidated = counted ? counted.consolidated[t] : null;
    const saved = consolidated === null ? null : consolidated * orderRate;
    const small = counted ? counted.small[t] : null;
    const smallRevenue = small === null ? null : small * p.smallOrderSurcharge;
    const allowance = p.ctsAllowancePct === null ? 0 : s.allowance;
    const ofOrders = (k: number | null) => (counted ? ` (${k} of ${counted.count[t]} orders in the history)` : '');
    return {
      tier: p.tier,
      customers: s.customers,
      ctsBefore: s.cts,
      breakEvenOrderValue: {
        value: Number.isNaN(breakEven) ? null : breakEven,
        assumption: `CTS per order ${Number.isNaN(perOrder) ? 'unknown' : money(perOrder)} / GM ${Number.isNaN(gmFraction) ? 'unknown' : `${(gmFraction * 100).toFixed(1)}%`}: an order below it does not pay for serving it.`,
      },
      ordersBelowMinimum: {
        value: counted ? counted.belowMinimum[t] : null,
        assumption: counted
          ? p.minimumOrder > 0
            ? `Orders in the history below the minimum of ${p.minimumOrderBasis === 'value' ? money(p.minimumOrder) : `${p.minimumOrder} units`}${ofOrders(counted.belowMinimum[t])}.`
            : 'No minimum order set.'
          : NEEDS_ORDERS,
      },
      ordersConsolidated: {
        value: consolidated,
        assumption: counted
          ? `A customer's orders of one week (Monday to Sunday) ship together on at most ${p.deliveryDaysPerWeek} delivery day${p.deliveryDaysPerWeek === 1 ? '' : 's'}; each order beyond that is folded into another${ofOrders(consolidated)}.`
          : NEEDS_ORDERS,
      },
      ctsSaved: {
        value: saved,
        assumption: counted ? `Each folded order saves the order-handling rate of ${money(orderRate)}; lines and freight are unchanged.` : NEEDS_ORDERS,
      },
      smallOrderRevenue: {
        value: smallRevenue,
        assumption: counted
          ? p.smallOrderSurcharge > 0 && p.smallOrderThreshold > 0
            ? `Every order below ${money(p.smallOrderThreshold)} pays ${money(p.smallOrderSurcharge)}${ofOrders(small)}; customers keep ordering as they did.`
            : 'No small-order surcharge set.'
          : NEEDS_ORDERS,
      },
      ctsAllowanceRevenue: {
        value: allowance,
        assumption:
          p.ctsAllowancePct === null
            ? 'No CTS allowance set.'
            : `Each customer pays max(0, CTS − ${p.ctsAllowancePct}% of its revenue) over the window; customers keep ordering as they did.`,
      },
      ctsAfter: s.cts - (saved ?? 0),
      surchargeRevenue: (smallRevenue ?? 0) + allowance,
    };
  });
  const total = (f: (t: TierImpact) => number) => tiers.reduce((sum, t) => sum + f(t), 0);
  return {
    tiers,
    ctsBefore: total((t) => t.ctsBefore),
    ctsSaved: total((t) => t.ctsSaved.value ?? 0),
    ctsAfter: total((t) => t.ctsAfter),
    surchargeRevenue: total((t) => t.surchargeRevenue),
    fromOrderHistory: counted !== null,
  };
}
