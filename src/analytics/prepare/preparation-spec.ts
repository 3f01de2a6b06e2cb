/**
 * Per-feature transform applied before scaling. `log1p` = ln(1 + x) after clipping negatives
 * to 0; `signed-log1p` = sign(x) · ln(1 + |x|), equal to log1p for x >= 0 and defined for
 * losses (net profit, negative margins) without clipping them.
 */
export type Transform = (typeof TRANSFORMS)[number];
/** Per-feature scaling. */
export type Scaling = (typeof SCALINGS)[number];
/** What to do with values beyond the outlier percentiles. */
export type OutlierPolicy = (typeof OUTLIER_POLICIES)[number];
/** What to do with rows that have a missing (NaN or infinite) feature value. */
export type MissingPolicy = (typeof MISSING_POLICIES)[number];

export const TRANSFORMS = ['none', 'log1p', 'signed-log1p'] as const;
export const SCALINGS = ['zscore', 'minmax', 'robust', 'none'] as const;
export const OUTLIER_POLICIES = ['keep', 'winsorize', 'exclude'] as const;
export const MISSING_POLICIES = ['exclude', 'median'] as const;

/** One feature with optional overrides of the preparation-wide settings. */
export interface FeatureSpec {
  /** Column name. */
  readonly name: string;
  /** Overrides `PreparationSpec.transform`. */
  readonly transform?: Transform;
  /** Overrides `PreparationSpec.scaling`. */
  readonly scaling?: Scaling;
  /** Overrides `PreparationSpec.weights[name]`. */
  readonly weight?: number;
}

/** How to prepare raw columns for clustering; every field but `features` is optional. */
export interface PreparationSpec {
  /** Features in matrix column order: names, or specs with per-feature overrides. */
  readonly features: readonly (string | FeatureSpec)[];
  /** Transform for every feature. Default `none`. */
  readonly transform?: Transform;
  /** Scaling for every feature. Default `zscore` (population standard deviation). */
  readonly scaling?: Scaling;
  /** Feature weights (finite, >= 0); the scaled column is multiplied by sqrt(weight). Default 1. */
  readonly weights?: Readonly<Record<string, number>>;
  /** Outlier handling, with percentiles as fractions in [0, 1]. Default keep, lower 0.01, upper 0.99. */
  readonly outliers?: { readonly policy?: OutlierPolicy; readonly lower?: number; readonly upper?: number };
  /** Missing values. Default `exclude` (the row is left out and reported). */
  readonly missing?: MissingPolicy;
  /** Row indexes set aside before fitting (e.g. named strategic accounts). Default none. */
  readonly isolateRows?: readonly number[];
  /** Also set aside the top `n` rows by raw value of `feature` (ties: lower row first). Default none. */
  readonly isolateTop?: { readonly feature: string; readonly n: number };
}

/** A feature with every setting resolved. */
export interface NormalizedFeature {
  readonly name: string;
  readonly transform: Transform;
  readonly scaling: Scaling;
  readonly weight: number;
}

/** A preparation spec with every default filled in. */
export interface NormalizedPreparation {
  readonly features: readonly NormalizedFeature[];
  readonly outliers: { readonly policy: OutlierPolicy; readonly lower: number; readonly upper: number };
  readonly missing: MissingPolicy;
  readonly isolateRows: readonly number[];
  readonly isolateTop: { readonly feature: string; readonly n: number } | null;
}

import { keyword } from '../keyword.ts';

export { keyword };

function fraction(name: string, value: number): number {
  if (!(value >= 0 && value <= 1))
    throw new Error(`invalid ${name}: ${value} (expected a fraction in [0, 1])`);
  return value;
}

/** Resolves every default of a preparation spec and validates keywords, weights and percentiles. */
export function normalizePreparation(spec: PreparationSpec): NormalizedPreparation {
  const transform = keyword('transform', spec.transform ?? 'none', TRANSFORMS);
  const scaling = keyword('scaling', spec.scaling ?? 'zscore', SCALINGS);
  const weights = spec.weights ?? {};
  const seen = new Set<string>();
  const features = spec.features.map((f): NormalizedFeature => {
    const fs: FeatureSpec = typeof f === 'string' ? { name: f } : f;
    if (seen.has(fs.name)) throw new Error(`invalid features: "${fs.name}" is listed twice`);
    seen.add(fs.name);
    const weight = fs.weight ?? weights[fs.name] ?? 1;
    if (!(Number.isFinite(weight) && weight >= 0)) {
      throw new Error(`invalid weight for "${fs.name}": ${weight} (expected a finite number >= 0)`);
    }
    return {
      name: fs.name,
      transform: keyword('transform', fs.transform ?? transform, TRANSFORMS),
      scaling: keyword('scaling', fs.scaling ?? scaling, SCALINGS),
      weight,
    };
  });
  if (features.length === 0) throw new Error('invalid features: none given');
  for (const name of Object.keys(weights)) {
    if (!seen.has(name)) throw new Error(`invalid weights: "${name}" is not a selected feature`);
  }
  const o = spec.outliers ?? {};
  const lower = fraction('lower percentile', o.lower ?? 0.01);
  const upper = fraction('upper percentile', o.upper ?? 0.99);
  if (lower >= upper) throw new Error(`invalid percentiles: lower ${lower} must be below upper ${upper}`);
  const top = spec.isolateTop;
  if (top && !(Number.isInteger(top.n) && top.n >= 0)) {
    throw new Error(`invalid isolateTop.n: ${top.n} (expected a whole number >= 0)`);
  }
  return {
    features,
    outliers: { policy: keyword('outlier policy', o.policy ?? 'keep', OUTLIER_POLICIES), lower, upper },
    missing: keyword('missing policy', spec.missing ?? 'exclude', MISSING_POLICIES),
    isolateRows: spec.isolateRows ?? [],
    isolateTop: top ?? null,
  };
}
