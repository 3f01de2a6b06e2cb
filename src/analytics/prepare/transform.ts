import type { Transform } from './preparation-spec.ts';

/** Applies a transform to one value; log1p clips negatives to 0 first. NaN stays NaN. */
export function transformValue(transform: Transform, x: number): number {
  if (transform === 'none') return x;
  return Math.log1p(x < 0 ? 0 : x);
}

/** Whether the transform clips this raw value (a negative value under log1p). */
export function clipsValue(transform: Transform, x: number): boolean {
  return transform === 'log1p' && x < 0;
}
