import type { Transform } from './preparation-spec.ts';

/**
 * Applies a transform to one value. log1p clips negatives to 0 first; signed-log1p keeps the
 * sign (sign(x) · ln(1 + |x|)), so it equals log1p on non-negative values. NaN stays NaN.
 */
export function transformValue(transform: Transform, x: number): number {
  if (transform === 'none') return x;
  if (transform === 'signed-log1p') return x < 0 ? -Math.log1p(-x) : Math.log1p(x);
  return Math.log1p(x < 0 ? 0 : x);
}

/** Whether the transform clips this raw value (a negative value under log1p). */
export function clipsValue(transform: Transform, x: number): boolean {
  return transform === 'log1p' && x < 0;
}
