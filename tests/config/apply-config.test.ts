import { describe, expect, it } from 'vitest';
import { applyConfig, DBSCAN_REFUSAL } from '../../src/config/apply-config.ts';
import { STRATEGIC, hashAssignments } from '../../src/config/segmentation-config.ts';
import { draftConfig, fixtureLabels, TABLE } from './fixture.ts';

describe('applyConfig', () => {
  it('gives back the clustering the config was built from, with tiers, the Strategic account and the customer without a value', async () => {
    const config = await draftConfig();
    const s = applyConfig(config, TABLE);
    expect(Array.from(s.labels)).toEqual(Array.from(await fixtureLabels()));
    expect(await hashAssignments(TABLE.ids, s.labels)).toBe(config.assignmentsHash);
    expect(s.labels[12]).toBe(STRATEGIC);
    expect(s.tiers?.[12]).toBe('Strategic');
    expect(s.labels[15]).toBe(-1);
    expect(s.tiers?.[15]).toBeNull();
    expect(s.counts).toEqual({ customers: 16, clustered: 14, strategic: 1, notClustered: 1 });
    expect(s.far).toEqual([]);
    expect(s.issues.map((i) => i.code)).toEqual(['isolated', 'missing-values']);
  });

  it('never refits: one new customer is scored the same alone as among the others', async () => {
    const config = await draftConfig();
    const all = applyConfig(config, TABLE);
    for (const row of [0, 4, 9]) {
      const one = applyConfig(config, {
        idColumn: 'customer_id',
        ids: [TABLE.ids[row]],
        columns: Object.fromEntries(Object.entries(TABLE.columns).map(([k, v]) => [k, v.slice(row, row + 1)])),
      });
      expect(one.labels[0]).toBe(all.labels[row]);
    }
  });

  it('flags a value beyond a quarter of the reference range after the transform, and takes the margin as a parameter', async () => {
    const config = await draftConfig();
    // log1p(revenue): reference ln(91) = 4.51 .. ln(80001) = 11.29, a quarter of the range is 1.70: flagged above e^12.99 - 1 = 438,000
    const columns = { ...TABLE.columns, revenue: Float64Array.from(TABLE.columns.revenue, (v, i) => (i === 0 ? 430_000 : i === 1 ? 450_000 : v)) };
    const s = applyConfig(config, { ...TABLE, columns });
    expect(s.far.map((f) => [f.id, f.feature])).toEqual([['C002', 'revenue']]);
    expect(s.outsideRange[0]).toEqual({ feature: 'revenue', below: 0, above: 2 });
    expect(applyConfig(config, { ...TABLE, columns }, { farMargin: 0 }).far.map((f) => f.id)).toEqual(['C001', 'C002']);
    expect(() => applyConfig(config, TABLE, { farMargin: -1 })).toThrow('invalid far margin: -1');
  });

  it('refuses DBSCAN and names missing features; notes Ward', async () => {
    const config = await draftConfig();
    expect(() => applyConfig({ ...config, model: { ...config.model, algorithm: 'dbscan' } }, TABLE)).toThrow(DBSCAN_REFUSAL);
    expect(() => applyConfig(config, { ...TABLE, columns: { revenue: TABLE.columns.revenue } })).toThrow('the data has no numeric column "cts_pct", "returns_rate"');
    const ward = applyConfig({ ...config, model: { ...config.model, algorithm: 'ward' } }, TABLE);
    expect(ward.issues.map((i) => i.code)).toContain('nearest-mean');
  });
});
