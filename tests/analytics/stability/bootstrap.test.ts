import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cluster } from '../../../src/analytics/cluster/cluster.ts';
import { fromRows } from '../../../src/analytics/matrix.ts';
import { bootstrapStability } from '../../../src/analytics/stability/bootstrap.ts';
import { NO_ALTERNATIVE } from '../../../src/analytics/stability/confidence.ts';
import { groups, THREE_BLOBS } from './fixtures.ts';

describe('bootstrapStability', () => {
  it.each(['kmeans', 'ward'] as const)('%s: well separated blobs are recovered in every replicate (mean Jaccard 1)', (algorithm) => {
    const r = bootstrapStability(THREE_BLOBS, { cluster: { algorithm, k: 3 }, replicates: 30 });
    expect(r.clusters.map((c) => c.size)).toEqual([30, 30, 30]);
    for (const c of r.clusters) {
      expect(c.meanJaccard).toBe(1);
      expect(c).toMatchObject({ dissolved: 0, recovered: 30, replicates: 30, band: 'highly-stable' });
    }
    expect(r.noise).toBeNull();
    // every customer drawn stays with its cluster, and never has an alternative
    for (let i = 0; i < 90; i++) {
      if (r.customers.drawn[i] > 0) expect(r.customers.confidence[i]).toBe(1);
      expect(r.customers.alternative[i]).toBe(NO_ALTERNATIVE);
    }
    expect(r.warmStart).toBe(false);
    expect(r.method).toContain(algorithm === 'kmeans' ? 'k-means++' : 'exact');
  });

  it('scores the halves of a blob split by a too large k lower than the intact blobs', () => {
    // one wide blob of 60 and two tight blobs of 30: with k = 4 the wide blob is the one cut in
    // two, and where the cut falls changes from replicate to replicate
    const m = groups([
      { at: [0, 0], n: 60, spread: 3 },
      { at: [100, 0], n: 30, spread: 0.5 },
      { at: [0, 100], n: 30, spread: 0.5 },
    ]);
    const r = bootstrapStability(m, { cluster: { algorithm: 'kmeans', k: 4 }, replicates: 40 });
    const wide = r.clusters.filter((c) => c.size !== 30);
    const intact = r.clusters.filter((c) => c.size === 30);
    expect(wide).toHaveLength(2);
    expect(wide[0].size + wide[1].size).toBe(60);
    for (const c of intact) expect(c.meanJaccard).toBe(1);
    for (const c of wide) {
      expect(c.meanJaccard).toBeLessThan(0.85);
      expect(c.dissolved).toBeGreaterThan(0);
    }
    // customers of the split blob are the ones that move
    const moving = Array.from(r.customers.confidence).map((x, i) => ({ x, i })).filter(({ x }) => x < 1);
    expect(moving.length).toBeGreaterThan(0);
    for (const { i } of moving) expect(i).toBeLessThan(60);
  });

  it('reports DBSCAN noise as a group of its own', () => {
    // two dense groups and three scattered points far from everything
    const m = fromRows([
      ...Array.from({ length: 20 }, (_, i) => [i % 5, Math.floor(i / 5)].map((v) => v * 0.1)),
      ...Array.from({ length: 20 }, (_, i) => [50 + (i % 5) * 0.1, Math.floor(i / 5) * 0.1]),
      [25, 25],
      [-30, 40],
      [80, -50],
    ]);
    const r = bootstrapStability(m, { cluster: { algorithm: 'dbscan', eps: 0.5, minPoints: 3 }, replicates: 20 });
    expect(r.clusters.map((c) => c.size)).toEqual([20, 20]);
    expect(r.noise).toMatchObject({ cluster: -1, size: 3, band: null });
    // isolated points stay noise whenever drawn: the noise group is recovered exactly
    expect(r.noise?.meanJaccard).toBe(1);
    expect(r.issues.map((i) => i.code)).toContain('dbscan-density');
  });

  it('counts replicates where DBSCAN finds no cluster as dissolving every cluster', () => {
    // 6 points exactly at the core size: a replicate without repeats keeps fewer, so no core point remains
    const m = fromRows(Array.from({ length: 6 }, (_, i) => [i * 0.01, 0]));
    const r = bootstrapStability(m, { cluster: { algorithm: 'dbscan', eps: 1, minPoints: 6 }, replicates: 10 });
    expect(r.clusters[0].size).toBe(6);
    expect(r.clusters[0].meanJaccard).toBeLessThan(1);
    expect(r.issues.map((i) => i.code)).toContain('replicates-all-noise');
  });

  it('gives the same numbers for the same seed, and other draws for another seed', () => {
    const m = groups([
      { at: [0, 0], n: 40, spread: 2 },
      { at: [4, 0], n: 40, spread: 2 },
    ]);
    const run = (seed: number) => bootstrapStability(m, { cluster: { algorithm: 'kmeans', k: 2, seed: 3 }, replicates: 15, seed });
    const a = run(5);
    expect(run(5)).toEqual(a);
    expect(run(6).clusters[0].jaccards).not.toEqual(a.clusters[0].jaccards);
  });

  it('reports progress up to 1 and stops with an AbortError when cancelled', () => {
    const seen: number[] = [];
    bootstrapStability(THREE_BLOBS, { cluster: { algorithm: 'kmeans', k: 3 }, replicates: 4 }, { onProgress: (f) => seen.push(f) });
    expect(seen).toEqual([0.25, 0.5, 0.75, 1]);
    const controller = new AbortController();
    let calls = 0;
    const run = () =>
      bootstrapStability(
        THREE_BLOBS,
        { cluster: { algorithm: 'kmeans', k: 3 }, replicates: 10 },
        { signal: controller.signal, onProgress: () => ++calls === 2 && controller.abort() },
      );
    expect(run).toThrow(expect.objectContaining({ name: 'AbortError' }));
    expect(calls).toBe(2);
  });

  it('refuses bad options with the option named', () => {
    const spec = { cluster: { algorithm: 'kmeans' as const, k: 3 } };
    expect(() => bootstrapStability(THREE_BLOBS, { ...spec, replicates: 0 })).toThrow('invalid replicates: 0 (expected a whole number from 1 to 10000)');
    expect(() => bootstrapStability(THREE_BLOBS, { ...spec, seed: -1 })).toThrow('invalid seed: -1');
    expect(() => bootstrapStability(THREE_BLOBS, { ...spec, baseline: [0, 1] })).toThrow('invalid baseline: 2 labels for 90 rows');
  });
});

