import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readRecords, scanDelimited, type FieldSink, fieldText, detectDelimiter } from '../../src/data/read/delimited.ts';
import { DataError, decimalHint } from '../../src/data/errors.ts';
import { parseNumber } from '../../src/data/read/number-parse.ts';
import { parseDate } from '../../src/data/read/date-parse.ts';

describe('DataError', () => {
  it('formats coordinates, problem and hint as one sentence', () => {
    const e = new DataError('"12,5" is not a number', { file: 'orders.csv', column: 'qty', row: 1284, value: '12,5' }, decimalHint('12,5', '.'));
    expect(e.message).toBe('orders.csv, column "qty", row 1,284: "12,5" is not a number. If your file uses decimal commas, choose "Decimal comma" in the import options.');
    expect([e.file, e.column, e.row, e.value, e.name]).toEqual(['orders.csv', 'qty', 1284, '12,5', 'DataError']);
    expect(new DataError('the file is empty', { file: 'x.csv' }).message).toBe('x.csv: the file is empty.');
  });
});

function collect(text: string, quotes: boolean): string[][] {
  const out: string[][] = [];
  let cur: string[] = [];
  const sink: FieldSink = {
    field: (_c, s, e, esc) => void cur.push(fieldText(text, s, e, esc)),
    endRecord: () => {
      out.push(cur);
      cur = [];
    },
  };
  scanDelimited(text, ',', sink, 0, Infinity, 1, quotes);
  return out;
}

const quoteField = (f: string) => (/[",\n\r]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f);

describe('scanDelimited', () => {
  it('property: quoted CSV round-trips any fields (commas, quotes, line breaks)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é') }), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 }), (rows) => {
        const width = rows[0].length;
        const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? 'x'));
        const text = table.map((r) => r.map(quoteField).join(',')).join('\n');
        expect(readRecords(text, ',').records).toEqual(table);
      }),
      { numRuns: 300 },
    );
  });

  it('property: the quote-free fast path gives the same records as the general path', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: fc.constantFrom('a', '1', ' ', '.', '-') }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 10 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const text = rows.map((r) => r.join(',')).join(eol) + eol;
        expect(collect(text, false)).toEqual(collect(text, true));
      }),
      { numRuns: 300 },
    );
  });

  it('skips blank lines and handles a missing final newline', () => {
    expect(readRecords('a,b\n\n1,2', ',').records).toEqual([['a', 'b'], ['1', '2']]);
    expect(collect('a,b\r\n\r\n1,2', false)).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('detects delimiters', () => {
    expect(detectDelimiter('a;b;c\n1;2,5;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2\n')).toBe('\t');
    expect(detectDelimiter('a,b\n"x;y",2\n')).toBe(',');
  });
});

describe('parseNumber and parseDate', () => {
  it.each([
    ['12.5', '.', 12.5], [' -3 ', '.', -3], ['1,234.5', '.', 1234.5], ['1e3', '.', 1000], ['12,5', ',', 12.5], ['1.234,5', ',', 1234.5],
    ['12,5', '.', NaN], ['abc', '.', NaN], ['', '.', NaN], ['0.1', '.', 0.1], ['12345678901234567', '.', Number('12345678901234567')],
  ] as const)('parseNumber(%j, %j) = %d', (s, d, v) => {
    expect(parseNumber(s, d)).toBe(v);
  });

  it('property: the fast path agrees with Number() on plain decimals', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), (x) => {
      const s = String(x);
      if (/e/i.test(s)) return;
      expect(parseNumber(s)).toBe(Number(s));
    }), { numRuns: 1000 });
  });

  it.each([
    ['2024-02-29', 'dmy', Date.UTC(2024, 1, 29)], ['2023-02-29', 'dmy', NaN], ['2024/03/10', 'dmy', Date.UTC(2024, 2, 10)],
    ['10.03.2024', 'dmy', Date.UTC(2024, 2, 10)], ['03/10/2024', 'mdy', Date.UTC(2024, 2, 10)], ['2024-03-10T12:30:00Z', 'dmy', Date.UTC(2024, 2, 10, 12, 30)],
    ['2024-03-10T12:30:00.123+01:00', 'dmy', Date.UTC(2024, 2, 10, 12, 30)], ['10/3/24', 'dmy', Date.UTC(2024, 2, 10)], ['12/1/2010 12:05 AM', 'mdy', Date.UTC(2010, 11, 1, 0, 5)],
    ['13/13/2024', 'dmy', NaN], ['yesterday', 'dmy', NaN], ['2024-3-1', 'dmy', Date.UTC(2024, 2, 1)],
  ] as const)('parseDate(%j, %j)', (s, order, v) => {
    expect(parseDate(s, order)).toBe(v);
  });
});
