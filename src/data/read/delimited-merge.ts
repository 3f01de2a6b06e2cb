/**
 * Joins the parts of a delimited body, read in file order, into one `LoadedTable`: columns
 * appended in order, text dictionaries merged in order of first appearance (later parts' codes
 * remapped), row indices and line numbers offset, the first MAX_EXAMPLES examples in file order,
 * counts summed. One part (the single-threaded reader) passes through unchanged.
 */
import type { Column, InvalidCells, LoadedTable } from './columns.ts';
import type { DateLayout } from './date-parse.ts';
import { MAX_EXAMPLES, formatCount, type DataIssue, type IssueExample } from '../errors.ts';
import { dateIssues } from './date-issues.ts';
import { noRowsError, type DelimitedLayout } from './delimited-plan.ts';
import { readPart, type PartColumn, type PartResult, type RaggedRows } from './delimited-part.ts';

type TextPart = Extract<PartColumn, { type: 'text' }>;

function concatFloats(arrays: readonly Float64Array[], total: number): Float64Array {
  if (arrays.length === 1) return arrays[0];
  const out = new Float64Array(total);
  let at = 0;
  for (const a of arrays) {
    out.set(a, at);
    at += a.length;
  }
  return out;
}

function mergeInvalid(parts: readonly InvalidCells[], rowBase: readonly number[]): InvalidCells {
  if (parts.length === 1) return parts[0];
  const rows: number[] = [];
  const texts: string[] = [];
  parts.forEach((p, k) => {
    for (let i = 0; i < p.rows.length; i++) {
      rows.push(p.rows[i] + rowBase[k]);
      texts.push(p.texts[i]);
    }
  });
  return { rows, texts };
}

/**
 * Text columns: the first part's dictionary, then each later part's new values in its order;
 * codes remapped. Values are found by the hashes the parts computed (an open-addressing table),
 * so no string is hashed again.
 */
function mergeText(parts: readonly TextPart[], total: number): { codes: Int32Array; dictionary: string[] } {
  if (parts.length === 1) return parts[0];
  let entries = 0;
  for (const p of parts) entries += p.dictionary.length;
  let size = 1024;
  while (size < entries * 2) size *= 2;
  const mask = size - 1;
  // Merged code + 1 in each slot, 0 for free.
  const slots = new Int32Array(size);
  const hashes = new Int32Array(entries);
  const dictionary: string[] = [];
  const codes = new Int32Array(total);
  let at = 0;
  parts.forEach((part, k) => {
    const remap = new Int32Array(part.dictionary.length);
    for (let c = 0; c < part.dictionary.length; c++) {
      const s = part.dictionary[c];
      const h = part.hashes[c];
      let k = h & mask;
      let to = -1;
      for (;;) {
        const slot = slots[k];
        if (slot === 0) break;
        if (hashes[slot - 1] === h && dictionary[slot - 1] === s) {
          to = slot - 1;
          break;
        }
        k = (k + 1) & mask;
      }
      if (to < 0) {
        to = dictionary.length;
        hashes[to] = h;
        dictionary.push(s);
        slots[k] = to + 1;
      }
      remap[c] = to;
    }
    const from = part.codes;
    // The first part's codes stay as they are: its values come first, in its order.
    if (k === 0) codes.set(from);
    else {
      for (let i = 0; i < from.length; i++) {
        const c = from[i];
        codes[at + i] = c < 0 ? -1 : remap[c];
      }
    }
    at += from.length;
  });
  return { codes, dictionary };
}

function mergeColumn(name: string, layout: DelimitedLayout, c: number, parts: readonly PartResult[], rowBase: readonly number[], total: number): Column {
  const cols: PartColumn[] = parts.map((p) => p.columns[c]);
  const type = layout.types[c];
  if (type === 'text') {
    const { codes, dictionary } = mergeText(cols as TextPart[], total);
    return { type, name, codes, dictionary };
  }
  const numeric = cols as Exclude<PartColumn, { type: 'text' }>[];
  const values = concatFloats(numeric.map((p) => p.values), total);
  const invalid = mergeInvalid(numeric.map((p) => p.invalid), rowBase);
  if (type === 'number') return { type, name, values, invalid };
  const layouts: Record<DateLayout, number> = { iso: 0, numeric: 0 };
  for (const p of numeric as Extract<PartColumn, { type: 'date' }>[]) {
    layouts.iso += p.layouts.iso;
    layouts.numeric += p.layouts.numeric;
  }
  return { type, name, values, invalid, order: layout.dateOrders[c], layouts };
}

