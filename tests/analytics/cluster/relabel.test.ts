import { describe, expect, it } from 'vitest';
import { relabel, sizeOrder } from '../../../src/analytics/cluster/relabel.ts';
import { fromRows } from '../../../src/analytics/matrix.ts';

describe('relabel', () => {
  const result = {
    labels: Int32Array.from([0, 1, 1, 2, 2, 2, -1]),
    centroids: fromRows([[0, 0], [1, 1], [2, 2]]),
    sizes: [1, 2, 3],
  };

  it('numbers clusters by size, largest first', () => {
    expect(sizeOrder([1, 2, 3])).toEqual([2, 1, 0]);
    expect(sizeOrder([5, 5, 1])).toEqual([0, 1, 2]);
  });

  it('moves labels, centroids and sizes together and keeps noise', () => {
    const r = relabel(result, sizeOrder(result.sizes));
    expect(Array.from(r.labels)).toEqual([2, 1, 1, 0, 0, 0, -1]);
    expect(Array.from(r.centroids.data)).toEqual([2, 2, 1, 1, 0, 0]);
    expect(r.sizes).toEqual([3, 2, 1]);
  });

  it('refuses a mapping that is not a permutation', () => {
    expect(() => relabel(result, [0, 0, 1])).toThrow('invalid mapping: [0, 0, 1] (expected a permutation of 0..2)');
  });
});
