import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { applyPreparation } from '../../../src/analytics/prepare/apply-preparation.ts';
import { column } from '../../../src/analytics/matrix.ts';
import { prepare } from '../../../src/analytics/prepare/prepare.ts';
import { quantileSorted } from '../../../src/analytics/prepare/quantile.ts';

const col = (p: ReturnType<typeof prepare>, j = 0) => Array.from(column(p.matrix, j));

describe('quantileSorted (numpy "linear")', () => {
  it('interpolates between order statistics', () => {
    // [1,2,3,4]: p=0.25 -> position 0.75 -> 1 + 0.75*(2-1) = 1.75; p=0.75 -> position 2.25 -> 3.25
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBe(1.75);
    expect(quantileSorted([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});

describe('prepare: scaling', () => {
  it('zscore uses the population standard deviation', () => {
    // mean 3, population variance (4+1+0+1+4)/5 = 2, std sqrt(2)
    const p = prepare({ x: [1, 2, 3, 4, 5] }, { features: ['x'] });
    const s = Math.SQRT2;
    expect(col(p)).toEqual([-2 / s, -1 / s, 0, 1 / s, 2 / s]);
    expect(p.params.features[0]).toMatchObject({ center: 3, scale: s, weight: 1, lower: null, upper: null });
  });

  it('minmax maps to [0, 1]', () => {
    const p = prepare({ x: [2, 4, 6] }, { features: ['x'], scaling: 'minmax' });
    expect(col(p)).toEqual([0, 0.5, 1]);
  });

  it('robust divides by the interpolated IQR', () => {
    // [1,2,3,4,100]: q1 at position 1 -> 2, median 3, q3 at position 3 -> 4, IQR 2
    const p = prepare({ x: [1, 2, 3, 4, 100] }, { features: ['x'], scaling: 'robust' });
    expect(col(p)).toEqual([-1, -0.5, 0, 0.5, 48.5]);
    // [1,2,3,4]: q1 1.75, median 2.5, q3 3.25, IQR 1.5 -> (1 - 2.5)/1.5 = -1
    const q = prepare({ x: [1, 2, 3, 4] }, { features: ['x'], scaling: 'robust' });
    expect(col(q)[0]).toBeCloseTo(-1, 12);
    expect(q.params.features[0]).toMatchObject({ center: 2.5, scale: 1.5 });
  });

  it('weights multiply the scaled column by sqrt(weight)', () => {
    const p = prepare({ x: [1, 2, 3, 4, 5] }, { features: ['x'], weights: { x: 4 } });
    const s = Math.SQRT2;
    expect(col(p)).toEqual([-2 / s, -1 / s, 0, 1 / s, 2 / s].map((v) => v * 2));
  });

  it('reports zero variance and leaves the column at 0', () => {
    const p = prepare({ x: [7, 7, 7], y: [1, 2, 3] }, { features: ['x', 'y'] });
    expect(col(p, 0)).toEqual([0, 0, 0]);
    expect(p.issues.map((i) => [i.code, i.feature])).toEqual([['zero-variance', 'x']]);
    expect(p.params.features[0].scale).toBe(0);
  });
});

describe('prepare: transform, missing values, outliers', () => {
  it('log1p clips negatives first and counts them', () => {
    // [-5, 0, e - 1] -> clip -> [0, 0, e - 1] -> log1p -> [0, 0, 1]
    const p = prepare({ x: [-5, 0, Math.E - 1] }, { features: ['x'], transform: 'log1p', scaling: 'none' });
    expect(col(p)[0]).toBe(0);
    expect(col(p)[1]).toBe(0);
    expect(col(p)[2]).toBeCloseTo(1, 15);
    expect(p.issues).toEqual([
      {
        code: 'negatives-clipped',
        feature: 'x',
        message: '"x": 1 negative value clipped to 0 before log1p; choose signed-log1p to keep it.',
      },
    ]);
  });

  it('8.13: signed-log1p keeps losses negative and equals log1p on values >= 0', () => {
    // [-(e - 1), 0, e - 1] -> sign(x) * ln(1 + |x|) -> [-1, 0, 1]; nothing is clipped
    const p = prepare({ x: [-(Math.E - 1), 0, Math.E - 1] }, { features: ['x'], transform: 'signed-log1p', scaling: 'none' });
    expect(col(p)[0]).toBeCloseTo(-1, 15);
    expect(col(p)[1]).toBe(0);
    expect(col(p)[2]).toBeCloseTo(1, 15);
    expect(p.issues).toEqual([]);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e12, noNaN: true }), (x) => {
        const a = prepare({ x: [x, x + 1] }, { features: ['x'], transform: 'signed-log1p', scaling: 'none' });
        const b = prepare({ x: [x, x + 1] }, { features: ['x'], transform: 'log1p', scaling: 'none' });
        expect(Array.from(a.matrix.data)).toEqual(Array.from(b.matrix.data));
      }),
    );
  });

  it('8.15: robust scaling with IQR 0 divides by the standard deviation and says so', () => {
    // Seven zeros and one 8: q1 (position 1.75) and q3 (position 5.25) are both 0, so IQR = 0 and the
    // median is 0. Mean 1; population sd = sqrt((7 * (0 - 1)^2 + (8 - 1)^2) / 8) = sqrt(56 / 8) = sqrt(7).
    const p = prepare({ x: [0, 0, 0, 0, 0, 0, 0, 8] }, { features: ['x'], scaling: 'robust' });
    expect(p.params.features[0].center).toBe(0);
    expect(p.params.features[0].scale).toBeCloseTo(Math.sqrt(7), 12);
    expect(col(p)[7]).toBeCloseTo(8 / Math.sqrt(7), 12);
    expect(p.issues.map((i) => i.code)).toEqual(['zero-iqr']);
    expect(p.issues[0].message).toContain('divides it by its standard deviation (2.65) instead');
  });

  it('excludes rows with missing values and names them', () => {
    const p = prepare({ x: [1, NaN, 3, 5], y: [1, 2, 3, NaN] }, { features: ['x', 'y'], scaling: 'none' });
    expect(Array.from(p.rows)).toEqual([0, 2]);
    expect(Array.from(p.excludedRows)).toEqual([1, 3]);
    expect(p.issues.map((i) => i.message)).toEqual([
      '"x": 1 missing values (rows 1); rows excluded.',
      '"y": 1 missing values (rows 3); rows excluded.',
    ]);
    expect(Array.from(p.matrix.data)).toEqual([1, 1, 3, 3]);
  });

  it('imputes the median when asked', () => {
    // median of [1, 3, 8] is 3
    const p = prepare({ x: [1, NaN, 3, 8] }, { features: ['x'], scaling: 'none', missing: 'median' });
    expect(col(p)).toEqual([1, 3, 3, 8]);
    expect(p.params.features[0].impute).toBe(3);
  });

  it('winsorizes at linearly interpolated percentiles', () => {
    // 0..100: the 10th percentile sits at position 10 -> 10, the 90th at 90 -> 90; 20 values clamped
    const x = Array.from({ length: 101 }, (_, i) => i);
    const p = prepare(
      { x },
      { features: ['x'], scaling: 'none', outliers: { policy: 'winsorize', lower: 0.1, upper: 0.9 } },
    );
    expect(Math.min(...col(p))).toBe(10);
    expect(Math.max(...col(p))).toBe(90);
    expect(p.issues[0].message).toBe('"x": 20 values beyond the outlier percentiles clamped to the bounds.');
  });

  it('excludes outliers and counts them', () => {
    const x = Array.from({ length: 101 }, (_, i) => i);
    const p = prepare(
      { x },
      { features: ['x'], scaling: 'minmax', outliers: { policy: 'exclude', lower: 0.1, upper: 0.9 } },
    );
    expect(p.matrix.n).toBe(81);
    expect(p.excludedRows.length).toBe(20);
    // the scaler is fitted on the kept rows 10..90
    expect(p.params.features[0]).toMatchObject({ center: 10, scale: 80 });
  });

  it('isolates named and top-N accounts before fitting', () => {
    const p = prepare(
      { x: [1, 2, 3, 1000, 4] },
      { features: ['x'], scaling: 'minmax', isolateTop: { feature: 'x', n: 1 } },
    );
    expect(Array.from(p.excludedRows)).toEqual([3]);
    expect(p.params.features[0]).toMatchObject({ center: 1, scale: 3 });
  });
});

describe('prepare: validation and re-application', () => {
  it('names bad keywords', () => {
    // @ts-expect-error testing a bad keyword from an untyped caller
    expect(() => prepare({ x: [1] }, { features: ['x'], scaling: 'zscor' })).toThrow(
      'invalid scaling: "zscor" (expected zscore, minmax, robust or none)',
    );
    expect(() => prepare({ x: [1] }, { features: ['y'] })).toThrow('unknown column: "y"');
    expect(() => prepare({ x: [1] }, { features: ['x'], weights: { x: -1 } })).toThrow(
      'invalid weight for "x": -1 (expected a finite number >= 0)',
    );
  });

  it('reports when no row is left, and refuses a median of nothing', () => {
    const p = prepare({ x: [NaN, NaN] }, { features: ['x'] });
    expect(p.matrix.n).toBe(0);
    expect(p.issues[0].code).toBe('no-rows');
    expect(() => prepare({ x: [NaN, NaN] }, { features: ['x'], missing: 'median' })).toThrow(
      'column "x" has no numeric values to take a median from',
    );
  });

  it('re-applies fitted params to new customers', () => {
    const p = prepare({ x: [1, 2, 3, 4, 5] }, { features: ['x'] });
    const params = JSON.parse(JSON.stringify(p.params));
    expect(params).toEqual(p.params);
    const q = applyPreparation(params, { x: [6] });
    expect(q.matrix.data[0]).toBe(3 / Math.SQRT2);
  });

  const columnsArb = fc
    .integer({ min: 2, max: 30 })
    .chain((n) =>
      fc.tuple(
        fc.array(fc.double({ min: -100, max: 1000, noNaN: true }), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: -100, max: 1000, noNaN: true }), { minLength: n, maxLength: n }),
      ),
    );

  it('weights of 1 change nothing (property)', () => {
    fc.assert(
      fc.property(
        columnsArb,
        fc.constantFrom('zscore', 'minmax', 'robust', 'none' as const),
        ([a, b], scaling) => {
          const base = prepare({ a, b }, { features: ['a', 'b'], scaling });
          const ones = prepare({ a, b }, { features: ['a', 'b'], scaling, weights: { a: 1, b: 1 } });
          expect(ones.matrix).toEqual(base.matrix);
        },
      ),
    );
  });

  it('applyPreparation(params) on the same data reproduces prepare (property)', () => {
    fc.assert(
      fc.property(columnsArb, fc.constantFrom('keep', 'winsorize', 'exclude' as const), ([a, b], policy) => {
        const p = prepare(
          { a, b },
          { features: ['a', 'b'], transform: 'log1p', outliers: { policy, lower: 0.1, upper: 0.9 } },
        );
        const q = applyPreparation(p.params, { a, b });
        expect(q.matrix).toEqual(p.matrix);
        expect(q.rows).toEqual(p.rows);
      }),
    );
  });

  it('fits the same parameters whatever the order of the rows (property)', () => {
    fc.assert(
      fc.property(columnsArb, fc.constantFrom('zscore', 'minmax', 'robust' as const), ([a, b], scaling) => {
        const p = prepare({ a, b }, { features: ['a', 'b'], scaling, transform: 'signed-log1p' });
        const q = prepare({ a: [...a].reverse(), b: [...b].reverse() }, { features: ['a', 'b'], scaling, transform: 'signed-log1p' });
        expect(q.params).toEqual(p.params);
      }),
    );
  });

  it('prepares z-score and min-max without sorting (what a weight drag reruns)', () => {
    const x = Array.from({ length: 1000 }, (_, i) => ((i * 7919) % 1000) / 10);
    const y = x.map((v) => v * v);
    const sort = vi.spyOn(Float64Array.prototype, 'sort');
    try {
      prepare({ x, y }, { features: ['x', 'y'], scaling: 'zscore', transform: 'signed-log1p', weights: { x: 2 } });
      prepare({ x, y }, { features: ['x', 'y'], scaling: 'minmax' });
      expect(sort).not.toHaveBeenCalled();
      prepare({ x, y }, { features: ['x', 'y'], scaling: 'robust' });
      expect(sort).toHaveBeenCalled();
    } finally {
      sort.mockRestore();
    }
  });
});
