import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { pseudonymiseIds, pseudonymiser } from '../../src/config/pseudonymise.ts';
import { changesSinceApproval, describeInputChange } from '../../src/config/input-changes.ts';
import { assignmentLabels, embedAssignments, parseAssignmentsCsv } from '../../src/config/assignments-file.ts';
import { referenceDistributions } from '../../src/config/reference-distributions.ts';
import { driftReport } from '../../src/config/drift-report.ts';
import { normalizeDriftRule } from '../../src/analytics/monitor/drift-rule.ts';
import { sectionTexts } from '../../src/config/integrity.ts';
import { tierNamesByCluster, topTier } from '../../src/config/tier-map.ts';
import { assignmentsCsv, STRATEGIC } from '../../src/config/segmentation-config.ts';
import { csvText } from '../../src/data/csv-write.ts';
import { draftConfig, TABLE } from './fixture.ts';

describe('pseudonymised ids', () => {
  it('are stable under one key, different under another, and HMAC-SHA-256 underneath', async () => {
    const key = new TextEncoder().encode('a team secret of 32 bytes length');
    const [a, b] = await pseudonymiseIds(key, ['C000001', 'C000002']);
    expect(a).toMatch(/^p-[0-9a-f]{20}$/);
    expect(a).not.toBe(b);
    expect((await pseudonymiseIds(key, ['C000001']))[0]).toBe(a);
    expect((await pseudonymiseIds(new TextEncoder().encode('another secret of 32 bytes long!'), ['C000001']))[0]).not.toBe(a);
    // RFC 4231 test case 1: HMAC-SHA-256(key 0x0b x 20, "Hi There") = b0344c61d8db38535ca8afceaf0bf12b…
    const f = await pseudonymiser(new Uint8Array(20).fill(0x0b));
    expect(await f('Hi There')).toBe('p-b0344c61d8db38535ca8');
    await expect(pseudonymiseIds(new Uint8Array(8), ['x'])).rejects.toThrow('invalid pseudonymisation key: 8 bytes');
  });
});

describe('changed since approval', () => {
  it('lists changed inputs, weights key by key, and nothing for equal content', () => {
    const approved = { k: 4, weights: { revenue: 1 }, features: ['a', 'b'], scaling: 'zscore' };
    expect(changesSinceApproval(approved, { ...approved, features: ['a', 'b'] })).toEqual([]);
    const changes = changesSinceApproval(approved, { k: 5, weights: { revenue: 1, cts_pct: 2 }, features: ['a', 'b'], seed: 3 });
    expect(changes).toEqual([
      { input: 'k', approved: 4, current: 5 },
      { input: 'scaling', approved: 'zscore', current: undefined },
      { input: 'seed', approved: undefined, current: 3 },
      { input: 'weights.cts_pct', approved: undefined, current: 2 },
    ]);
    expect(changes.map(describeInputChange)).toEqual(['k: 4 → 5', 'scaling: "zscore" → (none)', 'seed: (none) → 3', 'weights.cts_pct: (none) → 2']);
  });
});

