import { contingency } from './contingency.ts';

const pairs = (x: number) => (x * (x - 1)) / 2;

/**
 * Adjusted Rand Index (Hubert & Arabie) from the contingency table:
 * (Index - Expected) / (Max - Expected) with Index = sum C(n_ij, 2),
 * Expected = sum C(a_i, 2) * sum C(b_j, 2) / C(n, 2), Max = (sum C(a_i, 2) + sum C(b_j, 2)) / 2.
 * 1 for identical partitions up to renaming; about 0 for random ones. When Max = Expected
 * (both trivial: one cluster each, or all singletons) it is 1, as in scikit-learn.
 */
export function adjustedRandIndex(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const { counts, n } = contingency(a, b);
  let index = 0;
  let rowTerm = 0;
  const colSums = new Array<number>(counts[0]?.length ?? 0).fill(0);
  for (const row of counts) {
    let rowSum = 0;
    row.forEach((c, j) => {
      index += pairs(c);
      rowSum += c;
      colSums[j] += c;
    });
    rowTerm += pairs(rowSum);
  }
  const colTerm = colSums.reduce((s, c) => s + pairs(c), 0);
  const expected = n < 2 ? 0 : (rowTerm * colTerm) / pairs(n);
  const max = (rowTerm + colTerm) / 2;
  return max === expected ? 1 : (index - expected) / (max - expected);
}
