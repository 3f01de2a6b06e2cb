/** Options of the customer-feature build; `normalizeFeatureOptions` holds every default. */

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
  /** Upper cumulative shares of classes A and B; default [0.8, 0.95] (A ≈ top 80%, B next 15%, C last 5%). */
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
  const abcShares: [number, number] = [spec.abcShares?.[0] ?? 0.8, spec.abcShares?.[1] ?? 0.95];
  if (!(abcShares[0] > 0 && abcShares[0] < abcShares[1] && abcShares[1] <= 1)) throw new Error(`invalid abcShares: ${abcShares.join(', ')} (expected 0 < A < B ≤ 1)`);
  const xyzLimits: [number, number] = [spec.xyzLimits?.[0] ?? 0.5, spec.xyzLimits?.[1] ?? 1];
  if (!(xyzLimits[0] > 0 && xyzLimits[0] < xyzLimits[1])) throw new Error(`invalid xyzLimits: ${xyzLimits.join(', ')} (expected 0 < X < Y)`);
  const abcBasis = spec.abcBasis ?? 'gross_margin';
  if (abcBasis !== 'gross_margin' && abcBasis !== 'revenue') throw new Error(`invalid abcBasis: ${JSON.stringify(abcBasis)} (expected gross_margin or revenue)`);
  return { rates, level, abcShares, abcBasis, xyzLimits };
}
