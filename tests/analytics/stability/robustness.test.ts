import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cluster } from '../../../src/analytics/cluster/cluster.ts';
import { fromRows } from '../../../src/analytics/matrix.ts';
import { matchToReference, renamed } from '../../../src/analytics/stability/agreement.ts';
import { NO_ALTERNATIVE } from '../../../src/analytics/stability/confidence.ts';
import { likelyMovers, moversCsv } from '../../../src/analytics/stability/movers.ts';
import { robustness } from '../../../src/analytics/stability/robustness.ts';
import { loadRobustnessSummary, summarizeRobustness } from '../../../src/analytics/stability/summary.ts';
import { groups, THREE_BLOBS } from './fixtures.ts';

describe('matchToReference', () => {
  it('matches clusters to keep the most customers, noise apart, and names a cluster without partner -1', () => {
    // own 0 holds reference 2's rows, own 1 reference 0's; own 2 has no partner left
    const m = matchToReference([2, 2, 0, 0, -1, 2], [0, 0, 1, 1, -1, 2]);
    expect(Array.from(m.mapping)).toEqual([2, 0, -1]);
    expect(m.shareChanged).toBeCloseTo(1 / 6, 15); // the last row: reference 2, own 2 unmatched
    expect(Array.from(renamed([0, 0, 1, 1, -1, 2], m.mapping, 3))).toEqual([2, 2, 0, 0, -1, 3]);
    // everything noise in the reference: nothing to match
    expect(Array.from(matchToReference([-1, -1], [0, 0]).mapping)).toEqual([-1]);
  });
});

describe('robustness and its summary', () => {
  const spec = { cluster: { algorithm: 'kmeans' as const, k: 3 }, features: ['x', 'y'], bootstrap: { replicates: 10 } };

  it('runs every analysis against one baseline with one rising progress bar', () => {
    const seen: number[] = [];
    const r = robustness(THREE_BLOBS, spec, { onProgress: (f) => seen.push(f) });
    expect(r.baseline.sizes).toEqual([30, 30, 30]);
    expect(r.bootstrap?.clusters.map((c) => c.meanJaccard)).toEqual([1, 1, 1]);
    expect(r.sensitivity?.pass).toBe(true);
    expect(r.dropOne?.dropOne).toHaveLength(2);
    expect(r.holdout?.ari).toBe(1);
    expect(r.monteCarlo).toBeNull();
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBeCloseTo(1, 12);
    const off = robustness(THREE_BLOBS, { ...spec, bootstrap: false, sensitivity: false, dropOne: false, monteCarlo: { draws: 3 } });
    expect([off.bootstrap, off.sensitivity, off.dropOne]).toEqual([null, null, null]);
    expect(off.monteCarlo?.draws).toBe(3);
  });

  it('summarises into JSON that loads back unchanged, NaN as null', () => {
    // DBSCAN with noise: the summary carries the noise group
    const m = groups([
      { at: [0, 0], n: 30, spread: 0.3 },
      { at: [20, 0], n: 30, spread: 0.3 },
      { at: [10, 30], n: 3, spread: 10 },
    ]);
    const r = robustness(m, { cluster: { algorithm: 'dbscan', eps: 1, minPoints: 4 }, features: ['x', 'y'], bootstrap: { replicates: 5 }, monteCarlo: { draws: 2 } });
    const summary = summarizeRobustness(r);
    const copy = loadRobustnessSummary(JSON.parse(JSON.stringify(summary)));
    expect(copy).toEqual(summary);
    expect(summary).toMatchObject({ kind: 'tierbook-robustness', version: 1, cluster: { algorithm: 'dbscan', eps: 1, minPoints: 4 } });
    expect(summary.bootstrap?.noise?.cluster).toBe(-1);
    expect(summary.sensitivity?.verdicts.map((v) => v.feature)).toEqual(['x', 'y']);
    expect(summary.holdout?.assignment).toContain('core');
    expect(summary.periods).toBeNull();
  });

  it('rejects a malformed summary with the place at fault', () => {
    const summary = summarizeRobustness(robustness(THREE_BLOBS, { ...spec, sensitivity: false, dropOne: false }));
    expect(() => loadRobustnessSummary({ ...summary, kind: 'other' })).toThrow('invalid robustness summary: kind:');
    const bad = JSON.parse(JSON.stringify(summary));
    bad.bootstrap.clusters[0].band = 'rock-solid';
    expect(() => loadRobustnessSummary(bad)).toThrow('invalid robustness summary: bootstrap.clusters.0.band:');
    bad.bootstrap.clusters[0].band = 'stable';
    bad.holdout.ari = 'high';
    expect(() => loadRobustnessSummary(bad)).toThrow('invalid robustness summary: holdout.ari:');
  });
});

