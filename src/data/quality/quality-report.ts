/** The quality report: every input row accounted for, per-rule counts, examples and a lineage log. */
import { MAX_EXAMPLES } from '../errors.ts';
import type { NonProductBucket, QualityRuleId, RuleAction } from './rule-types.ts';

/** Why a row was excluded. */
export const EXCLUSION_REASONS = [
  'exact-duplicate', 'missing-customer-id', 'missing-value', 'non-numeric', 'out-of-range-value', 'unparseable-date',
  'implausible-date', 'future-date', 'ship-before-order', 'zero-qty', 'nonpositive-price', 'duplicate-key',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** Rows a rule changed or marked without excluding them. */
export const REPAIR_KINDS = ['customer-id', 'non-product', 'returns', 'shipping-cost'] as const;
export const FLAG_KINDS = ['cost-above-price', 'non-numeric-optional', 'unparseable-optional-date', 'returned-above-qty', 'negative-optional', 'out-of-range-optional'] as const;
export type RepairKind = (typeof REPAIR_KINDS)[number];
export type FlagKind = (typeof FLAG_KINDS)[number];

/** One example row: 1-based data row, physical line for text files, and its cells as text. */
export interface ExampleRow {
  row: number;
  line?: number;
  values: Record<string, string>;
}

/** What one rule did. */
export interface RuleOutcome {
  id: QualityRuleId;
  title: string;
  action: RuleAction;
  description: string;
  enabled: boolean;
  /** Rows matched by the rule: excluded by it, or repaired, routed or flagged by it and kept. */
  count: number;
  /** Counts per exclusion reason / repair / flag kind this rule produced. */
  detail: Record<string, number>;
  examples: ExampleRow[];
}

/** One step of the lineage log. */
export interface LineageStep {
  step: string;
  rowsIn: number;
  rowsOut: number;
  note?: string;
}

export interface QualityReport {
  kind: 'tierbook.quality-report';
  version: 1;
  source: string;
  /** Data rows read from the file. */
  inputRows: number;
  /** Rows kept (sales + returns + non-product lines); `keptRows + Σ excluded = inputRows`. */
  keptRows: number;
  salesRows: number;
  returnRows: number;
  /** Kept lines that are not products (postage, discounts, fees, manual adjustments): lines and Σ qty × unit_price per bucket. */
  nonProductRows: number;
  nonProduct: Record<NonProductBucket, { lines: number; amount: number }>;
  /** Kept rows repaired, per repair kind (a kept row can be repaired by several rules; an excluded row counts only as excluded). */
  repaired: Record<RepairKind, number>;
  /** Rows excluded, per reason (each excluded row has exactly one reason: the first rule that excluded it). */
  excluded: Record<ExclusionReason, number>;
  /** Kept rows flagged for review, per kind. */
  flagged: Record<FlagKind, number>;
  rules: RuleOutcome[];
  lineage: LineageStep[];
  /** Shipping-cost imputation: lines per level and the imputed share of total freight (0–1). */
  freight?: { levels: Record<string, number>; imputedShare: number };
  /** The as-of date used (ISO), whether the options or the data set it, and why that date (one sentence). */
  asOf: { date: string; source: 'option' | 'data'; reason: string };
  /** Notes for the user (e.g. a rule that could not run for lack of a column). */
  notes: string[];
}

/** Collects examples for one rule, capped at MAX_EXAMPLES. */
export class ExampleLog {
  readonly rows: number[] = [];
  count = 0;
  add(row: number): void {
    this.count++;
    if (this.rows.length < MAX_EXAMPLES) this.rows.push(row);
  }
}

/** Zeroed count records. */
export function zeroCounts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}
