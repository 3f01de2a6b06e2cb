import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignLabels } from '../../src/analytics/agreement/align.ts';
import { adjustedRandIndex } from '../../src/analytics/agreement/ari.ts';
import { contingency } from '../../src/analytics/agreement/contingency.ts';
import { hungarian } from '../../src/analytics/agreement/hungarian.ts';

describe('contingency and ARI', () => {
  const a = [0, 0, 0, 1, 1, 1, 2, 2, 2];
  const b = [0, 0, 1, 1, 1, 1, 2, 2, 2];

  it('tabulates', () => {
    expect(contingency(a, b).counts).toEqual([
      [2, 1, 0],
      [0, 3, 0],
      [0, 0, 3],
    ]);
  });

  it('gives 4.5 / 7 on the DOMAIN.md 5.6 example', () => {
    // Index = C(2,2)+C(3,2)+C(3,2) = 1+3+3 = 7; rows 3*C(3,2) = 9; columns C(2,2)+C(4,2)+C(3,2) = 1+6+3 = 10;
    // Expected = 9 * 10 / 36 = 2.5; Max = 9.5; ARI = (7 - 2.5) / (9.5 - 2.5) = 4.5 / 7 = 0.643
    expect(adjustedRandIndex(a, b)).toBeCloseTo(4.5 / 7, 15);
    expect(adjustedRandIndex(a, b).toFixed(3)).toBe('0.643');
  });

  it('is below 0 for an anti-correlated pair', () => {
    // a = [0,0,1,1], b = [0,1,0,1]: Index 0; rows 2, columns 2; Expected 2*2/6 = 2/3; Max 2;
    // ARI = (0 - 2/3) / (2 - 2/3) = -0.5
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 15);
  });

  const labelsArb = fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 2, maxLength: 50 });

  it('is 1 for any relabelling and symmetric (property)', () => {
    fc.assert(
      fc.property(
        labelsArb,
        fc.shuffledSubarray([0, 1, 2, 3, 4], { minLength: 5, maxLength: 5 }),
        (x, perm) => {
          expect(
            adjustedRandIndex(
              x,
              x.map((l) => perm[l] + 10),
            ),
          ).toBeCloseTo(1, 12);
        },
      ),
    );
    fc.assert(
      fc.property(
        labelsArb.chain((x) =>
          fc.tuple(
            fc.constant(x),
            fc.array(fc.integer({ min: 0, max: 3 }), { minLength: x.length, maxLength: x.length }),
          ),
        ),
        ([x, y]) => {
          expect(adjustedRandIndex(x, y)).toBeCloseTo(adjustedRandIndex(y, x), 12);
        },
      ),
    );
  });
});

function permutations(n: number): number[][] {
  if (n === 0) return [[]];
  return permutations(n - 1).flatMap((p) =>
    Array.from({ length: n }, (_, i) => [...p.slice(0, i), n - 1, ...p.slice(i)]),
  );
}

describe('Hungarian assignment', () => {
  it('solves a hand example (maximise)', () => {
    // rows pick columns 1, 0, 2: 9 + 8 + 7 = 24 beats the diagonal 1 + 2 + 7 = 10
    const r = hungarian([
      [1, 9, 0],
      [8, 2, 0],
      [0, 0, 7],
    ]);
    expect(Array.from(r.rowToColumn)).toEqual([1, 0, 2]);
    expect(r.total).toBe(24);
  });

  it('handles rectangles', () => {
    expect(Array.from(hungarian([[1, 5, 3]]).rowToColumn)).toEqual([1]);
    expect(Array.from(hungarian([[1], [5], [3]]).rowToColumn)).toEqual([-1, 0, -1]);
  });

  it('returns a permutation with the brute-force maximum trace (property, k <= 5)', () => {
    const square = fc.integer({ min: 1, max: 5 }).chain((k) =>
      fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { minLength: k, maxLength: k }), {
        minLength: k,
        maxLength: k,
      }),
    );
    fc.assert(
      fc.property(square, (c) => {
        const k = c.length;
        const { rowToColumn, total } = hungarian(c);
        expect([...rowToColumn].sort()).toEqual(Array.from({ length: k }, (_, i) => i));
        const best = Math.max(...permutations(k).map((p) => p.reduce((s, j, i) => s + c[i][j], 0)));
        expect(total).toBe(best);
        expect(Array.from(rowToColumn).reduce((s, j, i) => s + c[i][j], 0)).toBe(best);
      }),
    );
  });
});

describe('alignLabels', () => {
  it('renames clusters to match the reference and reports the share changed', () => {
    const reference = [0, 0, 0, 1, 1, 1, 2, 2, 2];
    const labels = [2, 2, 1, 1, 1, 1, 0, 0, 0]; // 2 -> 0, 1 -> 1, 0 -> 2; row 2 moved
    const r = alignLabels(reference, labels);
    expect(Array.from(r.labels)).toEqual([0, 0, 1, 1, 1, 1, 2, 2, 2]);
    expect(r.mapping).toEqual([2, 1, 0]);
    expect(r.shareChanged).toBeCloseTo(1 / 9, 15);
  });

  it('gives extra clusters fresh ids and keeps noise', () => {
    const r = alignLabels([0, 0, 1, 1, -1], [5, 5, 3, 4, -1]);
    // 5 -> 0 (2 rows), 3 or 4 -> 1 (1 row each; the first found wins), the other gets the fresh id 2
    expect(Array.from(r.labels)).toEqual([0, 0, 1, 2, -1]);
    expect(r.shareChanged).toBeCloseTo(1 / 5, 15);
  });

  it('maps onto 0..k-1 when the reference misses a cluster', () => {
    const r = alignLabels([0, 0, 2, 2], [1, 1, 0, 2], 3);
    expect([...r.mapping].sort()).toEqual([0, 1, 2]);
    expect(Array.from(r.labels).slice(0, 2)).toEqual([0, 0]);
  });

  it('with k, keeps names within 0..k-1 after k was lowered', () => {
    // previous k = 5 used ids 0, 1, 4; now k = 3: 1 -> 0 and 0 -> 1 by overlap, 2 takes the free id 2
    const r = alignLabels([0, 0, 1, 1, 4, 4], [1, 1, 0, 0, 2, 2], 3);
    expect(r.mapping).toEqual([1, 0, 2]);
    expect(Array.from(r.labels)).toEqual([0, 0, 1, 1, 2, 2]);
    expect(r.shareChanged).toBeCloseTo(2 / 6, 15);
  });

  it('aligning a relabelling recovers the reference exactly (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 40 }),
        fc.shuffledSubarray([0, 1, 2, 3], { minLength: 4, maxLength: 4 }),
        (ref, perm) => {
          const r = alignLabels(
            ref,
            ref.map((l) => perm[l]),
          );
          expect(Array.from(r.labels)).toEqual(ref);
          expect(r.shareChanged).toBe(0);
        },
      ),
    );
  });
});
