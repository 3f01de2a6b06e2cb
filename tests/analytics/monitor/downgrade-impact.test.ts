import { describe, expect, it } from 'vitest';
import { downgradeImpact, downgradedCsv } from '../../../src/analytics/monitor/downgrade-impact.ts';

const ORDER = ['Gold', 'Silver', 'Bronze'];
const aligned = {
  ids: ['A', 'B', 'C', 'D', '=E'],
  before: ['Gold', 'Gold', 'Silver', 'Bronze', 'Silver'],
  after: ['Silver', 'Gold', 'Bronze', 'Silver', 'Bronze'],
};

describe('downgrade impact', () => {
  it('sums revenue, margin and CTS saved of the movers, at the churn probability, by region', () => {
    const impact = downgradeImpact(aligned, {
      order: ORDER,
      churnProbability: 0.2,
      revenue: [1000, 5000, 400, 300, 600],
      grossMargin: [250, 1500, 100, 60, 90],
      ctsNow: [120, 300, 80, 50, 70],
      ctsAfter: [100, 300, 50, 50, 40],
      groups: { region: ['North', 'North', 'South', 'South', 'North'] },
    });
    // movers: A (Gold->Silver), C and =E (Silver->Bronze); D moved up, B stayed
    expect(impact.totals).toEqual({
      customers: 3,
      revenue: 2000,
      revenueAtRisk: 0.2 * 2000,
      grossMargin: 440,
      marginAtRisk: 0.2 * 440,
      ctsSaved: 20 + 30 + 30,
      net: 80 - 0.2 * 440,
    });
    expect(impact.downgraded.map((d) => d.id)).toEqual(['A', '=E', 'C']);
    expect(impact.breakdown[0].groups.map((g) => [g.group, g.customers, g.revenue, g.ctsSaved])).toEqual([
      ['North', 2, 1600, 50],
      ['South', 1, 400, 30],
    ]);
    expect(impact.assumptions[0]).toContain('probability 0.2');
    expect(downgradedCsv(impact)).toBe(
      'customer_id,from_tier,to_tier,revenue,gross_margin,cts_saved,region\nA,Gold,Silver,1000,250,20,North\n\'=E,Silver,Bronze,600,90,30,North\nC,Silver,Bronze,400,100,30,South\n',
    );
  });

  it('leaves CTS saved and net effect empty without the CTS under the new policy, and says so', () => {
    const impact = downgradeImpact(aligned, { order: ORDER, churnProbability: 0.5, revenue: [1, 1, 1, 1, 1], grossMargin: [1, 1, 1, 1, 1] });
    expect(impact.totals.ctsSaved).toBeNull();
    expect(impact.totals.net).toBeNull();
    expect(impact.assumptions[1]).toContain('none was supplied');
    expect(() => downgradeImpact(aligned, { order: ORDER, churnProbability: 1.5, revenue: [], grossMargin: [] })).toThrow('invalid churn probability: 1.5');
  });
});
