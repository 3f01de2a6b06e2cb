import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvDocument, csvNumber, csvText } from '../../src/data/csv-write.ts';

describe('csvText (OWASP CSV injection)', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+1+2', "'+1+2"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
  ])('neutralises %j', (input, expected) => {
    expect(csvText(input)).toBe(expected);
  });

  it('neutralises a leading carriage return and quotes the cell', () => {
    expect(csvText('\r=1+1')).toBe('"\'\r=1+1"');
  });

  it("quotes a formula that holds the delimiter, keeping the apostrophe inside the quotes", () => {
    expect(csvText("+CMD|' /C CALC'!A0,x")).toBe("\"'+CMD|' /C CALC'!A0,x\"");
  });

  it('leaves ordinary text alone and quotes delimiters, quotes and line breaks', () => {
    expect(csvText('C000123')).toBe('C000123');
    expect(csvText('a,b')).toBe('"a,b"');
    expect(csvText('say "hi"')).toBe('"say ""hi"""');
    expect(csvText('a\nb')).toBe('"a\nb"');
  });

  it('never lets a cell start with a formula character once unquoted (property)', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const cell = csvText(s);
        const inner = cell.startsWith('"') ? cell.slice(1, -1).replaceAll('""', '"') : cell;
        expect(/^[=+\-@\t\r]/.test(inner)).toBe(false);
      }),
    );
  });
});

describe('csvNumber and csvDocument', () => {
  it('writes numbers unchanged, NaN and null as empty', () => {
    expect(csvNumber(-2.5)).toBe('-2.5');
    expect(csvNumber(Number.NaN)).toBe('');
    expect(csvNumber(null)).toBe('');
    expect(csvNumber(1 / 3, 3)).toBe('0.333');
  });

  it('guards the header too', () => {
    expect(csvDocument(['=id', 'v'], [['a', '1']])).toBe("'=id,v\na,1\n");
  });
});
