/**
 * The quote-free fast path of the delimited reader: field boundaries of a block of records are
 * found first (with the engine's native indexOf), so that each column can then be parsed in its
 * own tight loop (see the column builders' `pushRanges`).
 */
import type { ScanResult } from './delimited.ts';

const CR = 13;

/** Field boundaries of a block of records, filled by `scanBounds`: record r, column c at r * width + c. */
export interface FieldBounds {
  /** Start of each field; -1 for a field past the end of a short record. */
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /** Fields found in each record (may exceed the width; the extra fields are not kept). */
  readonly counts: Int32Array;
  /** 1-based physical line of each record. */
  readonly lines: Int32Array;
}

/** Buffers for `scanBounds` holding up to `records` records of `width` fields. */
export function fieldBounds(width: number, records: number): FieldBounds {
  return { starts: new Int32Array(width * records), ends: new Int32Array(width * records), counts: new Int32Array(records), lines: new Int32Array(records) };
}

/**
 * The scan of `scanUnquoted` (text known to hold no double quote) for a block of records, writing
 * field boundaries into `out` instead of calling a sink, so that each column can then be parsed
 * in its own tight loop. Fills at most `out.counts.length` records.
 */
export function scanBounds(text: string, delimiter: string, width: number, out: FieldBounds, offset: number, firstLine: number): ScanResult & { end: number } {
  const { starts, ends, counts, lines } = out;
  const maxRecords = counts.length;
  const n = text.length;
  let i = offset;
  let line = firstLine;
  let records = 0;
  while (i < n && records < maxRecords) {
    let eol = text.indexOf('\n', i);
    if (eol < 0) eol = n;
    let lineEnd = eol;
    if (lineEnd > i && text.charCodeAt(lineEnd - 1) === CR) lineEnd--;
    if (lineEnd === i) {
      i = eol + 1;
      line++;
      continue;
    }
    const base = records * width;
    let col = 0;
    let s = i;
    for (;;) {
      const d = text.indexOf(delimiter, s);
      if (d < 0 || d >= lineEnd) {
        if (col < width) {
          starts[base + col] = s;
          ends[base + col] = lineEnd;
        }
        col++;
        break;
      }
      if (col < width) {
        starts[base + col] = s;
        ends[base + col] = d;
      }
      col++;
      s = d + 1;
    }
    for (let c = col; c < width; c++) starts[base + c] = -1;
    counts[records] = col;
    lines[records++] = line;
    line++;
    i = eol + 1;
  }
  return { records, lines: line - firstLine, unterminatedQuoteLine: 0, end: Math.min(i, n) };
}
