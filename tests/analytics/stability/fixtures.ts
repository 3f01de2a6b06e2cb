import { fromRows, type Matrix } from '../../../src/analytics/matrix.ts';
import { createRandom, randomNormal } from '../../../src/analytics/random.ts';

/** Groups of points around given centres (2-D), each with its own size and spread; seeded. */
export function groups(spec: readonly { at: readonly [number, number]; n: number; spread: number }[], seed = 1): Matrix {
  const random = createRandom(seed);
  const rows: number[][] = [];
  for (const g of spec) {
    for (let i = 0; i < g.n; i++) rows.push([g.at[0] + g.spread * randomNormal(random), g.at[1] + g.spread * randomNormal(random)]);
  }
  return fromRows(rows);
}

/** Three tight groups of 30 far apart (100 units, spread 0.5): any sensible clustering finds them. */
export const THREE_BLOBS = groups([
  { at: [0, 0], n: 30, spread: 0.5 },
  { at: [100, 0], n: 30, spread: 0.5 },
  { at: [0, 100], n: 30, spread: 0.5 },
]);
