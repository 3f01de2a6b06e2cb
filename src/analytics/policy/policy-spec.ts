/**
 * The service policy per tier, as one serialisable spec: promised lead time, minimum order,
 * delivery days, surcharges, cycle service level, shortage priority and the parent-account
 * rule; plus the carrying rate and the baseline service level that working capital is measured
 * against. `normalizePolicy` holds every default; the zod schema checks documents at the boundary.
 */
import { z } from '../../data/zod.ts';
import { keyword } from '../keyword.ts';
import { DEFAULT_CARRYING_RATE } from './working-capital.ts';

/** Whose tier a customer is served at when its parent account sits in another tier. */
export const PARENT_RULES = ['own', 'parent', 'higher'] as const;
export type ParentRule = (typeof PARENT_RULES)[number];

/** What a minimum order counts. */
export const MINIMUM_ORDER_BASES = ['value', 'quantity'] as const;
export type MinimumOrderBasis = (typeof MINIMUM_ORDER_BASES)[number];

/** The policy of one tier as users and configs write it; every field optional. */
export interface TierPolicySpec {
  /** Promised lead time, days from order to shipment. */
  readonly leadTimeDays?: number;
  /** Minimum order: value (currency) or quantity (units), per `minimumOrderBasis`; 0 = none. Default 0. */
  readonly minimumOrder?: number;
  /** Default `value`. */
  readonly minimumOrderBasis?: MinimumOrderBasis;
  /** Days a week the tier is delivered, 1–7; orders of one week consolidate onto them. */
  readonly deliveryDaysPerWeek?: number;
  /** Order value below which the small-order surcharge applies, currency. Default: the minimum order value (basis value), else 0. */
  readonly smallOrderThreshold?: number;
  /** Surcharge per order below the threshold, currency. Default 0 (none). */
  readonly smallOrderSurcharge?: number;
  /** CTS allowance in percent of revenue; the surcharge is max(0, CTS − allowance × revenue). null = none (default). */
  readonly ctsAllowancePct?: number | null;
  /** Cycle service level, a fraction in (0, 1). */
  readonly serviceLevel?: number;
  /** Shortage priority rank, 1 = served first. Default: the tier's position. */
  readonly priority?: number;
  /** Default `own`. */
  readonly parentRule?: ParentRule;
}

export interface PolicySpec {
  /** Policies by tier name. */
  readonly tiers?: Readonly<Record<string, TierPolicySpec>>;
  /** Annual carrying rate of stock, fraction of its value per year. Default 0.25. */
  readonly carryingRate?: number;
  /** The uniform service level working capital is compared against, fraction. Default 0.95. */
  readonly baselineServiceLevel?: number;
}

export interface TierPolicy {
  readonly tier: string;
  readonly leadTimeDays: number;
  readonly minimumOrder: number;
  readonly minimumOrderBasis: MinimumOrderBasis;
  readonly deliveryDaysPerWeek: number;
  readonly smallOrderThreshold: number;
  readonly smallOrderSurcharge: number;
  readonly ctsAllowancePct: number | null;
  readonly serviceLevel: number;
  readonly priority: number;
  readonly parentRule: ParentRule;
}

export interface NormalizedPolicy {
  /** One policy per tier, in the order of the tier names given. */
  readonly tiers: readonly TierPolicy[];
  readonly carryingRate: number;
  readonly baselineServiceLevel: number;
  /** Tiers the spec names that are not among the current tiers (e.g. after a rename): kept out, listed. */
  readonly unusedTiers: readonly string[];
}

type Defaults = Pick<TierPolicy, 'leadTimeDays' | 'deliveryDaysPerWeek' | 'serviceLevel'>;

/**
 * Defaults by tier name: service levels Platinum 0.99, Gold 0.98, Silver 0.95, Standard 0.90;
 * promised lead times 1/2/3/5 days and deliveries 5/5/3/1 days a week (Standard consolidated to
 * one weekly delivery day). Strategic accounts default like Platinum; any other name like Standard.
 */
export const TIER_POLICY_DEFAULTS: Readonly<Record<string, Defaults>> = {
  Strategic: { leadTimeDays: 1, deliveryDaysPerWeek: 5, serviceLevel: 0.99 },
  Platinum: { leadTimeDays: 1, deliveryDaysPerWeek: 5, serviceLevel: 0.99 },
  Gold: { leadTimeDays: 2, deliveryDaysPerWeek: 5, serviceLevel: 0.98 },
  Silver: { leadTimeDays: 3, deliveryDaysPerWeek: 3, serviceLevel: 0.95 },
  Standard: { leadTimeDays: 5, deliveryDaysPerWeek: 1, serviceLevel: 0.9 },
};

export const DEFAULT_BASELINE_SERVICE_LEVEL = 0.95;

