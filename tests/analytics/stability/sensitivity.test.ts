import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cluster } from '../../../src/analytics/cluster/cluster.ts';
import { fromRows } from '../../../src/analytics/matrix.ts';
import { prepare } from '../../../src/analytics/prepare/prepare.ts';
import { dropOneFeature } from '../../../src/analytics/stability/drop-one.ts';
import { monteCarloWeights } from '../../../src/analytics/stability/monte-carlo.ts';
import { weightSensitivity } from '../../../src/analytics/stability/sensitivity.ts';
import { reweighMatrix, stepWeight } from '../../../src/analytics/stability/weights.ts';
import { groups, square, THREE_BLOBS } from './fixtures.ts';

describe('weights', () => {
  it('changes one weight and renormalises to the same total', () => {
    // (1, 1, 2) with +10% on the first: (1.1, 1, 2) sums to 4.1, scaled by 4 / 4.1
    const w = stepWeight([1, 1, 2], 0, 0.1);
    expect(w[0]).toBeCloseTo((1.1 * 4) / 4.1, 15);
    expect(w[1]).toBeCloseTo(4 / 4.1, 15);
    expect(w[2]).toBeCloseTo(8 / 4.1, 15);
    expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(4, 14);
    expect(stepWeight([1, 0, 3], 1, 0.2)).toEqual([1, 0, 3]);
  });

  it('rescales a prepared matrix exactly as preparing it again with the new weights would', () => {
    const columns = { a: [1, 5, 2, 8, 3], b: [10, 0, 4, 4, 7], c: [0.5, 0.1, 0.9, 0.3, 0.2] };
    const spec = { features: ['a', 'b', 'c'], transform: 'log1p' as const, scaling: 'robust' as const };
    const from = [1, 2, 0.5];
    const to = stepWeight(from, 1, -0.2);
    const before = prepare(columns, { ...spec, weights: { a: from[0], b: from[1], c: from[2] } }).matrix;
    const again = prepare(columns, { ...spec, weights: { a: to[0], b: to[1], c: to[2] } }).matrix;
    const rescaled = reweighMatrix(before, from, to);
    rescaled.data.forEach((x, i) => expect(x).toBeCloseTo(again.data[i], 12));
    // a dropped column (null) is left out
    const dropped = reweighMatrix(before, from, [from[0], null, from[2]]);
    expect(dropped.d).toBe(2);
    expect(dropped.data[1]).toBe(before.data[2]);
  });
});

describe('weightSensitivity', () => {
  it('gives ARI 1 and nothing changed at zero perturbation', () => {
    for (const algorithm of ['kmeans', 'ward'] as const) {
      const r = weightSensitivity(THREE_BLOBS, { cluster: { algorithm, k: 3 }, features: ['x', 'y'], steps: [0] });
      expect(r.weights).toEqual([
        { feature: 'x', change: 0, weight: 1, ari: 1, shareChanged: 0 },
        { feature: 'y', change: 0, weight: 1, ari: 1, shareChanged: 0 },
      ]);
      expect(r.features.map((f) => f.verdict)).toEqual([null, null]); // no step within ±10% other than 0
      expect(r.pass).toBeNull();
    }
    const d = weightSensitivity(THREE_BLOBS, { cluster: { algorithm: 'dbscan', eps: 3, minPoints: 4 }, features: ['x', 'y'], steps: [0] });
    expect(d.weights.map((w) => [w.ari, w.shareChanged])).toEqual([[1, 0], [1, 0]]);
  });

  it('passes features of well separated blobs at ±10% and ±20%', () => {
    const r = weightSensitivity(THREE_BLOBS, { cluster: { algorithm: 'kmeans', k: 3 }, features: ['x', 'y'] });
    expect(r.weights).toHaveLength(8);
    expect(r.weights.map((w) => w.change)).toEqual([-0.2, -0.1, 0.1, 0.2, -0.2, -0.1, 0.1, 0.2]);
    for (const w of r.weights) expect([w.ari, w.shareChanged]).toEqual([1, 0]);
    expect(r.features.map((f) => f.verdict)).toEqual(['pass', 'pass']);
    expect(r.pass).toBe(true);
    expect(r.warmStart).toBe(false);
  });

  it('fails a feature whose -10% turns the cut: half the customers change, ARI about 0', () => {
    const { m, weights } = square();
    const r = weightSensitivity(m, { cluster: { algorithm: 'kmeans', k: 2, restarts: 10 }, features: ['a', 'b'], weights, steps: [-0.1, 0.1] });
    const at = (feature: string, change: number) => r.weights.find((w) => w.feature === feature && w.change === change);
    // -10% on a: 0.945 against 1 -> renormalised 0.996 against 1.054, b now weighs more
    expect(at('a', -0.1)?.shareChanged).toBe(0.5);
    expect(at('a', -0.1)?.ari).toBeLessThan(0.05);
    // +10% on a, or any change of b that keeps a ahead, changes nothing
    expect(at('a', 0.1)).toMatchObject({ ari: 1, shareChanged: 0 });
    expect(at('b', -0.1)).toMatchObject({ ari: 1, shareChanged: 0 });
    expect(at('b', 0.1)?.shareChanged).toBe(0.5); // 1.1 against 1.05: b ahead
    expect(r.features.map((f) => [f.feature, f.verdict, f.maxShareChanged])).toEqual([
      ['a', 'fail', 0.5],
      ['b', 'fail', 0.5],
    ]);
    expect(r.features[0].reason).toContain('at -10%');
    expect(r.pass).toBe(false);
    // looser thresholds are the analyst's to set
    const loose = weightSensitivity(m, {
      cluster: { algorithm: 'kmeans', k: 2, restarts: 10 },
      features: ['a', 'b'],
      weights,
      steps: [-0.1, 0.1],
      thresholds: { minAri: -1, maxShareChanged: 0.5 },
    });
    expect(loose.pass).toBe(true);
  });

  it('skips a feature of weight 0 and refuses bad steps', () => {
    const r = weightSensitivity(THREE_BLOBS, { cluster: { algorithm: 'kmeans', k: 3 }, features: ['x', 'y'], weights: [1, 0] });
    expect(r.weights.every((w) => w.feature === 'x')).toBe(true);
    expect(r.features[1]).toMatchObject({ feature: 'y', verdict: null, maxShareChanged: 0 });
    expect(r.issues.map((i) => i.code)).toEqual(['zero-weight']);
    const spec = { cluster: { algorithm: 'kmeans' as const, k: 3 }, features: ['x', 'y'] };
    expect(() => weightSensitivity(THREE_BLOBS, { ...spec, steps: [-1.5] })).toThrow('invalid step: -1.5');
    expect(() => weightSensitivity(THREE_BLOBS, { ...spec, steps: [0.1, 0.1] })).toThrow('a step is listed twice');
    expect(() => weightSensitivity(THREE_BLOBS, { ...spec, features: ['x'] })).toThrow('invalid features: 1 names for 2 matrix columns');
    expect(() => weightSensitivity(THREE_BLOBS, { ...spec, thresholds: { maxShareChanged: 2 } })).toThrow('invalid maxShareChanged: 2');
  });

  it('changes no result when the baseline clusters are renamed, and repeats itself (property)', () => {
    const m = groups([
      { at: [0, 0], n: 25, spread: 1.5 },
      { at: [3, 1], n: 25, spread: 1.5 },
      { at: [1, 4], n: 25, spread: 1.5 },
    ]);
    const spec = { algorithm: 'kmeans' as const, k: 3, restarts: 2 };
    const base = cluster(m, spec).labels;
    const plain = weightSensitivity(m, { cluster: spec, features: ['x', 'y'], baseline: base });
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }), (perm) => {
        const renamed = weightSensitivity(m, { cluster: spec, features: ['x', 'y'], baseline: base.map((c) => perm[c]) });
        expect(renamed).toEqual(plain);
      }),
      { numRuns: 6 },
    );
  });
});

