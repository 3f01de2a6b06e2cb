/**
 * What every quality rule shares: its id (the order the rules run in), what it does to the rows
 * it matches, its documentation, and the complete options the rules read.
 */

/** Ids of the rules, in the order they run. */
export const QUALITY_RULES = [
  'exact-duplicates',
  'customer-id',
  'required-values',
  'date-range',
  'non-product',
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
  /** What the rule checks and what it does, for the quality report and the data README. */
  readonly description: string;
}

/** Where a non-product line's amount goes instead of product revenue. */
export const NON_PRODUCT_BUCKETS = ['freight', 'discount', 'fee', 'adjustment'] as const;
export type NonProductBucket = (typeof NON_PRODUCT_BUCKETS)[number];

/** Complete options of the rules, as `normalizeQualityOptions` returns them. */
export interface QualityOptions {
  enabled: Record<QualityRuleId, boolean>;
  customerId: { trim: boolean; upperCase: boolean; repad: boolean };
  dates: { minYear: number; maxYear: number; asOf: string | undefined };
  returns: { cancellationPrefix: string };
  /** Product codes (trimmed, upper-case) of non-product lines, per bucket. */
  nonProduct: Record<NonProductBucket, string[]>;
  shipping: { minGroupSize: number; qtyBands: number[] };
}
