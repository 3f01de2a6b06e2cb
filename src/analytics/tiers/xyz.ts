/**
 * XYZ classes by the coefficient of variation of monthly demand: X below the first bound,
 * Y from it up to the second, Z above (X < 0.5 <= Y <= 1.0 < Z by default). Unknown CV: ''.
 */

export type XyzClass = 'X' | 'Y' | 'Z' | '';

/** Demand-CV bounds of X and Y: X < 0.5 <= Y <= 1.0 < Z. */
export const DEFAULT_XYZ_BOUNDS: readonly [number, number] = [0.5, 1];

/** Checks XYZ bounds `[x, y]`: 0 < x < y, both finite. */
export function checkXyzBounds(bounds: readonly number[], name = 'xyzBounds'): [number, number] {
  const [x, y] = bounds;
  if (bounds.length !== 2 || !(x > 0 && x < y && Number.isFinite(y))) throw new Error(`invalid ${name}: ${bounds.join(', ')} (expected 0 < X < Y, e.g. 0.5, 1)`);
  return [x, y];
}

export function xyzClasses(cv: ArrayLike<number>, bounds: readonly [number, number] = DEFAULT_XYZ_BOUNDS): XyzClass[] {
  return Array.from(cv, (v): XyzClass => (Number.isNaN(v) ? '' : v < bounds[0] ? 'X' : v <= bounds[1] ? 'Y' : 'Z'));
}
