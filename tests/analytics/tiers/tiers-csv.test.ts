import { describe, expect, it } from 'vitest';
import { tiersCsv } from '../../../src/analytics/tiers/tiers-csv.ts';

describe('tiers.csv', () => {
  it('writes customer_id, cluster (1-based), tier, abc, xyz, rfm through the safe CSV writer', () => {
    const csv = tiersCsv({
      ids: ['C1', '=cmd', 'C3'],
      cluster: [0, 2, -1],
      strategic: [false, false, true],
      tier: ['Gold', 'Standard', 'Strategic'],
      abc: ['A', 'C', 'A'],
      xyz: ['X', '', 'Z'],
      rfm: ['545', '111', ''],
    });
    expect(csv).toBe(['customer_id,cluster,tier,abc,xyz,rfm', 'C1,1,Gold,A,X,545', "'=cmd,3,Standard,C,,111", 'C3,strategic,Strategic,A,Z,', ''].join('\n'));
  });

  it('refuses columns of different lengths', () => {
    expect(() => tiersCsv({ ids: ['a'], cluster: [], strategic: [false], tier: ['x'], abc: [''], xyz: [''], rfm: [''] })).toThrow('invalid tiers table: 1 ids but 0 cluster values');
  });
});
