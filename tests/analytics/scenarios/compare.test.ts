import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareScenarios, mergeOrder, scenarioMigration, type ScenarioOutcome } from '../../../src/analytics/scenarios/compare.ts';

function outcome(id: string, ids: string[], names: string[], of: number[], extra: Partial<ScenarioOutcome> = {}): ScenarioOutcome {
  return {
    id,
    name: `Scenario ${id}`,
    ids,
    clusters: of,
    k: names.length,
    segments: { kind: 'tiers', names, of },
    kpis: null,
    revenue: ids.map((_, i) => 100 * (i + 1)),
    projection: { rows: ids.map((_, i) => i), x: ids.map((_, i) => i), y: ids.map((_, i) => 0 - i), explained: [0.6, 0.3] },
    notes: [],
    ...extra,
  };
}

const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];

describe('comparing scenarios', () => {
  it('puts the tier names of all scenarios in one best-first order', () => {
    expect(mergeOrder([['Gold', 'Silver', 'Standard'], ['Platinum', 'Gold', 'Standard']])).toEqual(['Platinum', 'Gold', 'Silver', 'Standard']);
    expect(mergeOrder([['Gold', 'Standard'], ['Gold', 'Silver', 'Standard'], ['Strategic', 'Gold']])).toEqual(['Strategic', 'Gold', 'Silver', 'Standard']);
  });

  it('gives sizes per scenario and, for every pair, the ARI and the customers who move', () => {
    // A: {a,b,c} Gold, {d,e,f} Standard. B moves c to Standard. C is A again.
    const a = outcome('A', IDS, ['Gold', 'Standard'], [0, 0, 0, 1, 1, 1]);
    const b = outcome('B', IDS, ['Gold', 'Standard'], [0, 0, 1, 1, 1, 1]);
    const c = outcome('C', IDS, ['Gold', 'Standard'], [0, 0, 0, 1, 1, 1]);
    const cmp = compareScenarios([a, b, c]);
    expect(cmp.scenarios[1].sizes).toEqual([
      { segment: 'Gold', customers: 2, share: 2 / 6 },
      { segment: 'Standard', customers: 4, share: 4 / 6 },
    ]);
    expect(cmp.pairs.map((p) => [p.a, p.b, p.compared, p.moved])).toEqual([
      [0, 1, 6, 1],
      [0, 2, 6, 0],
      [1, 2, 6, 1],
    ]);
    // Contingency [[2,1],[0,3]]: index 1 + 3 = 4, rows C(3,2)·2 = 6, columns C(2,2) + C(4,2) = 7,
    // expected 6·7/15 = 2.8, max 6.5: ARI = 1.2 / 3.7 = 0.3243.
    expect(cmp.pairs[0].ari).toBeCloseTo(1.2 / 3.7, 12);
    expect(cmp.pairs[1].ari).toBe(1);
  });

  it('shows who moves between any two: the migration matrix and the movers by revenue', () => {
    const a = outcome('A', IDS, ['Gold', 'Standard'], [0, 0, 0, 1, 1, 1]);
    const b = outcome('B', IDS, ['Platinum', 'Gold', 'Standard'], [0, 1, 2, 1, 2, 2]);
    const cmp = compareScenarios([a, b]);
    expect(cmp.order).toEqual(['Platinum', 'Gold', 'Standard']);
    const m = scenarioMigration(cmp, 0, 1);
    // rows = A (Platinum, Gold, Standard), columns = B.
    expect(m.matrix.customers).toEqual([
      [0, 0, 0],
      [1, 1, 1],
      [0, 1, 2],
    ]);
    expect(m.matrix.upgrades.customers).toBe(2); // a: Gold -> Platinum, d: Standard -> Gold
    expect(m.matrix.downgrades.customers).toBe(1); // c: Gold -> Standard
    expect(m.movers.map((x) => [x.id, x.from, x.to, x.revenue])).toEqual([
      ['d', 'Standard', 'Gold', 400],
      ['c', 'Gold', 'Standard', 300],
      ['a', 'Gold', 'Platinum', 100],
    ]);
    expect(() => scenarioMigration(cmp, 0, 5)).toThrow('invalid migration');
  });

  it('matches customers by id, so scenarios on other rows still compare; customers one lacks are counted', () => {
    const a = outcome('A', IDS, ['Gold', 'Standard'], [0, 0, 0, 1, 1, 1]);
    const b = outcome('B', ['f', 'e', 'd', 'c', 'x'], ['Gold', 'Standard'], [1, 1, 1, 0, 0]);
    const cmp = compareScenarios([a, b]);
    expect(cmp.pairs[0].compared).toBe(4);
    expect(cmp.pairs[0].moved).toBe(0);
    const m = scenarioMigration(cmp, 0, 1);
    expect([m.matrix.entered, m.matrix.left]).toEqual([1, 2]);
  });

  it('lays every panel out on the first scenario PCA, with the same customers drawn in each', () => {
    const a = outcome('A', IDS, ['Gold', 'Standard'], [0, 0, 0, 1, 1, 1]);
    const b = outcome('B', IDS, ['Gold', 'Standard'], [0, 0, 1, 1, -1, 1], { projection: { rows: [0], x: [99], y: [99], explained: [1, 0] } });
    const s = compareScenarios([a, b], { maxPoints: 3 }).scatter;
    expect(s.base).toBe('Scenario A');
    expect(s.ids).toEqual(['a', 'c', 'e']);
    expect([...s.x]).toEqual([0, 2, 4]);
    expect(s.domain).toEqual({ x: [0, 4], y: [-4, 0] });
    expect(s.notDrawn).toBe(3);
    expect(s.panels.map((p) => [...p.labels])).toEqual([
      [0, 0, 1],
      [0, 1, -1],
    ]);
  });

  it('compares two to four scenarios', () => {
    const a = outcome('A', IDS, ['Gold'], [0, 0, 0, 0, 0, 0]);
    expect(() => compareScenarios([a])).toThrow('invalid comparison: 1 scenarios (compare two to four)');
    expect(() => compareScenarios([a, a, a, a, a])).toThrow('5 scenarios');
  });

  it('agree with themselves: a scenario against itself has ARI 1 and no movers (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -1, max: 3 }), { minLength: 2, maxLength: 30 }), (of) => {
        const ids = of.map((_, i) => `C${i}`);
        const a = outcome('A', ids, ['P', 'G', 'S', 'T'], of);
        const cmp = compareScenarios([a, { ...a, id: 'B' }]);
        expect(cmp.pairs[0].moved).toBe(0);
        expect(cmp.pairs[0].ari).toBe(1);
        const m = scenarioMigration(cmp, 0, 1);
        expect(m.movers).toEqual([]);
        expect(m.matrix.compared + m.matrix.unassigned).toBe(of.length);
      }),
    );
  });
});
