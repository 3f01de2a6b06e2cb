import { describe, expect, it } from 'vitest';
import { alignById, migrationMatrix } from '../../../src/analytics/monitor/migration.ts';

const ORDER = ['Gold', 'Silver', 'Bronze'];

/** 15 customers: before -> after, with revenue 1..15 so every cell's revenue is checkable. */
const MOVES: [string, string][] = [
  ['Gold', 'Gold'], ['Gold', 'Gold'], ['Gold', 'Gold'], // 1, 2, 3
  ['Gold', 'Silver'], ['Gold', 'Bronze'], // 4, 5
  ['Silver', 'Gold'], ['Silver', 'Gold'], // 6, 7
  ['Silver', 'Silver'], ['Silver', 'Silver'], ['Silver', 'Silver'], ['Silver', 'Silver'], // 8..11
  ['Silver', 'Bronze'], // 12
  ['Bronze', 'Silver'], // 13
  ['Bronze', 'Bronze'], ['Bronze', 'Bronze'], // 14, 15
];

describe('migration matrix', () => {
  it('counts a 3x3 matrix of customers and revenue, upgrades, downgrades and the stable share', () => {
    const aligned = { ids: MOVES.map((_, i) => `C${i + 1}`), before: MOVES.map((m) => m[0]), after: MOVES.map((m) => m[1]) };
    const m = migrationMatrix(aligned, ORDER, Float64Array.from(MOVES, (_, i) => i + 1));
    expect(m.customers).toEqual([
      [3, 1, 1],
      [2, 4, 1],
      [0, 1, 2],
    ]);
    expect(m.revenue).toEqual([
      [1 + 2 + 3, 4, 5],
      [6 + 7, 8 + 9 + 10 + 11, 12],
      [0, 13, 14 + 15],
    ]);
    // upgrades: Silver->Gold (6, 7) and Bronze->Silver (13); downgrades: Gold->Silver (4), Gold->Bronze (5), Silver->Bronze (12)
    expect(m.upgrades).toEqual({ customers: 3, revenue: 26 });
    expect(m.downgrades).toEqual({ customers: 3, revenue: 21 });
    expect(m.stable).toEqual({ customers: 9, revenue: 6 + 38 + 29 });
    expect(m.compared).toBe(15);
    expect(m.stableShare).toBe(0.6);
  });

  it('aligns two assignments by id and counts customers entering and leaving', () => {
    const aligned = alignById(
      { ids: ['A', 'B', 'C', 'D'], segments: ['Gold', 'Silver', null, 'Bronze'] },
      { ids: ['B', 'A', 'E', 'C'], segments: ['Gold', 'Gold', 'Silver', null] },
    );
    expect(aligned).toEqual({ ids: ['B', 'A', 'E', 'C', 'D'], before: ['Silver', 'Gold', null, null, 'Bronze'], after: ['Gold', 'Gold', 'Silver', null, null] });
    const m = migrationMatrix(aligned, ORDER);
    expect(m).toMatchObject({ compared: 2, entered: 1, left: 1, unassigned: 1, revenue: null, upgrades: { customers: 1, revenue: null } });
  });

  it('names an unknown segment and a repeated id', () => {
    expect(() => migrationMatrix({ ids: ['A'], before: ['Gold'], after: ['Tin'] }, ORDER)).toThrow('invalid segment "Tin" (after, customer A): not among Gold, Silver, Bronze');
    expect(() => alignById({ ids: ['A', 'A'], segments: ['Gold', 'Gold'] }, { ids: [], segments: [] })).toThrow('customer "A" appears twice in the previous assignments');
  });
});
