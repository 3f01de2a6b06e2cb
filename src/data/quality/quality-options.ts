/**
 * The quality rules applied to order lines: their ids, what each does, and their options.
 * `QualitySpec` (all optional, as users and exported configs write it) is completed by
 * `normalizeQualityOptions`, the one place that holds the defaults.
 */

/** Ids of the rules, in the order they run. */
export const QUALITY_RULES = [
  'exact-duplicates',
  'customer-id',
  'required-values',
  'date-range',
  'returns',
  'price',
  'duplicate-keys',
  'optional-values',
  'cost-above-price',
  'shipping-cost',
] as const;

export type QualityRuleId = (typeof QUALITY_RULES)[number];

/** What a rule does to the rows it matches. */
export type RuleAction = 'exclude' | 'repair' | 'route' | 'flag';

export interface RuleInfo {
  readonly title: string;
  readonly action: RuleAction;
  /** Whether the user may switch it off (some rules guard what features can be computed at all). */
  readonly switchable: boolean;
  /** What the rule checks and what it does, for the quality report. */
  readonly description: string;
}

export const RULE_INFO: Readonly<Record<QualityRuleId, RuleInfo>> = {
  'exact-duplicates': { title: 'Exact duplicate lines', action: 'exclude', switchable: true, description: 'A row identical in every column to an earlier row is a double export; the later copy is excluded.' },
  'customer-id': { title: 'Customer ID normalisation', action: 'repair', switchable: true, description: 'Customer ids are trimmed, upper-cased and, when digits lost their leading zeros (e.g. "123"), re-padded to the dominant pattern (e.g. "C000123"). Rows without any customer id are excluded.' },
  'required-values': { title: 'Missing or unreadable required values', action: 'exclude', switchable: false, description: 'Rows whose quantity or unit price is empty or not a number, or whose order date is empty or not a date, are excluded: no revenue can be computed from them.' },
  'date-range': { title: 'Dates out of range', action: 'exclude', switchable: true, description: 'Rows with a date outside the plausible years, an order date after the as-of date, or a ship date before the order date are quarantined.' },
  returns: { title: 'Returns and cancellations', action: 'route', switchable: true, description: 'Lines with a negative quantity or a cancellation invoice number (prefix "C") are routed to returns: they reduce revenue and count as return lines, not as sales.' },
  price: { title: 'Zero or negative prices', action: 'exclude', switchable: true, description: 'Lines with a unit price of zero or less (samples, adjustments, write-offs) and lines with quantity zero are excluded from sales.' },
  'duplicate-keys': { title: 'Duplicate order lines (same order and line number)', action: 'exclude', switchable: true, description: 'A row with the same order id and line number as an earlier kept row, but other values, is excluded; the first one is kept.' },
  'optional-values': { title: 'Unreadable optional values', action: 'flag', switchable: false, description: 'Text in an optional number column (unit cost, shipping cost, returned quantity) or an unreadable ship/promised date is cleared and flagged; a returned quantity above the quantity is capped at it.' },
  'cost-above-price': { title: 'Unit cost above price', action: 'flag', switchable: true, description: 'Lines sold below cost are kept (they may be genuine loss leaders) and flagged for review.' },
  'shipping-cost': { title: 'Missing shipping cost', action: 'repair', switchable: true, description: 'A missing shipping cost is imputed with the median cost of similar lines: same region, carrier and quantity band, else region and carrier, else region, else all lines — the first group with at least 5 known costs. Imputed costs are never 0 and are flagged with the level used.' },
};

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
    /** As-of date (ISO `YYYY-MM-DD`); later order dates are "future". Default: derived from the data (see `defaultAsOf`). */
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

/** Complete options. */
export interface QualityOptions {
  enabled: Record<QualityRuleId, boolean>;
  customerId: { trim: boolean; upperCase: boolean; repad: boolean };
  dates: { minYear: number; maxYear: number; asOf: string | undefined };
  returns: { cancellationPrefix: string };
  shipping: { minGroupSize: number; qtyBands: number[] };
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
