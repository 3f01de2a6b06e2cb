import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kmeans } from '../../src/analytics/cluster/kmeans.ts';
import { fromRows } from '../../src/analytics/matrix.ts';
import { warmLabels } from '../../src/workers/warm-labels.ts';

describe('warmLabels (the live preview)', () => {
  it('moves each centre to its members before labelling', () => {
    // Two groups on a line; centres start at 0 and 1, so the first step puts 1 in the left group.
    const m = fromRows([[0], [1], [9], [10]]);
    const init = fromRows([[0], [1]]);
    // Step 1: {0} and {1, 9, 10} -> centres 0 and 6.67; labels then {0, 1} and {9, 10}.
    expect([...warmLabels(m, init, 1)]).toEqual([0, 0, 1, 1]);
  });

  it('gives the labels of k-means warm-started from the same centroids (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 2, maxLength: 2 }), { minLength: 4, maxLength: 80 }),
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 4 }),
        (rows, k, iterations) => {
          const m = fromRows(rows);
          const init = fromRows(rows.slice(0, k));
          expect([...warmLabels(m, init, iterations)]).toEqual([...kmeans(m, { k, init, maxIterations: iterations }).labels]);
        },
      ),
    );
  });

  it('refuses centroids of another width', () => {
    expect(() => warmLabels(fromRows([[0, 1]]), fromRows([[0]]), 3)).toThrow('invalid init: 1 centroids of 1 values (expected 1 to 1 x 2)');
  });
});
