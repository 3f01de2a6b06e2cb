/**
 * The policy spec as `name=value` settings (`tierbook run --set`, URL parameters): tier fields
 * as `<field>.<tier>` (`serviceLevel.Gold=0.98`, `minimumOrder.Standard=250`,
 * `parentRule.Silver=higher`, `ctsAllowancePct.Standard=none`), and the two global ones
 * `carryingRate=0.25` and `baselineServiceLevel=95%`. Fractions may be written with `%`.
 * `applyPolicySetting` reads one; `policySettings` writes every field a spec sets.
 */
import { keyword } from '../keyword.ts';
import { formatNumber, fractionText, numberText, splitSetting } from '../tiers/setting-text.ts';
import { tierName } from '../tiers/tier-names.ts';
import { MINIMUM_ORDER_BASES, normalizePolicy, PARENT_RULES, policySpecSchema, type PolicySpec, type TierPolicySpec } from './policy-spec.ts';

type TierField = keyof TierPolicySpec;

/** How each tier field's text is read. */
const TIER_FIELDS: Readonly<Record<TierField, (name: string, text: string) => TierPolicySpec[TierField]>> = {
  leadTimeDays: numberText,
  minimumOrder: numberText,
  minimumOrderBasis: (name, t) => keyword(name, t.trim(), MINIMUM_ORDER_BASES),
  deliveryDaysPerWeek: numberText,
  smallOrderThreshold: numberText,
  smallOrderSurcharge: numberText,
  ctsAllowancePct: (name, t) => (t.trim() === 'none' ? null : numberText(name, t)),
  serviceLevel: fractionText,
  priority: numberText,
  parentRule: (name, t) => keyword(name, t.trim(), PARENT_RULES),
};

/** The tier fields, in the order `policySettings` writes them. */
export const POLICY_TIER_FIELDS = Object.keys(TIER_FIELDS) as TierField[];
const GLOBAL = ['carryingRate', 'baselineServiceLevel'] as const;

/** Whether `name` is a policy setting (`carryingRate`, `baselineServiceLevel` or `<field>.<tier>`). */
export function isPolicySetting(name: string): boolean {
  if ((GLOBAL as readonly string[]).includes(name)) return true;
  const dot = name.indexOf('.');
  return dot > 0 && Object.hasOwn(TIER_FIELDS, name.slice(0, dot));
}

/** A copy of `spec` with one setting applied; throws for an unknown name or a bad value. */
export function applyPolicySetting(spec: PolicySpec, name: string, text: string): PolicySpec {
  if (name === 'carryingRate' || name === 'baselineServiceLevel') return { ...spec, [name]: fractionText(name, text) };
  const dot = name.indexOf('.');
  const field = name.slice(0, dot) as TierField;
  if (dot <= 0 || !Object.hasOwn(TIER_FIELDS, field)) {
    throw new Error(`unknown policy setting: ${JSON.stringify(name)} (expected carryingRate, baselineServiceLevel or <field>.<tier> with field one of ${POLICY_TIER_FIELDS.join(', ')})`);
  }
  const tier = tierName(name.slice(dot + 1));
  const value = TIER_FIELDS[field](name, text);
  const tiers = spec.tiers ?? {};
  return { ...spec, tiers: { ...tiers, [tier]: { ...tiers[tier], [field]: value } } };
}

/** Applies `name=value` settings in order, starting from `spec`. */
export function parsePolicySettings(settings: readonly string[], spec: PolicySpec = {}): PolicySpec {
  return settings.reduce((s, setting) => applyPolicySetting(s, ...splitSetting(setting)), spec);
}

/** Every field `spec` sets, as `name=value` settings: globals first, then tiers in key order, fields in a fixed order. */
export function policySettings(spec: PolicySpec): string[] {
  const out: string[] = [];
  for (const g of GLOBAL) if (spec[g] !== undefined) out.push(`${g}=${formatNumber(spec[g])}`);
  for (const [tier, p] of Object.entries(spec.tiers ?? {})) {
    for (const field of POLICY_TIER_FIELDS) {
      const v = p[field];
      if (v === undefined) continue;
      out.push(`${field}.${tier}=${v === null ? 'none' : typeof v === 'number' ? formatNumber(v) : v}`);
    }
  }
  return out;
}

/** The policy fields set per tier, as the notebook's editable policy table holds them. */
export type TierPolicies = Readonly<Record<string, TierPolicySpec>>;

/** Whether `name` is one cell of the policy table, `<field>.<tier>`. */
export function isTierPolicySetting(name: string): boolean {
  return isPolicySetting(name) && !(GLOBAL as readonly string[]).includes(name);
}

/**
 * `tiers` with one cell `<field>.<tier>=text` applied; an empty text removes the field (the
 * tier's default applies again) and a tier left with no field is dropped.
 */
export function applyTierPolicySetting(tiers: TierPolicies, name: string, text: string): TierPolicies {
  if (!isTierPolicySetting(name)) return applyPolicySetting({ tiers }, name, text).tiers ?? {}; // names what is wrong
  if (text.trim() !== '') return applyPolicySetting({ tiers }, name, text).tiers ?? {};
  const dot = name.indexOf('.');
  const tier = tierName(name.slice(dot + 1));
  const { [name.slice(0, dot) as TierField]: _removed, ...rest } = tiers[tier] ?? {};
  const out: Record<string, TierPolicySpec> = { ...tiers };
  if (Object.keys(rest).length > 0) out[tier] = rest;
  else delete out[tier];
  return out;
}

/** The cells of `tiers` as (`<field>.<tier>`, text), tiers by name, fields in a fixed order. */
export function tierPolicyEntries(tiers: TierPolicies): [string, string][] {
  return policySettings({ tiers: canonicalTierPolicies(tiers) }).map((s) => splitSetting(s));
}

/** One form per meaning: tiers sorted by name, fields in `POLICY_TIER_FIELDS` order, empty tiers dropped. */
export function canonicalTierPolicies(tiers: TierPolicies): TierPolicies {
  const out: Record<string, TierPolicySpec> = {};
  for (const tier of Object.keys(tiers).sort()) {
    const fields = POLICY_TIER_FIELDS.filter((f) => tiers[tier][f] !== undefined).map((f) => [f, tiers[tier][f]] as const);
    if (fields.length > 0) out[tier] = Object.fromEntries(fields) as TierPolicySpec;
  }
  return out;
}

/** Why `value` is not a valid policy table (its shape, then every value against its tier), or undefined. */
export function tierPoliciesProblem(value: unknown): string | undefined {
  const parsed = policySpecSchema.shape.tiers.safeParse(value);
  if (!parsed.success || parsed.data === undefined) return `invalid policy: ${parsed.success ? 'expected policies by tier' : parsed.error.issues[0]?.message ?? 'expected policies by tier'}`;
  try {
    for (const tier of Object.keys(parsed.data)) tierName(tier);
    normalizePolicy({ tiers: parsed.data }, Object.keys(parsed.data));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
