import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { silhouetteMeans } from '../../src/analytics/metrics/silhouette-many.ts';
import { silhouette } from '../../src/analytics/metrics/silhouette.ts';

const matrix = (rows: number[][]) => ({ n: rows.length, d: rows[0]?.length ?? 0, data: Float64Array.from(rows.flat()) });

describe('silhouetteMeans', () => {
  it('on a hand-checkable case: two tight pairs far apart', () => {
    // Points 0, 1 and 10, 11 on a line. With {0,1},{10,11}: row 0 has a = 1, b = (10 + 11) / 2,
    // s = 9.5 / 10.5; row 1 has a = 1, b = (9 + 10) / 2, s = 8.5 / 9.5; rows 2 and 3 mirror them.
    const m = matrix([[0], [1], [10], [11]]);
    const [good, bad] = silhouetteMeans(m, [
      [0, 0, 1, 1],
      [0, 1, 0, 1],
    ]);
    expect(good).toBeCloseTo((9.5 / 10.5 + 8.5 / 9.5) / 2, 15);
    expect(bad).toBe(silhouette(m, [0, 1, 0, 1]).mean);
    expect(bad).toBeLessThan(0);
  });

  it('equals silhouette(m, labels).mean for each labelling, bit for bit (property: d up to 11, noise, one cluster)', () => {
    const rows = (d: number) =>
      fc.array(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: d, maxLength: d }), { minLength: 2, maxLength: 40 });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 11 }).chain((d) => rows(d)),
        fc.array(fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 40, maxLength: 40 }), { minLength: 1, maxLength: 5 }),
        fc.boolean(),
        (data, labellings, noNoise) => {
          const m = matrix(data);
          const ls = labellings.map((l) => l.slice(0, m.n).map((x) => (noNoise ? Math.abs(x) : x)));
          const got = silhouetteMeans(m, ls);
          ls.forEach((l, i) => expect(Object.is(got[i], silhouette(m, l).mean)).toBe(true));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports the rows done, and refuses labels of another length', () => {
    const m = matrix(Array.from({ length: 600 }, (_, i) => [i % 7, i % 11]));
    const seen: number[] = [];
    silhouetteMeans(m, [Array.from({ length: 600 }, (_, i) => i % 3)], (done) => seen.push(done));
    expect(seen).toEqual([256, 512]);
    expect(() => silhouetteMeans(m, [[0, 1]])).toThrow('invalid labels: 2 labels for 600 rows');
  });
});