const tierPolicySchema = z
  .object({
    leadTimeDays: z.number().optional(),
    minimumOrder: z.number().optional(),
    minimumOrderBasis: z.enum(MINIMUM_ORDER_BASES).optional(),
    deliveryDaysPerWeek: z.number().int().optional(),
    smallOrderThreshold: z.number().optional(),
    smallOrderSurcharge: z.number().optional(),
    ctsAllowancePct: z.number().nullable().optional(),
    serviceLevel: z.number().optional(),
    priority: z.number().int().optional(),
    parentRule: z.enum(PARENT_RULES).optional(),
  })
  .strict() satisfies z.ZodType<TierPolicySpec>;

export const policySpecSchema = z
  .object({
    tiers: z.record(z.string(), tierPolicySchema).optional(),
    carryingRate: z.number().optional(),
    baselineServiceLevel: z.number().optional(),
  })
  .strict() satisfies z.ZodType<PolicySpec>;

function check(ok: boolean, name: string, value: unknown, expected: string): void {
  if (!ok) throw new Error(`invalid ${name}: ${JSON.stringify(value)} (expected ${expected})`);
}

/** Validates a service level (a fraction strictly between 0 and 1). */
export function serviceLevel(name: string, v: number): number {
  check(v > 0 && v < 1, name, v, 'a fraction between 0 and 1, e.g. 0.95');
  return v;
}

function amount(name: string, v: number): number {
  check(Number.isFinite(v) && v >= 0, name, v, 'a number >= 0');
  return v;
}

/** Completes the policy of every tier in `tierNames` (best first) and validates every value. */
export function normalizePolicy(spec: PolicySpec, tierNames: readonly string[]): NormalizedPolicy {
  const given = spec.tiers ?? {};
  const tiers = tierNames.map((tier, position): TierPolicy => {
    const s = given[tier] ?? {};
    const d = TIER_POLICY_DEFAULTS[tier] ?? TIER_POLICY_DEFAULTS.Standard;
    const at = (field: string) => `${field} of ${tier}`;
    const minimumOrderBasis = keyword(at('minimumOrderBasis'), s.minimumOrderBasis ?? 'value', MINIMUM_ORDER_BASES);
    const minimumOrder = amount(at('minimumOrder'), s.minimumOrder ?? 0);
    const deliveryDaysPerWeek = s.deliveryDaysPerWeek ?? d.deliveryDaysPerWeek;
    check(Number.isInteger(deliveryDaysPerWeek) && deliveryDaysPerWeek >= 1 && deliveryDaysPerWeek <= 7, at('deliveryDaysPerWeek'), deliveryDaysPerWeek, 'a whole number of days from 1 to 7');
    const priority = s.priority ?? position + 1;
    check(Number.isInteger(priority) && priority >= 1, at('priority'), priority, 'a whole number >= 1 (1 = served first)');
    const allowance = s.ctsAllowancePct ?? null;
    if (allowance !== null) amount(at('ctsAllowancePct'), allowance);
    return {
      tier,
      leadTimeDays: amount(at('leadTimeDays'), s.leadTimeDays ?? d.leadTimeDays),
      minimumOrder,
      minimumOrderBasis,
      deliveryDaysPerWeek,
      smallOrderThreshold: amount(at('smallOrderThreshold'), s.smallOrderThreshold ?? (minimumOrderBasis === 'value' ? minimumOrder : 0)),
      smallOrderSurcharge: amount(at('smallOrderSurcharge'), s.smallOrderSurcharge ?? 0),
      ctsAllowancePct: allowance,
      serviceLevel: serviceLevel(at('serviceLevel'), s.serviceLevel ?? d.serviceLevel),
      priority,
      parentRule: keyword(at('parentRule'), s.parentRule ?? 'own', PARENT_RULES),
    };
  });
  const carryingRate = spec.carryingRate ?? DEFAULT_CARRYING_RATE;
  check(Number.isFinite(carryingRate) && carryingRate >= 0, 'carryingRate', carryingRate, 'a fraction per year >= 0, e.g. 0.25');
  return {
    tiers,
    carryingRate,
    baselineServiceLevel: serviceLevel('baselineServiceLevel', spec.baselineServiceLevel ?? DEFAULT_BASELINE_SERVICE_LEVEL),
    unusedTiers: Object.keys(given).filter((t) => !tierNames.includes(t)),
  };
}

/** Validates a policy document (e.g. from a config) and normalises it for `tierNames`. */
export function parsePolicy(document: unknown, tierNames: readonly string[]): NormalizedPolicy {
  return normalizePolicy(policySpecSchema.parse(document), tierNames);
}

/** Tiers in shortage-priority order: by rank, ties by tier order. */
export function byPriority(policy: NormalizedPolicy): TierPolicy[] {
  return policy.tiers.map((t, i) => ({ t, i })).sort((a, b) => a.t.priority - b.t.priority || a.i - b.i).map(({ t }) => t);
}
