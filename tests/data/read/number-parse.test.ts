import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseNumber, parseNumberRange } from '../../../src/data/read/number-parse.ts';

/** Plain decimal texts: optional sign, 1-25 integer digits, optional point and 0-25 decimals. */
const decimalText = fc
  .tuple(
    fc.constantFrom('', '-', '+'),
    fc.stringMatching(/^[0-9]{1,25}$/),
    fc.option(fc.stringMatching(/^[0-9]{0,25}$/), { nil: undefined }),
  )
  .map(([sign, int, frac]) => `${sign}${int}${frac === undefined ? '' : `.${frac}`}`);

describe('parseNumber: exact fast paths', () => {
  it('property: equals Number() on plain decimals of any length (the long-decimal path included)', () => {
    fc.assert(
      fc.property(decimalText, (s) => {
        expect(Object.is(parseNumber(s), Number(s))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('property: round-trips every double written by String() (17 significant digits and fewer)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = String(x);
        expect(Object.is(parseNumber(s), Number(s))).toBe(true);
      }),
      { numRuns: 20000 },
    );
  });

  it('property: reads a range of a larger text as the same number, with a decimal comma too', () => {
    fc.assert(
      fc.property(decimalText, (s) => {
        const text = `x;${s.replace('.', ',')};y`;
        expect(Object.is(parseNumberRange(text, 2, 2 + s.length, ','), Number(s))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('takes the boundary of the exact path at 2^53 correctly', () => {
    for (const s of ['9007199254740991', '9007199254740992', '9007199254740993', '900719925474099.3', '0.9007199254740993', '12345678901234567.5']) {
      expect(parseNumber(s)).toBe(Number(s));
    }
  });
});

// Issue 8 point 7 (parsing half): overflow to ±Infinity is a bad number, like the text Infinity.
describe('issue 8.7: infinite and huge values', () => {
  it.each(['1e999', '-1e999', '1E400', '+2e308', `1${'0'.repeat(400)}`, `-${'9'.repeat(320)}.5`, 'Infinity', '-Infinity'])('%s is not a number', (s) => {
    expect(parseNumber(s)).toBeNaN();
    expect(parseNumber(s.replace('.', ','), ',')).toBeNaN();
  });

  it('the largest finite doubles and underflow to zero still read', () => {
    expect(parseNumber('1.7976931348623157e308')).toBe(Number.MAX_VALUE);
    expect(parseNumber('-1e308')).toBe(-1e308);
    expect(parseNumber('1e-400')).toBe(0);
  });
});
