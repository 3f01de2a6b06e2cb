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
 * non-constant feature falls back to scale 1 (as scikit-learn's RobustScaler does).
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
      return iqr > 0 ? { center, scale: iqr } : { center, scale: 1, degenerate: 'zero-iqr' };
    }
    case 'zscore': {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += sorted[i];
      mean /= n;
      let ss = 0;
      for (let i = 0; i < n; i++) ss += (sorted[i] - mean) * (sorted[i] - mean);
      const std = Math.sqrt(ss / n);
      return std > 0 ? { center: mean, scale: std } : { center: mean, scale: 0, degenerate: 'zero-variance' };
    }
  }
}
