/** Options of the customer-feature build; `normalizeFeatureOptions` holds every default. */
import { checkAbcCuts, DEFAULT_ABC_CUTS } from '../../analytics/tiers/abc.ts';
import { checkXyzBounds, DEFAULT_XYZ_BOUNDS } from '../../analytics/tiers/xyz.ts';

/** Activity rates of the cost-to-serve (DOMAIN.md §1.1), account currency. */
export interface ActivityRates {
  /** Per order (order handling); default 25. */
  order: number;
  /** Per order line (pick/pack); default 1.5. */
  line: number;
  /** Per return line; default 12. */
  returnLine: number;
}

export interface FeatureSpec {
  rates?: Partial<ActivityRates>;
  /** Aggregate per customer (default) or per parent account (customers without a parent stand alone). */
  level?: 'customer' | 'parent';
  /** Upper cumulative shares of classes A and B; default [0.7, 0.95] (70/25/5: A ≈ top 70%, B next 25%, C last 5%), the tiers' default. */
  abcShares?: readonly [number, number];
  /** What ABC ranks by; default gross margin (falls back to revenue when unit cost is missing). */
  abcBasis?: 'gross_margin' | 'revenue';
  /** CV limits of classes X and Y; default [0.5, 1.0] (X < 0.5 ≤ Y ≤ 1.0 < Z). */
  xyzLimits?: readonly [number, number];
}

export interface FeatureOptions {
  rates: ActivityRates;
  level: 'customer' | 'parent';
  abcShares: [number, number];
  abcBasis: 'gross_margin' | 'revenue';
  xyzLimits: [number, number];
}

export const DEFAULT_RATES: Readonly<ActivityRates> = { order: 25, line: 1.5, returnLine: 12 };

export function normalizeFeatureOptions(spec: FeatureSpec = {}): FeatureOptions {
  const rates = { ...DEFAULT_RATES, ...spec.rates };
  for (const [k, v] of Object.entries(rates)) if (!(v >= 0) || !Number.isFinite(v)) throw new Error(`invalid rate ${k}: ${v} (expected a number ≥ 0)`);
  const level = spec.level ?? 'customer';
  if (level !== 'customer' && level !== 'parent') throw new Error(`invalid level: ${JSON.stringify(level)} (expected customer or parent)`);
  const abcShares = checkAbcCuts([spec.abcShares?.[0] ?? DEFAULT_ABC_CUTS[0], spec.abcShares?.[1] ?? DEFAULT_ABC_CUTS[1]], 'abcShares');
  const xyzLimits = checkXyzBounds([spec.xyzLimits?.[0] ?? DEFAULT_XYZ_BOUNDS[0], spec.xyzLimits?.[1] ?? DEFAULT_XYZ_BOUNDS[1]], 'xyzLimits');
  const abcBasis = spec.abcBasis ?? 'gross_margin';
  if (abcBasis !== 'gross_margin' && abcBasis !== 'revenue') throw new Error(`invalid abcBasis: ${JSON.stringify(abcBasis)} (expected gross_margin or revenue)`);
  return { rates, level, abcShares, abcBasis, xyzLimits };
}
