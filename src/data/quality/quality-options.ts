/**
 * The options of the quality rules applied to order lines (each rule lives in `rules/`).
 * `QualitySpec` (all optional, as users and exported configs write it) is completed by
 * `normalizeQualityOptions`, the one place that holds the defaults.
 */
import { NON_PRODUCT_BUCKETS, QUALITY_RULES, type NonProductBucket, type QualityOptions, type QualityRuleId } from './rule-types.ts';
import { RULE_INFO } from './rules/index.ts';

export { NON_PRODUCT_BUCKETS, QUALITY_RULES, type NonProductBucket, type QualityOptions, type QualityRuleId, type RuleAction, type RuleInfo } from './rule-types.ts';
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
  /**
   * Product codes of lines that are not products, per bucket (matched trimmed and
   * case-insensitively against the product_code column); a bucket given replaces its default
   * list, `[]` empties it. Defaults follow UCI Online Retail: see DEFAULT_NON_PRODUCT_CODES.
   */
  nonProduct?: Partial<Record<NonProductBucket, readonly string[]>>;
  shipping?: {
    /** Smallest group whose median is used; default 5. */
    minGroupSize?: number;
    /** Lower edges of the quantity bands (units); default [1, 5, 10, 25, 50, 100, 250]. */
    qtyBands?: readonly number[];
  };
}

/**
 * Default non-product codes: postage charged to the customer (`POST`, `DOT` dotcom postage,
 * `C2` carriage), discounts (`D`), fees the seller pays (`BANK CHARGES`, `AMAZONFEE`) and manual
 * adjustments (`M`), as in UCI Online Retail.
 */
export const DEFAULT_NON_PRODUCT_CODES: Readonly<Record<NonProductBucket, readonly string[]>> = {
  freight: ['POST', 'DOT', 'C2'],
  discount: ['D'],
  fee: ['BANK CHARGES', 'AMAZONFEE'],
  adjustment: ['M'],
};

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
    nonProduct: nonProductCodes(spec.nonProduct),
    shipping: { minGroupSize, qtyBands },
  };
}

/** Code lists per bucket, trimmed and upper-cased; throws for a code listed in two buckets. */
function nonProductCodes(spec: QualitySpec['nonProduct'] = {}): Record<NonProductBucket, string[]> {
  const out = {} as Record<NonProductBucket, string[]>;
  const seen = new Map<string, NonProductBucket>();
  for (const bucket of NON_PRODUCT_BUCKETS) {
    out[bucket] = [...(spec[bucket] ?? DEFAULT_NON_PRODUCT_CODES[bucket])].map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
    for (const code of out[bucket]) {
      const other = seen.get(code);
      if (other && other !== bucket) throw new Error(`invalid nonProduct: ${JSON.stringify(code)} is listed as both ${other} and ${bucket}`);
      seen.set(code, bucket);
    }
  }
  return out;
}
