import { describe, expect, it } from 'vitest';
import { impactRatios } from '../../../src/analytics/fairness/impact-ratio.ts';
import { contingencyTable, cramersV } from '../../../src/analytics/fairness/cramers-v.ts';
import { SCREENING_CAVEATS, fairnessScreening } from '../../../src/analytics/fairness/screening.ts';

function groupsOf(spec: [string, number, number][]): { groups: string[]; favourable: boolean[] } {
  const groups: string[] = [];
  const favourable: boolean[] = [];
  for (const [g, n, yes] of spec) for (let i = 0; i < n; i++) {
      groups.push(g);
      favourable.push(i < yes);
    }
  return { groups, favourable };
}

describe('impact ratio', () => {
  it('flags South at 0.30 / 0.40 = 0.75 against North', () => {
    const { groups, favourable } = groupsOf([['North', 100, 40], ['South', 60, 18]]);
    const r = impactRatios(groups, favourable);
    expect(r.reference).toBe('North');
    const south = r.groups.find((g) => g.group === 'South');
    expect(south?.rate).toBeCloseTo(0.3, 12);
    expect(south?.ratio).toBeCloseTo(0.75, 12);
    expect(south?.flagged).toBe(true);
    expect(r.flagged).toEqual(['South']);
  });

  it('screens only groups above 2% of customers, and does not let a tiny group set the reference', () => {
    // Island: 2 of 102 customers (1.96%), both favourable: shown, never the reference, never flagged
    const { groups, favourable } = groupsOf([['North', 50, 25], ['South', 50, 20], ['Island', 2, 2]]);
    const r = impactRatios(groups, favourable);
    expect(r.reference).toBe('North');
    const island = r.groups.find((g) => g.group === 'Island');
    expect(island).toMatchObject({ screened: false, flagged: false, ratio: 2 });
    expect(r.groups.find((g) => g.group === 'South')).toMatchObject({ ratio: 0.8, flagged: false });
  });
});

describe("Cramér's V", () => {
  it('matches a 3 x 2 table worked by hand, plain and bias-corrected', () => {
    // tiers x region: [[30, 10], [20, 20], [10, 30]], n = 120; every expected count is 40 * 60 / 120 = 20
    // chi2 = (10² + 10² + 0 + 0 + 10² + 10²) / 20 = 20; phi2 = 20 / 120 = 1/6; V = sqrt(1/6 / min(2, 1)) = 0.408248
    // corrected: phi2~ = 1/6 − (1 · 2) / 119 = 0.149860; r~ = 3 − 4/119 = 2.966387; k~ = 2 − 1/119 = 1.991597
    // V~ = sqrt(0.149860 / min(1.966387, 0.991597)) = sqrt(0.151130) = 0.388754
    const tiers: string[] = [];
    const regions: string[] = [];
    const cells: [string, string, number][] = [['Gold', 'N', 30], ['Gold', 'S', 10], ['Silver', 'N', 20], ['Silver', 'S', 20], ['Std', 'N', 10], ['Std', 'S', 30]];
    for (const [t, r, n] of cells) {
      for (let i = 0; i < n; i++) {
        tiers.push(t);
        regions.push(r);
      }
    }
    const table = contingencyTable(tiers, regions);
    expect(table.counts).toEqual([[30, 10], [20, 20], [10, 30]]);
    const v = cramersV(table);
    expect(v.chi2).toBeCloseTo(20, 10);
    expect(v.v).toBeCloseTo(0.408248, 6);
    expect(v.corrected).toBeCloseTo(0.388754, 6);
  });

  it('is 1 for a perfect association, 0 (corrected) for independence, null for one category', () => {
    expect(cramersV(contingencyTable(['a', 'a', 'b', 'b'], ['x', 'x', 'y', 'y'])).v).toBe(1);
    expect(cramersV(contingencyTable(['a', 'a', 'b', 'b'], ['x', 'y', 'x', 'y'])).corrected).toBe(0);
    expect(cramersV(contingencyTable(['a', 'a'], ['x', 'y']))).toMatchObject({ v: null, corrected: null });
  });
});

describe('fairness screening', () => {
  it('reports impact ratios for the chosen attribute, V for every attribute, and the caveats', () => {
    const tiers = ['Gold', 'Gold', 'Std', 'Std', 'Gold', 'Std', 'Std', 'Std'];
    const s = fairnessScreening({
      tiers,
      favourable: tiers.map((t) => t === 'Gold'),
      attributes: { region: ['N', 'N', 'N', 'N', 'S', 'S', 'S', 'S'], channel: ['EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI', 'EDI'] },
      attribute: 'region',
    });
    // N: 2 of 4 Gold, S: 1 of 4 -> 0.5
    expect(s.impact.groups.map((g) => [g.group, g.ratio, g.flagged])).toEqual([['N', 1, false], ['S', 0.5, true]]);
    expect(s.association.map((a) => a.attribute)).toEqual(['region', 'channel']);
    expect(s.association[1].v).toBeNull();
    expect(s.caveats).toBe(SCREENING_CAVEATS);
    expect(() => fairnessScreening({ tiers, favourable: [], attributes: {}, attribute: 'size' })).toThrow('invalid attribute: "size" (attributes: none)');
  });
});
