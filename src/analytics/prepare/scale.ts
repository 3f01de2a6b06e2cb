import { exactSum } from './exact-sum.ts';
import { quantileSorted } from './quantile.ts';
import type { Scaling } from './preparation-spec.ts';

/** A fitted affine scaling `(x - center) / scale`; `scale = 0` marks a constant feature (output 0). */
export interface ScalerFit {
  /** Subtracted first, in transformed units. */
  readonly center: number;
  /** Divisor, in transformed units; 0 when the feature is constant. */
  readonly scale: number;
  /** Why the fit is degenerate, if it is. */
  readonly degenerate?: 'zero-variance' | 'zero-iqr';
}

/**
 * Fits a scaler on finite values, in any order (the fit does not depend on it).
 * zscore: mean and population standard deviation; minmax: min and range;
 * robust: median and IQR with linearly interpolated quartiles (numpy "linear");
 * none: 0 and 1. A constant feature gets scale 0. A robust fit with IQR 0 on a
 * non-constant feature (more than half its values equal, e.g. a mostly-zero returns rate) is
 * divided by the population standard deviation instead: scikit-learn's RobustScaler keeps scale
 * 1 there, which leaves the column in raw units, where it can hold nearly all the variance of
 * the prepared matrix and drive the clusters on its own.
 *
 * Only robust scaling sorts (a copy); z-score and min-max take one or two passes, so refitting
 * on every step of a slider drag stays cheap.
 */
export function fitScaler(scaling: Scaling, values: Float64Array): ScalerFit {
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (n === 0 || min === max) return { center: n === 0 ? 0 : min, scale: 0, degenerate: 'zero-variance' };
  switch (scaling) {
    case 'none':
      return { center: 0, scale: 1 };
    case 'minmax':
      return { center: min, scale: max - min };
    case 'robust': {
      const sorted = Float64Array.from(values).sort();
      const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
      const center = quantileSorted(sorted, 0.5);
      return iqr > 0 ? { center, scale: iqr } : { center, scale: meanAndStd(values).std, degenerate: 'zero-iqr' };
    }
    case 'zscore': {
      const { mean, std } = meanAndStd(values);
      return std > 0 ? { center: mean, scale: std } : { center: mean, scale: 0, degenerate: 'zero-variance' };
    }
  }
}

/**
 * Mean and population standard deviation, two passes with correctly rounded sums: the mean
 * is Σx / n and the variance Σ(x − mean)² / n, each sum rounded once, so the result is the same
 * for any order of the values (what sorting them first used to guarantee) and more accurate.
 */
export function meanAndStd(values: Float64Array): { mean: number; std: number } {
  const n = values.length;
  const mean = exactSum(values) / n;
  return { mean, std: Math.sqrt(exactSum(values, mean) / n) };
}
