import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanOrderLines } from '../../../src/data/quality/clean-order-lines.ts';
import { detectMapping, mappingTypes } from '../../../src/data/map/column-mapping.ts';
import { readDelimited } from '../../../src/data/read/read-delimited.ts';
import type { QualitySpec } from '../../../src/data/quality/quality-options.ts';

const HEADER = 'order_id,order_line,customer_id,order_date,qty,unit_price';

function clean(rows: readonly string[], spec: QualitySpec = {}) {
  const { mapping } = detectMapping(HEADER.split(','));
  const table = readDelimited([HEADER, ...rows].join('\n'), { fileName: 'one.csv', types: mappingTypes(mapping) });
  return cleanOrderLines(table, mapping, spec).report;
}
const sum = (r: Record<string, number>) => Object.values(r).reduce((s, x) => s + x, 0);

describe('8.19: one row, one outcome', () => {
  it('8.19: a cancellation with price 0 counts as excluded only, not also as a repaired return', () => {
    const r = clean(['SO1,1,C1,2024-01-02,2,5', 'CSO1,1,C1,2024-01-03,-1,0']);
    expect(r.excluded['nonpositive-price']).toBe(1);
    expect(r.repaired.returns).toBe(0);
    expect(r.returnRows).toBe(0);
    expect(r.rules.find((x) => x.id === 'returns')?.count).toBe(0);
  });

  it('8.19: an id repaired on a row that a later rule excludes counts once, as excluded', () => {
    const r = clean(['SO1,1,C000001,2024-01-02,2,5', 'SO2,1, c000001 ,2024-01-03,abc,5']);
    expect(r.excluded['non-numeric']).toBe(1);
    expect(r.repaired['customer-id']).toBe(0);
  });

  it('8.19: repairs and flags are counted on kept rows only (property)', () => {
    const pool = ['SO1,1,C1,2024-01-02,2,5', 'CSO1,1, c1 ,2024-01-03,-1,0', 'CSO2,1,c2,2024-01-03,-1,4', 'SO3,1, c3,2031-01-01,1,5', 'SO3,1,c3,2024-01-04,1,5', 'SO4,2,C4,2024-01-05,0,5', 'SO5,1,C5,2024-01-05,-2,5', 'SO5,1,C5,2024-01-05,-3,5'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 40 }), (rows) => {
        const r = clean([pool[0], ...rows], { dates: { asOf: '2024-12-31' } });
        expect(r.keptRows + sum(r.excluded)).toBe(r.inputRows);
        // Every kept return line was routed by the returns rule, and no excluded one is counted.
        expect(r.repaired.returns).toBe(r.returnRows);
        expect(r.repaired['customer-id']).toBeLessThanOrEqual(r.keptRows);
        for (const rule of r.rules) expect(rule.count).toBe(sum(rule.detail));
      }),
      { numRuns: 200 },
    );
  });
});
