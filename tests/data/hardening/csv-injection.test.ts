import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignmentsCsv } from '../../../src/config/segmentation-config.ts';
import { readCustomerTable } from '../../../src/data/customers/read-customer-table.ts';
import { customerTableToCsv } from '../../../src/data/customers/table-csv.ts';
import { readRecords } from '../../../src/data/read/delimited.ts';
import { customersToCsv, generateCustomers } from '../../../src/data/synthetic/synthetic-customers.ts';
import { ordersToCsv } from '../../../src/data/synthetic/synthetic-orders.ts';

/** Payloads from the issue and the OWASP page: formulas, a DDE command, tab and carriage-return starts. */
const PAYLOADS = ['=1+1', '+1+2', "-2+3+cmd|' /C calc'!A0", "+CMD|' /C CALC'!A0", '@SUM(1+1)*cmd|" /C calc"!A0', '\t=1+1', '\r=1+1', '=HYPERLINK("http://x","y")'];
const NUMERAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** Every cell of a written CSV, as a spreadsheet sees it after unquoting: none may start a formula unless it is a plain number. */
function formulaCells(csv: string): string[] {
  return readRecords(csv, ',').records.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell) && !NUMERAL.test(cell));
}

describe('8.1: every CSV Tierbook writes is safe to open in a spreadsheet', () => {
  it('8.1: assignments.csv neutralises formula ids (it used to only quote them)', () => {
    const csv = assignmentsCsv(PAYLOADS, PAYLOADS.map((_, i) => i % 3), '=id');
    expect(formulaCells(csv)).toEqual([]);
    expect(csv.split('\n')[1]).toBe("'=1+1,1");
    expect(readRecords(csv, ',').records.slice(1).map((r) => r[0])).toEqual(PAYLOADS.map((p) => `'${p}`));
    // Ordinary ids are written exactly as before.
    expect(assignmentsCsv(['C1', 'C2', 'C3'], [0, -1, -2])).toBe('customer_id,cluster\nC1,1\nC2,\nC3,strategic\n');
  });

  it('8.1: features.csv neutralises every formula start, including -, + and = with digits and a leading tab or CR', () => {
    const rows = PAYLOADS.map((p, i) => `C${i},"${p.replaceAll('"', '""')}",${i - 3}`);
    const table = readCustomerTable(['id,note,x', ...rows].join('\n'), { fileName: 'c.csv' });
    const csv = customerTableToCsv(table);
    expect(formulaCells(csv)).toEqual([]);
    // Negative numbers stay numbers.
    expect(readRecords(csv, ',').records[1][2]).toBe('-3');
  });

  it('8.1: the synthetic writers (sample files) write numerals as numbers and neutralise text', () => {
    const orders = ordersToCsv({ header: ['order_id', 'qty', 'note'], rows: [['SO1', '-3', '=1+1'], ['SO2', '12.50', '+x']] });
    expect(orders).toBe("order_id,qty,note\nSO1,-3,'=1+1\nSO2,12.50,'+x\n");
    expect(formulaCells(customersToCsv(generateCustomers({ customers: 50 })))).toEqual([]);
  });

  it('8.1: no written cell can start a formula, whatever the ids and categories (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', 'a', '1', ',', '"', ' ') }), { minLength: 1, maxLength: 8 }), (ids) => {
        expect(formulaCells(assignmentsCsv(ids, ids.map(() => 0)))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});
