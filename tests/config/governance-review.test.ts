import { describe, expect, it } from 'vitest';
import { governanceReview } from '../../src/config/governance-review.ts';
import { TABLE, draftConfig } from './fixture.ts';

describe('governanceReview: fairness and migration for the app', () => {
  it('screens the top tier by region and finds who moves down from the approved version', async () => {
    const current = await draftConfig();
    // the approved version ranked the clusters the other way round: cluster 1 was Gold, now Bronze
    const approved = { ...current, tierMap: { ...current.tierMap!, clusters: ['Gold', 'Bronze', 'Silver'] } };
    const r = governanceReview({ current, approved, table: TABLE, attribute: 'region', churnProbability: 0.1 });
    if ('unavailable' in r.fairness) throw new Error(r.fairness.unavailable);
    if ('unavailable' in r.migration) throw new Error(r.migration.unavailable);
    expect(r.fairness.attribute).toBe('region');
    expect(r.fairness.favourable).toEqual(['Gold']);
    expect(r.fairness.impact.groups.map((g) => g.group).sort()).toEqual(['N', 'S']);
    expect(r.fairness.caveats.length).toBeGreaterThan(0);
    // cluster 1 (Gold before, Bronze now) moves down, cluster 2 (Bronze before, Gold now) moves up
    const moversDown = r.migration.impact.downgraded.map((d) => `${d.from}>${d.to}`);
    expect(new Set(moversDown)).toEqual(new Set(['Gold>Bronze']));
    expect(r.migration.impact.churnProbability).toBe(0.1);
    expect(r.migration.impact.totals.revenueAtRisk).toBeCloseTo(0.1 * r.migration.impact.totals.revenue, 9);
  });

  it('says why when there are no tiers, no approved version or no such column', async () => {
    const { tierMap: _t, ...untiered } = await draftConfig();
    const none = governanceReview({ current: untiered, approved: null, table: TABLE, attribute: 'region', churnProbability: 0.1 });
    expect(none.fairness).toEqual({ unavailable: 'Fairness screening is not available: it needs tiers: define them in the tiers section, so the config carries a tier map.' });
    expect(none.migration).toEqual({ unavailable: 'Migration: nothing is approved yet, so there is no previous version to compare with.' });
    const current = await draftConfig();
    const wrong = governanceReview({ current, approved: untiered, table: TABLE, attribute: 'segment', churnProbability: 0.1 });
    expect(wrong.fairness).toEqual({ unavailable: 'The data has no categorical column "segment" (it has region, channel).' });
    expect(wrong.migration).toMatchObject({ unavailable: expect.stringMatching(/^Migration from the approved version is not available/) });
    // A previous config file chosen instead of the approval is named as such.
    const file = governanceReview({ current, approved: untiered, table: TABLE, attribute: 'region', churnProbability: 0.1, against: 'the previous config old.json' });
    expect(file.migration).toMatchObject({ unavailable: expect.stringMatching(/^Migration from the previous config old\.json is not available/) });
  });
});