describe('likelyMovers and moversCsv', () => {
  const customers = {
    confidence: Float64Array.from([1, 0.4, NaN, 0.75, 0.4]),
    alternative: Int32Array.from([NO_ALTERNATIVE, 2, NO_ALTERNATIVE, -1, 0]),
    drawn: Int32Array.from([60, 62, 0, 64, 5]),
  };
  const ids = ['C1', '=HYPERLINK("x")', 'C3', 'C4', 'C5'];

  it('lists the customers that moved, least confident first, never-drawn ones left out', () => {
    const movers = likelyMovers(ids, [0, 1, 0, 2, -1], customers);
    expect(movers.map((m) => m.id)).toEqual(['=HYPERLINK("x")', 'C5', 'C4']);
    expect(movers[1]).toEqual({ row: 4, id: 'C5', cluster: -1, confidence: 0.4, alternative: 0, drawn: 5 });
    expect(likelyMovers(ids, [0, 1, 0, 2, -1], customers, { below: 0.5, limit: 1 }).map((m) => m.row)).toEqual([1]);
    expect(() => likelyMovers(ids.slice(1), [0, 1, 0, 2, -1], customers)).toThrow('invalid movers input');
  });

  it('writes a spreadsheet-safe CSV with the clusters numbered as in assignments.csv', () => {
    const csv = moversCsv(likelyMovers(ids, [0, 1, 0, 2, -1], customers));
    expect(csv).toBe(
      [
        'customer_id,cluster,confidence,most_likely_other_cluster,replicates_drawn',
        `"'=HYPERLINK(""x"")",2,0.4,3,62`,
        'C5,noise,0.4,1,5',
        'C4,3,0.75,noise,64',
        '',
      ].join('\n'),
    );
  });
});

describe('robustness properties', () => {
  const pointsArb = fc.array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 12 })), { minLength: 15, maxLength: 40 });
  const algorithmArb = fc.constantFrom('kmeans' as const, 'ward' as const);

  it('gives the same numbers for the same seed, in every analysis (property)', () => {
    fc.assert(
      fc.property(pointsArb, algorithmArb, fc.nat(10_000), (points, algorithm, seed) => {
        const m = fromRows(points);
        const spec = {
          cluster: { algorithm, k: 3, restarts: 1, seed },
          features: ['x', 'y'],
          bootstrap: { replicates: 4, seed },
          holdout: { seed },
          monteCarlo: { draws: 3, seed },
        };
        expect(robustness(m, spec)).toEqual(robustness(m, spec));
      }),
      { numRuns: 15 },
    );
  });

  it('changes no sensitivity, drop-one, Monte Carlo or holdout figure when the baseline is renamed (property)', () => {
    fc.assert(
      fc.property(pointsArb, algorithmArb, fc.shuffledSubarray([0, 1, 2], { minLength: 3, maxLength: 3 }), (points, algorithm, perm) => {
        const m = fromRows(points);
        const spec = { cluster: { algorithm, k: 3, restarts: 1 }, features: ['x', 'y'], bootstrap: false as const, monteCarlo: { draws: 3 } };
        const base = cluster(m, spec.cluster).labels;
        const a = robustness(m, { ...spec, baseline: base });
        const b = robustness(m, { ...spec, baseline: base.map((c) => perm[c]) });
        expect(b.sensitivity).toEqual(a.sensitivity);
        expect(b.dropOne).toEqual(a.dropOne);
        expect(b.monteCarlo).toEqual(a.monteCarlo);
        const figures = (r: typeof a) => r.holdout && [r.holdout.ari, r.holdout.shareChanged, r.holdout.fitAri];
        expect(figures(b)).toEqual(figures(a));
      }),
      { numRuns: 15 },
    );
  });
});
