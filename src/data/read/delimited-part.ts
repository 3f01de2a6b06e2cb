/**
 * Reads a range of a delimited body with a fixed layout into partial columns and row bookkeeping.
 * Row indices and line numbers are relative to the range (its first record is row 0, its first
 * line is line 1), so a part read on another thread knows nothing of the parts before it;
 * `mergeParts` (delimited-merge.ts) offsets them. Examples of short and long rows keep their
 * numbers, not their messages, for the same reason.
 */
import { DateBuilder, NumberBuilder, TextBuilder } from './column-builder.ts';
import type { InvalidCells } from './columns.ts';
import type { DateLayout } from './date-parse.ts';
import { scanDelimited, unescapeQuotes, type FieldSink } from './delimited.ts';
import { fieldBounds, scanBounds } from './block-scan.ts';
import { MAX_EXAMPLES } from '../errors.ts';
import type { PartLayout } from './delimited-plan.ts';

const CHUNK_RECORDS = 100_000;
/** Records per block of the quote-free path: the block's text (about 1 MB) stays in cache while each column is parsed. */
const BLOCK_RECORDS = 8192;

/** A column of a part: the builders' contents. */
export type PartColumn =
  | { readonly type: 'number'; readonly values: Float64Array; readonly invalid: InvalidCells }
  | { readonly type: 'date'; readonly values: Float64Array; readonly invalid: InvalidCells; readonly layouts: Record<DateLayout, number> }
  | { readonly type: 'text'; readonly codes: Int32Array; readonly dictionary: string[]; readonly hashes: Int32Array };

/** A short or long row: its 0-based row and 1-based line in the part, and its field count. */
export interface RaggedRow {
  readonly row: number;
  readonly line: number;
  readonly fields: number;
}

/** Rows with fewer or more fields than the header: how many, and the first few. */
export interface RaggedRows {
  count: number;
  readonly examples: RaggedRow[];
}

/** What reading a range gives: plain data (typed arrays and strings), sent back by parse workers. */
export interface PartResult {
  readonly rows: number;
  /** Physical lines the range spans (its line feeds, plus a last line without one). */
  readonly lineCount: number;
  /** The 1-based line in the range where each row starts. */
  readonly lines: Int32Array;
  readonly columns: PartColumn[];
  readonly short: RaggedRows;
  readonly long: RaggedRows;
  /** 1-based line in the range of the first quote that never closes, else 0. */
  readonly unterminatedLine: number;
  readonly strayQuotes: number;
}

/**
 * Reads `text` from `offset` to its end, every record with `layout`. `onProgress` gets the
 * position in `text` as a fraction of its length.
 */
export function readPart(text: string, layout: PartLayout, offset = 0, onProgress?: (fraction: number) => void): PartResult {
  const { width, delimiter, types } = layout;
  const capacity = Math.ceil(((text.length - offset) / layout.avgRecord) * 1.1) + 16;
  const kinds = new Uint8Array(width);
  const nums: NumberBuilder[] = [];
  const dates: DateBuilder[] = [];
  const texts: TextBuilder[] = [];
  types.forEach((type, c) => {
    kinds[c] = type === 'number' ? 0 : type === 'date' ? 1 : 2;
    nums.push(new NumberBuilder(layout.decimal, type === 'number' ? capacity : 0));
    dates.push(new DateBuilder(layout.dateOrders[c], type === 'date' ? capacity : 0));
    texts.push(new TextBuilder(type === 'text' ? capacity : 0));
  });

  let lines = new Int32Array(capacity);
  let rows = 0;
  const short: RaggedRows = { count: 0, examples: [] };
  const long: RaggedRows = { count: 0, examples: [] };
  const sink: FieldSink = {
    field(col, start, end, escaped) {
      if (col >= width) return;
      let t = text;
      if (escaped) {
        t = unescapeQuotes(text, start, end);
        start = 0;
        end = t.length;
      }
      const k = kinds[col];
      if (k === 0) nums[col].pushRange(t, start, end);
      else if (k === 1) dates[col].pushRange(t, start, end);
      else texts[col].pushRange(t, start, end);
    },
    endRecord(count, line) {
      for (let c = count; c < width; c++) {
        const k = kinds[c];
        if (k === 0) nums[c].pushMissing();
        else if (k === 1) dates[c].pushMissing();
        else texts[c].pushMissing();
      }
      account(count, line);
    },
  };
  /** Row bookkeeping once a record's cells are pushed: short and long rows, physical lines. */
  function account(count: number, line: number): void {
    const ragged = count < width ? short : count > width ? long : null;
    if (ragged && ragged.count++ < MAX_EXAMPLES) ragged.examples.push({ row: rows, line, fields: count });
    if (rows === lines.length) {
      const b = new Int32Array(rows * 2 + 16);
      b.set(lines);
      lines = b;
    }
    lines[rows++] = line;
  }
  let line = 1;
  let unterminatedLine = 0;
  let strayQuotes = 0;
  if (!layout.quotes) {
    // Quote-free text (the common export): field boundaries of a block first, then one tight,
    // monomorphic loop per column. Same cells and bookkeeping as the sink path below.
    const block = fieldBounds(width, BLOCK_RECORDS);
    let sinceProgress = 0;
    while (offset < text.length) {
      const r = scanBounds(text, delimiter, width, block, offset, line);
      for (let c = 0; c < width; c++) {
        const k = kinds[c];
        if (k === 0) nums[c].pushRanges(text, block, c, width, r.records);
        else if (k === 1) dates[c].pushRanges(text, block, c, width, r.records);
        else texts[c].pushRanges(text, block, c, width, r.records);
      }
      for (let i = 0; i < r.records; i++) account(block.counts[i], block.lines[i]);
      offset = r.end;
      line += r.lines;
      sinceProgress += r.records;
      if (sinceProgress >= CHUNK_RECORDS || offset >= text.length || r.records === 0) {
        sinceProgress = 0;
        onProgress?.(Math.min(1, offset / text.length));
      }
      if (r.records === 0) break;
    }
  }
  while (offset < text.length) {
    const r = scanDelimited(text, delimiter, sink, offset, CHUNK_RECORDS, line, layout.quotes);
    offset = r.end;
    line += r.lines;
    unterminatedLine ||= r.unterminatedQuoteLine;
    strayQuotes += r.strayQuotes ?? 0;
    onProgress?.(Math.min(1, offset / text.length));
    if (r.records === 0) break;
  }
  const columns: PartColumn[] = types.map((_, c) => {
    const k = kinds[c];
    if (k === 0) return { type: 'number', values: nums[c].values.slice(0, nums[c].n), invalid: nums[c].invalid };
    if (k === 1) return { type: 'date', values: dates[c].values.slice(0, dates[c].n), invalid: dates[c].invalid, layouts: dates[c].layouts };
    return { type: 'text', codes: texts[c].codes.slice(0, texts[c].n), dictionary: texts[c].dictionary, hashes: Int32Array.from(texts[c].hashes) };
  });
  return { rows, lineCount: line - 1, lines: lines.slice(0, rows), columns, short, long, unterminatedLine, strayQuotes };
}
