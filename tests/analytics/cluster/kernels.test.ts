import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accumulate, assignAccumulate, assignRows, type AssignOutput } from '../../../src/analytics/cluster/kernels.ts';

/** The plain definition the kernels must match bit for bit: sequential sums over d, strict `<`, rows added in order. */
function naiveAssign(data: Float64Array, d: number, centers: Float64Array, k: number, rows: number[]) {
  const out = new Map<number, [number, number, number]>();
  for (const i of rows) {
    let best = 0;
    let bestD = Infinity;
    let secondD = Infinity;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let t = 0; t < d; t++) s += (data[i * d + t] - centers[c * d + t]) * (data[i * d + t] - centers[c * d + t]);
      if (s < bestD) {
        secondD = bestD;
        bestD = s;
        best = c;
      } else if (s < secondD) secondD = s;
    }
    out.set(i, [best, bestD, secondD]);
  }
  return out;
}

const output = (n: number): AssignOutput => ({ labels: new Int32Array(n), best: new Float64Array(n), second: new Float64Array(n) });

const caseArb = fc
  .record({ n: fc.integer({ min: 1, max: 23 }), d: fc.integer({ min: 1, max: 11 }), k: fc.integer({ min: 1, max: 7 }) })
  .chain(({ n, d, k }) =>
    fc.record({
      n: fc.constant(n),
      d: fc.constant(d),
      k: fc.constant(k),
      // small integers and halves make exact ties between centres common
      data: fc.array(fc.integer({ min: -6, max: 6 }).map((x) => x / 2), { minLength: n * d, maxLength: n * d }),
      centers: fc.array(fc.double({ min: -4, max: 4, noNaN: true }), { minLength: k * d, maxLength: k * d }),
      rows: fc.subarray([...Array(n).keys()]),
    }),
  );

describe('k-means kernels (exact)', () => {
  it('assignRows equals the plain definition on all rows and on any subset of rows (property)', () => {
    fc.assert(
      fc.property(caseArb, ({ n, d, k, data, centers, rows }) => {
        const x = Float64Array.from(data);
        const c = Float64Array.from(centers);
        for (const subset of [null, Int32Array.from(rows)]) {
          const list = subset ? rows : [...Array(n).keys()];
          const out = output(n);
          assignRows(x, d, c, k, out, subset, list.length);
          const want = naiveAssign(x, d, c, k, list);
          for (const i of list) expect([out.labels[i], out.best[i], out.second[i]]).toEqual(want.get(i));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('assignAccumulate equals assignRows followed by accumulate (property)', () => {
    fc.assert(
      fc.property(caseArb, ({ n, d, k, data, centers }) => {
        const x = Float64Array.from(data);
        const c = Float64Array.from(centers);
        const a = output(n);
        const sumsA = new Float64Array(k * d).fill(7);
        const countsA = new Int32Array(k).fill(7);
        assignRows(x, d, c, k, a, null, n);
        accumulate(x, n, d, a.labels, sumsA, countsA);
        const b = output(n);
        const sumsB = new Float64Array(k * d).fill(-7);
        const countsB = new Int32Array(k).fill(-7);
        assignAccumulate(x, n, d, c, k, b, sumsB, countsB);
        expect(b).toEqual(a);
        expect(sumsB).toEqual(sumsA);
        expect(countsB).toEqual(countsA);
      }),
      { numRuns: 300 },
    );
  });
});
