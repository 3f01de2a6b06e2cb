import type { Transform } from './preparation-spec.ts';
import { log1p } from '../log1p.ts';

/**
 * Applies a transform to one value. log1p clips negatives to 0 first; signed-log1p keeps the
 * sign (sign(x) · ln(1 + |x|)), so it equals log1p on non-negative values. NaN stays NaN.
 */
export function transformValue(transform: Transform, x: number): number {
  if (transform === 'none') return x;
  // Not Math.log1p: its last bit differs between engines (see log1p.ts).
  if (transform === 'signed-log1p') return x < 0 ? -log1p(-x) : log1p(x);
  return log1p(x < 0 ? 0 : x);
}

/** Whether the transform clips this raw value (a negative value under log1p). */
export function clipsValue(transform: Transform, x: number): boolean {
  return transform === 'log1p' && x < 0;
}
