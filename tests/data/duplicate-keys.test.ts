import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanOrderLines } from '../../src/data/quality/clean-order-lines.ts';
import { detectMapping, mappingTypes } from '../../src/data/map/column-mapping.ts';
import { RowHashSet } from '../../src/data/quality/hash-index.ts';
import { EXCLUSION_REASONS } from '../../src/data/quality/quality-report.ts';
import { EXCLUDED } from '../../src/data/quality/ledger.ts';
import { readDelimited } from '../../src/data/read/read-delimited.ts';
import { findExactDuplicates } from '../../src/data/quality/row-hash.ts';

const HEADER = 'order_id,order_line,customer_id,order_date,qty,unit_price';
const EXACT = EXCLUDED + EXCLUSION_REASONS.indexOf('exact-duplicate');
const KEY = EXCLUDED + EXCLUSION_REASONS.indexOf('duplicate-key');

/**
 * The previous implementation of the duplicate-key rule, one table-wide hash set, keyed since 8.16
 * by (order code, line, customer code): an order id two customers share is two orders.
 */
function referenceDuplicateKeys(orderCodes: Int32Array, line: Float64Array, customer: Int32Array, alive: Uint8Array): Uint8Array {
  const n = line.length;
  const hash = new Uint32Array(n);
  for (let i = 0; i < n; i++) hash[i] = Math.imul(orderCodes[i] ^ 0x2545f491, 0x9e3779b1) ^ Math.imul(line[i] | 0, 0x85ebca6b) ^ customer[i];
  const set = new RowHashSet(hash, (i, j) => orderCodes[i] === orderCodes[j] && line[i] === line[j] && customer[i] === customer[j], n);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!alive[i] || Number.isNaN(line[i])) continue;
    if (set.add(i) >= 0) {
      out[i] = 1;
      alive[i] = 0;
    }
  }
  return out;
}

// Few orders, line numbers and values, so exact duplicates and repeated keys are common; one
// order with many lines takes the Map branch (more than 32 lines in an order).
const rowArb = fc.record({
  order: fc.constantFrom('SO1', 'SO2', 'SO3', '', 'BIG', 'BIG', 'BIG'),
  line: fc.constantFrom('1', '2', '3', '', 'x', '-0', '0', '2.0'),
  customer: fc.constantFrom('C1', 'C2'),
  qty: fc.constantFrom('1', '2', 'abc'),
});

describe('duplicate rules grouped by order (fast path) equal the table-wide hash sets', () => {
  it('marks the same exact duplicates and duplicate keys (property)', () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 120, size: 'max' }), fc.boolean(), (rows, keepAll) => {
        const text = [HEADER, 'SO0,1,C1,2024-01-01,1,10', ...rows.map((r) => `${r.order},${r.line},${r.customer},2024-01-02,${r.qty},10`)].join('\n');
        const header = HEADER.split(',');
        const { mapping } = detectMapping(header);
        const table = readDelimited(text, { fileName: 'f.csv', types: mappingTypes(mapping) });
        // With the rules in between switched off, rows alive at duplicate-keys are those not excluded before it.
        const { status } = cleanOrderLines(table, mapping, keepAll ? { disabled: ['date-range', 'price', 'returns'] } : {});
        const n = table.rowCount;
        const exact = findExactDuplicates(table, new Uint8Array(n).fill(1), ['order_id', 'order_line', 'customer_id', 'order_date', 'qty', 'unit_price']);
        expect(Array.from(status, (s) => (s === EXACT ? 1 : 0))).toEqual(Array.from(exact));
        const alive = Uint8Array.from(status, (s) => (s < EXCLUDED || s === KEY ? 1 : 0));
        const col = table.columns.get('order_id');
        const line = table.columns.get('order_line');
        const customer = table.columns.get('customer_id');
        if (col?.type !== 'text' || line?.type !== 'number' || customer?.type !== 'text') throw new Error('unexpected column types');
        const keys = referenceDuplicateKeys(col.codes, line.values, customer.codes, alive);
        expect(Array.from(status, (s) => (s === KEY ? 1 : 0))).toEqual(Array.from(keys));
      }),
      { numRuns: 300 },
    );
  });
});