describe('dropOneFeature', () => {
  it('shows which feature the segmentation rests on', () => {
    // a splits two groups; b and c are noise of the same spread
    const m = fromRows(
      Array.from({ length: 40 }, (_, i) => [i < 20 ? 0 : 10, ((i * 7) % 11) / 10, ((i * 5) % 13) / 10]),
    );
    const r = dropOneFeature(m, { cluster: { algorithm: 'kmeans', k: 2 }, features: ['a', 'b', 'c'] });
    expect(r.dropOne.map((f) => f.feature)).toEqual(['a', 'b', 'c']);
    expect(r.dropOne[0].ari).toBeLessThan(0.5);
    expect(r.dropOne[0].shareChanged).toBeGreaterThan(0.2);
    expect(r.dropOne.slice(1)).toEqual([
      { feature: 'b', ari: 1, shareChanged: 0 },
      { feature: 'c', ari: 1, shareChanged: 0 },
    ]);
  });

  it('cannot drop the only weighted feature or the only feature', () => {
    const r = dropOneFeature(THREE_BLOBS, { cluster: { algorithm: 'kmeans', k: 3 }, features: ['x', 'y'], weights: [1, 0] });
    expect(r.dropOne.map((f) => f.feature)).toEqual(['y']);
    expect(r.issues.map((i) => i.code)).toEqual(['only-weighted-feature']);
    const one = fromRows([[0], [1], [5], [6]]);
    expect(dropOneFeature(one, { cluster: { algorithm: 'kmeans', k: 2 }, features: ['a'] }).dropOne).toEqual([]);
  });
});

describe('monteCarloWeights', () => {
  it('draws nothing but the baseline at range 0, and repeats itself for a seed', () => {
    const zero = monteCarloWeights(THREE_BLOBS, { cluster: { algorithm: 'kmeans', k: 3 }, features: ['x', 'y'], draws: 5, range: 0 });
    expect(Array.from(zero.ari)).toEqual([1, 1, 1, 1, 1]);
    expect(zero.belowMinAri).toBe(0);
    const { m, weights } = square();
    const run = (seed: number) =>
      monteCarloWeights(m, { cluster: { algorithm: 'kmeans', k: 2, restarts: 10 }, features: ['a', 'b'], weights, draws: 40, range: 0.3, seed });
    const a = run(1);
    expect(run(1)).toEqual(a);
    // ±30% on both weights turns the cut in a good share of the draws, and only ever all or nothing
    expect(a.belowMinAri).toBeGreaterThan(0.2);
    expect(a.belowMinAri).toBeLessThan(0.8);
    for (const s of a.shareChanged) expect([0, 0.5]).toContain(s);
    expect(a.summary.ari.max).toBe(1);
    expect(a.summary.ari.min).toBeLessThan(0.05);
  });
});