/** Short or long rows of all parts: summed counts, the first examples in file order with their absolute row and line. */
function mergeRagged(ragged: readonly RaggedRows[], rowBase: readonly number[], lineBase: readonly number[], describe: (fields: number) => string): { count: number; examples: IssueExample[] } {
  let count = 0;
  const examples: IssueExample[] = [];
  ragged.forEach((r, k) => {
    count += r.count;
    for (const e of r.examples) {
      if (examples.length < MAX_EXAMPLES) examples.push({ row: rowBase[k] + e.row + 1, value: `line ${formatCount(lineBase[k] + e.line)}: ${describe(e.fields)}` });
    }
  });
  return { count, examples };
}

/**
 * The table of parts read in file order, the first starting at the body's first line. Throws
 * DataError when no part holds a row.
 */
export function mergeParts(layout: DelimitedLayout, parts: readonly PartResult[]): LoadedTable {
  const { file, header, width } = layout;
  const rowBase: number[] = [];
  // The body starts on line 2: the header is line 1 (a header spanning lines is counted as one, as ever).
  const lineBase: number[] = [];
  let rowCount = 0;
  let lineAt = 1;
  for (const p of parts) {
    rowBase.push(rowCount);
    lineBase.push(lineAt);
    rowCount += p.rows;
    lineAt += p.lineCount;
  }
  if (rowCount === 0) throw noRowsError(file);
  const lines = new Int32Array(rowCount);
  parts.forEach((p, k) => {
    const base = lineBase[k];
    const from = p.lines;
    const at = rowBase[k];
    for (let i = 0; i < from.length; i++) lines[at + i] = from[i] + base;
  });

  const issues: DataIssue[] = [...layout.issues];
  const short = mergeRagged(parts.map((p) => p.short), rowBase, lineBase, (n) => `${n} of ${width} fields`);
  const long = mergeRagged(parts.map((p) => p.long), rowBase, lineBase, (n) => `${n} fields`);
  if (short.count) issues.push({ code: 'short-rows', severity: 'warning', message: `${file}: ${formatCount(short.count)} row(s) have fewer fields than the header (${width}); the missing cells are empty.`, file, count: short.count, examples: short.examples });
  if (long.count) issues.push({ code: 'long-rows', severity: 'warning', message: `${file}: ${formatCount(long.count)} row(s) have more fields than the header (${width}); the extra fields were ignored. Check the delimiter and quoting.`, file, count: long.count, examples: long.examples });
  const stray = parts.findIndex((p) => p.unterminatedLine > 0);
  if (stray >= 0) {
    const strayQuotes = parts.reduce((s, p) => s + p.strayQuotes, 0);
    const what = strayQuotes === 1 ? 'a double quote opens a field' : `${formatCount(strayQuotes)} double quotes open fields`;
    issues.push({
      code: 'unterminated-quote',
      severity: 'warning',
      message: `${file}: ${what} that never closes (the first on line ${formatCount(lineBase[stray] + parts[stray].unterminatedLine)}); each was read as an ordinary character, so the lines after it stay rows of their own. Check for a stray double quote there.`,
      file,
      count: strayQuotes,
      examples: [],
    });
  }

  const columns = new Map<string, Column>();
  header.forEach((name, c) => columns.set(name, mergeColumn(name, layout, c, parts, rowBase, rowCount)));
  issues.push(...dateIssues(file, columns, layout.orders, header));
  return { source: file, format: 'csv', header, rowCount, columns, lines, delimiter: layout.delimiter, decimal: layout.decimal, issues };
}

/** The planned text's whole body read on this thread, as one part (the single-threaded reader). */
export function readBody(text: string, layout: DelimitedLayout, onProgress?: (fraction: number) => void): LoadedTable {
  return mergeParts(layout, [readPart(text, layout, layout.bodyStart, onProgress)]);
}