/** Small random 2-D data sets of 12 to 40 points on a coarse grid (ties and overlaps happen). */
const pointsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), { minLength: 12, maxLength: 40 });


describe('bootstrapStability properties', () => {
  it('keeps Jaccard and confidence in [0, 1] (property)', () => {
    fc.assert(
      fc.property(pointsArb, fc.integer({ min: 2, max: 4 }), fc.nat(1000), (points, k, seed) => {
        const r = bootstrapStability(fromRows(points), { cluster: { algorithm: 'kmeans', k, restarts: 1 }, replicates: 6, seed });
        for (const c of r.clusters) {
          for (const j of c.jaccards) if (!Number.isNaN(j)) expect(j >= 0 && j <= 1).toBe(true);
          if (c.replicates > 0) expect(c.meanJaccard >= 0 && c.meanJaccard <= 1).toBe(true);
          expect(c.dissolved + c.recovered).toBeLessThanOrEqual(c.replicates);
        }
        for (const x of r.customers.confidence) if (!Number.isNaN(x)) expect(x >= 0 && x <= 1).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('changes no result when the baseline clusters are renamed (property)', () => {
    fc.assert(
      fc.property(pointsArb, fc.nat(1000), (points, seed) => {
        const m = fromRows(points);
        const spec = { algorithm: 'kmeans' as const, k: 3, restarts: 1 };
        const base = cluster(m, spec).labels;
        const perm = [2, 0, 1];
        const a = bootstrapStability(m, { cluster: spec, replicates: 6, seed, baseline: base });
        const b = bootstrapStability(m, { cluster: spec, replicates: 6, seed, baseline: base.map((c) => perm[c]) });
        // cluster c of the first run is cluster perm[c] of the second, with the same numbers
        for (const c of a.clusters) {
          if (c.size === 0) continue;
          expect({ ...b.clusters[perm[c.cluster]], cluster: c.cluster }).toEqual(c);
        }
        expect(b.customers.confidence).toEqual(a.customers.confidence);
        expect(Array.from(b.customers.alternative)).toEqual(Array.from(a.customers.alternative, (x) => (x >= 0 ? perm[x] : x)));
      }),
      { numRuns: 100 },
    );
  });
});
