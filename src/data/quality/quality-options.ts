/**
 * The options of the quality rules applied to order lines (each rule lives in `rules/`).
 * `QualitySpec` (all optional, as users and exported configs write it) is completed by
 * `normalizeQualityOptions`, the one place that holds the defaults.
 */
import { QUALITY_RULES, type QualityOptions, type QualityRuleId } from './rule-types.ts';
import { RULE_INFO } from './rules/index.ts';

export { QUALITY_RULES, type QualityOptions, type QualityRuleId, type RuleAction, type RuleInfo } from './rule-types.ts';
export { RULE_INFO } from './rules/index.ts';

/** Options as written by users and configs: every field optional. */
export interface QualitySpec {
  /** Rules switched off (only switchable ones can be). */
  disabled?: readonly QualityRuleId[];
  customerId?: { trim?: boolean; upperCase?: boolean; repad?: boolean };
  dates?: {
    /** Earliest plausible year; default 1990. */
    minYear?: number;
    /** Latest plausible year; default 2090. */
    maxYear?: number;
    /** As-of date (ISO `YYYY-MM-DD`); later order dates are "future". Default: the end of the data (the rule in `as-of.ts`, reported with its reason). */
    asOf?: string;
  };
  returns?: { /** Prefix of cancellation invoice numbers; default "C"; "" disables. */ cancellationPrefix?: string };
  shipping?: {
    /** Smallest group whose median is used; default 5. */
    minGroupSize?: number;
    /** Lower edges of the quantity bands (units); default [1, 5, 10, 25, 50, 100, 250]. */
    qtyBands?: readonly number[];
  };
}

/** Fills in defaults; throws `invalid quality rule: "x" (expected ...)` for an unknown or unswitchable rule. */
export function normalizeQualityOptions(spec: QualitySpec = {}): QualityOptions {
  const enabled = Object.fromEntries(QUALITY_RULES.map((r) => [r, true])) as Record<QualityRuleId, boolean>;
  for (const id of spec.disabled ?? []) {
    if (!(QUALITY_RULES as readonly string[]).includes(id)) throw new Error(`invalid quality rule: ${JSON.stringify(id)} (expected ${QUALITY_RULES.join(', ')})`);
    if (!RULE_INFO[id].switchable) throw new Error(`invalid quality rule: ${JSON.stringify(id)} cannot be switched off`);
    enabled[id] = false;
  }
  const minYear = spec.dates?.minYear ?? 1990;
  const maxYear = spec.dates?.maxYear ?? 2090;
  if (!(minYear < maxYear)) throw new Error(`invalid dates: minYear ${minYear} must be below maxYear ${maxYear}`);
  const asOf = spec.dates?.asOf;
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`invalid asOf: ${JSON.stringify(asOf)} (expected YYYY-MM-DD)`);
  const minGroupSize = spec.shipping?.minGroupSize ?? 5;
  if (!(minGroupSize >= 1)) throw new Error(`invalid minGroupSize: ${minGroupSize} (expected 1 or more)`);
  const qtyBands = [...(spec.shipping?.qtyBands ?? [1, 5, 10, 25, 50, 100, 250])].sort((a, b) => a - b);
  return {
    enabled,
    customerId: { trim: spec.customerId?.trim ?? true, upperCase: spec.customerId?.upperCase ?? true, repad: spec.customerId?.repad ?? true },
    dates: { minYear, maxYear, asOf },
    returns: { cancellationPrefix: spec.returns?.cancellationPrefix ?? 'C' },
    shipping: { minGroupSize, qtyBands },
  };
}
