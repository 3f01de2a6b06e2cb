import { describe, expect, it } from 'vitest';
import { abcClasses } from '../../../src/analytics/tiers/abc.ts';
import { xyzClasses } from '../../../src/analytics/tiers/xyz.ts';
import { quintileScores, rfmScores } from '../../../src/analytics/tiers/rfm.ts';

describe('abcClasses', () => {
  it('cuts the cumulative share at 70/95 (70/25/5)', () => {
    // Total 100; sorted 50, 30, 10, 5 (row 0), 5 (row 4): shares before each 0, .5, .8, .9, .95.
    // 50 (0 < .7) A, 30 (.5 < .7) A, 10 (.8) B, row 0 (.9) B, row 4 (.95, not < .95) C.
    expect(abcClasses([5, 30, 50, 10, 5], [0.7, 0.95])).toEqual(['B', 'A', 'A', 'B', 'C']);
  });

  it('puts zero and negative values in C, unknown values in no class, and breaks ties by row', () => {
    expect(abcClasses([10, -5, 0, NaN, 10], [0.5, 0.9])).toEqual(['A', 'C', 'C', '', 'B']);
  });
});

describe('xyzClasses', () => {
  it('puts CV < 0.5 in X, 0.5..1.0 in Y, > 1.0 in Z', () => {
    expect(xyzClasses([0.2, 0.5, 1, 1.01, NaN], [0.5, 1])).toEqual(['X', 'Y', 'Y', 'Z', '']);
  });
});

describe('RFM quintile scores', () => {
  it('are exact quintiles for ten distinct values', () => {
    expect([...quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])]).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
  });

  it('give equal values the same score whatever the row order', () => {
    // 4 values of 7 with 1 below: 1 + floor(5 * 1 / 6) = 1; the top (5 below) scores 1 + floor(25 / 6) = 5.
    expect([...quintileScores([7, 7, 1, 7, 9, 7])]).toEqual([1, 1, 1, 1, 5, 1]);
    expect([...quintileScores([3, NaN, 3])]).toEqual([1, 0, 1]);
  });

  it('invert recency and write R, F, M digits', () => {
    const r = rfmScores([1, 100, 10, 50, 5], [20, 1, 8, 2, 12], [900, 10, 500, 20, 700]);
    // Recency: 1 day is best (5), 100 worst (1). Five customers: scores 1 + floor(5 × below / 5) = 1..5.
    expect([...r.recency]).toEqual([5, 1, 3, 2, 4]);
    expect(r.codes).toEqual(['555', '111', '333', '222', '444']);
    expect(rfmScores([1], [NaN], [1]).codes).toEqual(['']);
  });
});
