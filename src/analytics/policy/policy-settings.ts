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
import { MINIMUM_ORDER_BASES, PARENT_RULES, type PolicySpec, type TierPolicySpec } from './policy-spec.ts';

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
