import { describe, expect, it } from 'vitest';
import { migrationReport } from '../../src/config/migration-report.ts';
import { downgradedCsv } from '../../src/analytics/monitor/downgrade-impact.ts';
import type { SegmentationConfig } from '../../src/config/segmentation-config.ts';
import type { TierMap } from '../../src/config/config-schema.ts';
import { draftConfig, TABLE } from './fixture.ts';

/** The fixture's clusters: 1 = small accounts (Bronze), 2 = large accounts C005-C008 and C015 (Gold), 3 = mid (Silver). */
async function configs(): Promise<{ previous: SegmentationConfig; current: SegmentationConfig }> {
  const previous = await draftConfig();
  const tierMap = { ...(previous.tierMap as TierMap), clusters: ['Bronze', 'Silver', 'Silver'] };
  return { previous, current: { ...previous, tierMap } };
}

describe('migration report', () => {
  it('counts the Gold -> Silver downgrade of the large accounts, its impact by region and the impact ratio of the decision', async () => {
    const { previous, current } = await configs();
    const r = migrationReport({ previous: { config: previous }, current, table: TABLE, churnProbability: 0.1 });
    // order Strategic, Gold, Silver, Bronze; C016 has no revenue, so it is in neither segmentation
    expect(r.matrix.order).toEqual(['Strategic', 'Gold', 'Silver', 'Bronze']);
    expect(r.matrix.customers).toEqual([
      [1, 0, 0, 0],
      [0, 0, 5, 0],
      [0, 0, 4, 0],
      [0, 0, 0, 5],
    ]);
    expect(r.matrix).toMatchObject({ compared: 15, unassigned: 1, downgrades: { customers: 5, revenue: 25_000 }, upgrades: { customers: 0 } });
    expect(r.matrix.stableShare).toBeCloseTo(10 / 15, 12);
    // revenue 5000 + 5200 + 4800 + 5100 + 4900 = 25,000; gross margin 1000 + 1040 + 960 + 1020 + 980 = 5,000
    expect(r.impact.totals).toMatchObject({ customers: 5, revenue: 25_000, revenueAtRisk: 2_500, grossMargin: 5_000, marginAtRisk: 500, ctsSaved: null, net: null });
    expect(r.impact.breakdown.map((b) => b.attribute)).toEqual(['region', 'channel']);
    expect(r.impact.breakdown[0].groups.map((g) => [g.group, g.customers, g.revenue])).toEqual([
      ['N', 3, 15_100],
      ['S', 2, 9_900],
    ]);
    // not downgraded: N 5 of 8 = 0.625, S 5 of 7 = 0.714; N's ratio 0.625 / 0.714 = 0.875, above four fifths
    const region = r.downgradeFairness[0].ratios;
    expect(region.reference).toBe('S');
    expect(region.groups.find((g) => g.group === 'N')?.ratio).toBeCloseTo(0.875, 12);
    expect(region.flagged).toEqual([]);
    expect(downgradedCsv(r.impact).split('\n')[0]).toBe('customer_id,from_tier,to_tier,revenue,gross_margin,cts_saved,region,channel');
  });

  it('takes previous assignments with their tier map, and CTS under the new policy for the net effect', async () => {
    const { previous, current } = await configs();
    const ids = TABLE.ids;
    const clusters = previous.assignments?.clusters ?? [];
    const columns = { ...TABLE.columns, cts: Float64Array.from(ids, () => 100), cts_after: Float64Array.from(ids, () => 60) };
    const r = migrationReport({
      previous: { assignments: { idColumn: 'customer_id', ids, clusters }, tierMap: previous.tierMap as TierMap },
      current,
      table: { ...TABLE, columns },
      churnProbability: 0.1,
      columns: { ctsAfter: 'cts_after' },
    });
    // 5 movers save 40 each = 200; net = 200 - 0.1 x 5,000 = -300
    expect(r.impact.totals).toMatchObject({ ctsSaved: 200, net: -300 });
  });

  it('refuses configs without tiers and previous tiers the current config does not know', async () => {
    const { previous, current } = await configs();
    const { tierMap: _t, ...untiered } = current;
    expect(() => migrationReport({ previous: { config: previous }, current: untiered, table: TABLE, churnProbability: 0.1 })).toThrow('the current config has no tier map');
    const renamed = { ...previous, tierMap: { ...(previous.tierMap as TierMap), order: ['Strategic', 'Gold', 'Silver', 'Tin'], clusters: ['Tin', 'Gold', 'Silver'] } };
    expect(() => migrationReport({ previous: { config: renamed }, current, table: TABLE, churnProbability: 0.1 })).toThrow('the previous tier "Tin" is not a tier of the current config (Strategic, Gold, Silver, Bronze)');
  });
});
