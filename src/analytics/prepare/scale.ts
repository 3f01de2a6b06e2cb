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
 * Fits a scaler on ascending-sorted finite values.
 * zscore: mean and population standard deviation; minmax: min and range;
 * robust: median and IQR with linearly interpolated quartiles (numpy "linear");
 * none: 0 and 1. A constant feature gets scale 0. A robust fit with IQR 0 on a
 * non-constant feature (more than half its values equal, e.g. a mostly-zero returns rate) is
 * divided by the population standard deviation instead: scikit-learn's RobustScaler keeps scale
 * 1 there, which leaves the column in raw units, where it can hold nearly all the variance of
 * the prepared matrix and drive the clusters on its own.
 */
export function fitScaler(scaling: Scaling, sorted: Float64Array): ScalerFit {
  const n = sorted.length;
  const constant = n === 0 || sorted[0] === sorted[n - 1];
  if (constant) return { center: n === 0 ? 0 : sorted[0], scale: 0, degenerate: 'zero-variance' };
  switch (scaling) {
    case 'none':
      return { center: 0, scale: 1 };
    case 'minmax':
      return { center: sorted[0], scale: sorted[n - 1] - sorted[0] };
    case 'robust': {
      const iqr = quantileSorted(sorted, 0.75) - quantileSorted(sorted, 0.25);
      const center = quantileSorted(sorted, 0.5);
      return iqr > 0 ? { center, scale: iqr } : { center, scale: meanAndStd(sorted).std, degenerate: 'zero-iqr' };
    }
    case 'zscore': {
      const { mean, std } = meanAndStd(sorted);
      return std > 0 ? { center: mean, scale: std } : { center: mean, scale: 0, degenerate: 'zero-variance' };
    }
  }
}

/** Mean and population standard deviation (two passes, for accuracy). */
function meanAndStd(values: Float64Array): { mean: number; std: number } {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += (values[i] - mean) * (values[i] - mean);
  return { mean, std: Math.sqrt(ss / n) };
}