describe('assignments file', () => {
  it('reads back what the writer wrote, quoted and neutralised ids included', () => {
    const ids = ['C1', '=HYPERLINK("x")', 'a,b', '-5', 'plain'];
    const labels = Int32Array.from([0, STRATEGIC, -1, 2, 1]);
    const parsed = parseAssignmentsCsv(assignmentsCsv(ids, labels, 'Customer ID'), 'a.csv');
    expect(parsed).toEqual({ idColumn: 'Customer ID', ids, clusters: [1, 'strategic', null, 3, 2] });
    expect(Array.from(assignmentLabels(parsed))).toEqual(Array.from(labels));
    expect(embedAssignments('Customer ID', ids, labels)).toEqual(parsed);
    // as the shared CSV writer neutralises formula starts with an apostrophe
    const written = `customer_id,cluster\n${csvText('=1+2')},1\r\n${csvText('"q"')},\n`;
    expect(parseAssignmentsCsv(written, 'b.csv').ids).toEqual(['=1+2', '"q"']);
  });

  it('names the file and line of a bad row', () => {
    expect(() => parseAssignmentsCsv('', 'e.csv')).toThrow('e.csv: the file is empty');
    expect(() => parseAssignmentsCsv('id,segment\n', 'h.csv')).toThrow('h.csv: the header is "id,segment" (expected <id column>,cluster');
    expect(() => parseAssignmentsCsv('id,cluster\nA,1\nB,0\n', 'z.csv')).toThrow('z.csv, line 3: cluster "0" is not a cluster number');
    expect(() => parseAssignmentsCsv('id,cluster\nA,1,2\n', 'w.csv')).toThrow('w.csv, line 2: 3 cells (expected id,cluster)');
    expect(() => parseAssignmentsCsv('id,cluster\n"A,1\n', 'q.csv')).toThrow('q.csv: a quoted cell is not closed');
  });

  it('round-trips any ids and labels', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string(), fc.integer({ min: -2, max: 9 }))), (rows) => {
        const ids = rows.map(([id]) => id);
        const labels = Int32Array.from(rows, ([, l]) => l);
        const back = parseAssignmentsCsv(assignmentsCsv(ids, labels), 'p.csv');
        // an id that itself starts with an apostrophe and a formula character reads back without the apostrophe
        expect(back.ids).toEqual(ids.map((id) => (/^'[=+\-@\t\r]/.test(id) ? id.slice(1) : id)));
        expect(Array.from(assignmentLabels(back))).toEqual(Array.from(labels));
      }),
    );
  });
});

describe('reference distributions and drift', () => {
  it('describe every feature over all customers, missing values counted', () => {
    const ref = referenceDistributions(TABLE.columns, ['revenue', 'cts_pct']);
    expect(ref.customers).toBe(16);
    expect(ref.features[0]).toMatchObject({ name: 'revenue', count: 15, missing: 1 });
    expect(ref.features[0].percentiles[0]).toBe(90);
    expect(ref.features[0].percentiles[100]).toBe(80000);
    expect(ref.features[0].shares.reduce((s, x) => s + x, 0)).toBeCloseTo(1, 12);
    expect(() => referenceDistributions(TABLE.columns, ['nope'])).toThrow('cannot describe "nope": no such column');
  });

  it('measures the segment mix by tier and fires on a shifted mix', async () => {
    const config = await draftConfig();
    const same = driftReport(config, TABLE, normalizeDriftRule());
    expect(same.segmentMix.segments.map((s) => s.segment)).toEqual(['Strategic', 'Gold', 'Silver', 'Bronze']);
    expect(same.segmentMix.psi).toBe(0);
    expect(same.triggered).toBe(false);
    // every small account becomes a large one: Bronze empties into Gold
    const columns = {
      ...TABLE.columns,
      revenue: Float64Array.from(TABLE.columns.revenue, (v) => (v < 200 ? 5000 : v)),
      cts_pct: Float64Array.from(TABLE.columns.cts_pct, (v) => (v > 35 ? 8 : v)),
      returns_rate: Float64Array.from(TABLE.columns.returns_rate, (v) => (v >= 0.04 ? 0.01 : v)),
    };
    const shifted = driftReport(config, { ...TABLE, columns }, normalizeDriftRule());
    expect(shifted.triggered).toBe(true);
    expect(shifted.reasons).toContain(`segment mix: PSI ${Number(shifted.segmentMix.psi?.toFixed(4))} >= 0.1`);
    const dbscan = driftReport({ ...config, model: { ...config.model, algorithm: 'dbscan' } }, TABLE, normalizeDriftRule());
    expect(dbscan.segmentMix).toMatchObject({ psi: null, note: 'not computed: a DBSCAN config cannot score new customers' });
  });
});

describe('section hashes', () => {
  it('name top-level sections and the children of object sections', async () => {
    const paths = [...sectionTexts((await draftConfig()) as unknown as Record<string, unknown>).keys()];
    expect(paths).toEqual(expect.arrayContaining(['assignmentsHash', 'features', 'model.centroids', 'inputs.k', 'preparation.features', 'tierMap.clusters', 'strategic']));
  });
});

describe('tier map', () => {
  it('names the top tier clusters map to and the tier of each cluster number', async () => {
    const map = (await draftConfig()).tierMap;
    if (!map) throw new Error('the fixture has a tier map');
    expect(topTier(map)).toBe('Gold');
    expect(tierNamesByCluster(map)).toEqual({ 1: 'Bronze', 2: 'Gold', 3: 'Silver' });
  });
});
