/**
 * XYZ classes by the coefficient of variation of monthly demand: X below the first bound,
 * Y from it up to the second, Z above (X < 0.5 <= Y <= 1.0 < Z by default). Unknown CV: ''.
 */

export type XyzClass = 'X' | 'Y' | 'Z' | '';

export function xyzClasses(cv: ArrayLike<number>, bounds: readonly [number, number]): XyzClass[] {
  return Array.from(cv, (v): XyzClass => (Number.isNaN(v) ? '' : v < bounds[0] ? 'X' : v <= bounds[1] ? 'Y' : 'Z'));
}
