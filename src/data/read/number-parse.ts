/**
 * Number and missing-value parsing for text cells, with a decimal point or a decimal comma.
 * The fast path reads digits straight from the source text without allocating a string.
 *
 * Every result equals `Number()` of the same text (with the decimal separator made a point and
 * thousands separators removed): the fast path is exact (see `parseNumberRange`) and everything
 * else goes to `Number()` itself. Values beyond the double range (`1e999`) are not numbers here,
 * like `Infinity`: a file that holds them has a problem to report, not a value to compute with.
 */

/** Decimal separator of numbers in a text file. */
export type DecimalSeparator = '.' | ',';

/** Cell texts read as "no value" (case-sensitive, after trimming). */
export const MISSING_TOKENS: ReadonlySet<string> = new Set([
  '', 'NA', 'N/A', 'n/a', 'na', '#N/A', 'NULL', 'null', 'None', 'none', 'NaN', 'nan', '-', '?',
]);

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

/** True when `text.slice(start, end)` is a missing-value token. */
export function isMissingRange(text: string, start: number, end: number): boolean {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const len = end - start;
  if (len === 0) return true;
  if (len > 4) return false;
  return MISSING_TOKENS.has(text.slice(start, end));
}

/**
 * Parses `text.slice(start, end)` as a number; NaN when it is not one (check
 * `isMissingRange` first to tell missing from malformed). Accepts sign, decimals, exponent,
 * and thousands separators (`1,234.5` or `1.234,5` with a decimal comma).
 */
export function parseNumberRange(text: string, start: number, end: number, decimal: DecimalSeparator): number {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  const sep = decimal === '.' ? 46 : 44;
  let i = start;
  let neg = false;
  const c0 = text.charCodeAt(i);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let seenSep = false;
  for (; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      if (seenSep) scale++;
    } else if (c === sep && !seenSep) {
      seenSep = true;
    } else {
      break;
    }
  }
  if (i === end && digits > 0) {
    // Clinger's fast path: an integer mantissa below 2^53 is exact in a double, and so is
    // 10^scale for scale <= 22, so the one division is correctly rounded: the same double as
    // Number(). The check on the computed mantissa is safe because rounding is monotone: a true
    // mantissa of 2^53 or more never computes to less than 2^53.
    if (mantissa < TWO_53 && scale <= 22) {
      const v = scale ? mantissa / POW10[scale] : mantissa;
      return neg ? -v : v;
    }
    // Longer decimals (17-digit doubles as written by most tools): the scan has already checked
    // the syntax (sign, digits, at most one separator), so Number() reads them without a regex.
    const s = text.slice(start, end);
    return finite(Number(decimal === '.' ? s : s.replace(',', '.')));
  }
  return parseNumberSlow(text.slice(start, end), decimal);
}

const TWO_53 = 2 ** 53;

/** `Number()`, except that an overflow to ±Infinity is not a number (NaN), like the text `Infinity`. */
function finite(v: number): number {
  return v === Infinity || v === -Infinity ? NaN : v;
}

const THOUSANDS_DOT = /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const THOUSANDS_COMMA = /^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/;
const PLAIN_DOT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const PLAIN_COMMA = /^[-+]?(\d+,?\d*|,\d+)([eE][-+]?\d+)?$/;

function parseNumberSlow(s: string, decimal: DecimalSeparator): number {
  if (decimal === '.') {
    if (PLAIN_DOT.test(s)) return finite(Number(s));
    if (THOUSANDS_DOT.test(s)) return finite(Number(s.replaceAll(',', '')));
    return NaN;
  }
  if (PLAIN_COMMA.test(s)) return finite(Number(s.replace(',', '.')));
  if (THOUSANDS_COMMA.test(s)) return finite(Number(s.replaceAll('.', '').replace(',', '.')));
  return NaN;
}

/** Parses a whole cell text; NaN for missing or malformed. */
export function parseNumber(s: string, decimal: DecimalSeparator = '.'): number {
  return parseNumberRange(s, 0, s.length, decimal);
}

/** True when the cell text is a missing-value token. */
export function isMissing(s: string): boolean {
  return isMissingRange(s, 0, s.length);
}

/**
 * Guesses the decimal separator from sample cells: decimal comma when values like `12,5`
 * outnumber values like `12.5`. With a comma delimiter the answer is always '.'.
 */
export function detectDecimal(samples: readonly string[], delimiter: string): DecimalSeparator {
  if (delimiter === ',') return '.';
  let comma = 0;
  let dot = 0;
  for (const s of samples) {
    if (/^\s*[-+]?\d{1,3}(\.\d{3})*,\d+\s*$/.test(s)) comma++;
    else if (/^\s*[-+]?\d+\.\d+\s*$/.test(s) && !/^\s*[-+]?\d{1,3}\.\d{3}\s*$/.test(s)) dot++;
  }
  return comma > dot ? ',' : '.';
}
