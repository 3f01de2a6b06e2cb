import { fromColumns, fromRows, type Matrix } from '../../../src/analytics/matrix.ts';
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

/**
 * Four corners of a 1 x 1 square, 10 customers each. With k = 2, k-means cuts across the
 * feature with the larger weight (it leaves the smaller spread inside the clusters): weights
 * (1.05, 1) cut along a. After -10% on a and renormalising, b weighs more and the cut turns:
 * the two partitions cross, half of the customers change cluster.
 */
export function square(): { m: Matrix; weights: number[] } {
  const a: number[] = [];
  const b: number[] = [];
  for (const [x, y] of [[0, 0], [0, 1], [1, 0], [1, 1]]) {
    for (let i = 0; i < 10; i++) {
      a.push(x + (i - 4.5) * 1e-3);
      b.push(y + ((i * 7) % 10 - 4.5) * 1e-3);
    }
  }
  const weights = [1.05, 1];
  return { m: fromColumns([a.map((v) => v * Math.sqrt(weights[0])), b.map((v) => v * Math.sqrt(weights[1]))]), weights };
}
