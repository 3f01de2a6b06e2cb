import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jaccard, jaccardFromCounts } from '../../../src/analytics/stability/jaccard.ts';
import { stabilityBand } from '../../../src/analytics/stability/bands.ts';

describe('jaccard', () => {
  it('is |A ∩ B| / |A ∪ B| on small sets', () => {
    // {1,2,3} and {2,3,4}: intersection {2,3}, union {1,2,3,4} -> 2/4
    expect(jaccard([1, 2, 3], [2, 3, 4])).toBe(0.5);
    // {a,b} and {a,b,c,d,e}: 2/5
    expect(jaccard(['a', 'b'], ['a', 'b', 'c', 'd', 'e'])).toBe(0.4);
    expect(jaccard([1, 2], [2, 1])).toBe(1);
    expect(jaccard([1], [2])).toBe(0);
    // repeats count once: {1,2} and {2}
    expect(jaccard([1, 1, 2], [2, 2])).toBe(0.5);
    // two empty sets share nothing to recover
    expect(jaccard([], [])).toBe(0);
    expect(jaccardFromCounts(3, 5, 4)).toBe(3 / 6);
  });

  it('lies in [0, 1] and is symmetric (property)', () => {
    const set = fc.array(fc.integer({ min: 0, max: 20 }), { maxLength: 30 });
    fc.assert(
      fc.property(set, set, (a, b) => {
        const j = jaccard(a, b);
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThanOrEqual(1);
        expect(jaccard(b, a)).toBe(j);
      }),
    );
  });
});

describe('stabilityBand', () => {
  it('uses the clusterboot bands: < 0.6, 0.6-0.75, >= 0.75, >= 0.85', () => {
    expect([0, 0.599, 0.6, 0.749, 0.75, 0.849, 0.85, 1].map(stabilityBand)).toEqual([
      'unstable',
      'unstable',
      'pattern',
      'pattern',
      'stable',
      'stable',
      'highly-stable',
      'highly-stable',
    ]);
  });
});
