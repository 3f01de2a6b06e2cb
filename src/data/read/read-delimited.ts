/** Delimited text (CSV, TSV, semicolon CSV, decimal commas) to a typed `LoadedTable`, in one pass. */
import { DateBuilder, NumberBuilder, TextBuilder } from './column-builder.ts';
import type { Column, ColumnType, LoadedTable } from './columns.ts';
import { detectDateOrder, type DateOrder } from './date-parse.ts';
import { detectDelimiter, readRecords, scanDelimited, stripBom, unescapeQuotes, usesClassicMacLineEnds, type FieldSink } from './delimited.ts';
import { fieldBounds, scanBounds } from './block-scan.ts';
import { DataError, MAX_EXAMPLES, formatCount, type DataIssue, type IssueExample } from '../errors.ts';
import { checkHeader } from './header-check.ts';
import { inferTextType, resolveTypes, type TypeSpec } from './infer-types.ts';
import { detectDecimal, type DecimalSeparator } from './number-parse.ts';
import { dateIssues } from './date-issues.ts';

/** Options shared by every reader. All but `fileName` are detected when left out. */
export interface ReadOptions {
  /** The file name as the user knows it; used in every message. */
  fileName: string;
  /** Field delimiter of text files; default: detected among `,` `;` tab `|`. */
  delimiter?: string;
  /** Decimal separator of text files; default: detected ('.' with a comma delimiter). */
  decimal?: DecimalSeparator;
  /** Day/month order of numeric dates like 03/04/2024; default: detected per column, else 'dmy'. */
  dateOrder?: DateOrder;
  /** Column types that override inference (e.g. ids as text); a function receives the header. */
  types?: TypeSpec;
  /** Called with the fraction done (0–1) while reading large files. */
  onProgress?: (fraction: number) => void;
}

const SAMPLE_HEAD = 1000;
const SAMPLE_SPOTS = 19;
const SAMPLE_PER_SPOT = 50;
const CHUNK_RECORDS = 100_000;
/** Records per block of the quote-free path: the block's text (about 1 MB) stays in cache while each column is parsed. */
const BLOCK_RECORDS = 8192;

/** Sample records from the head of the file and from spots spread across it. */
function sampleRecords(text: string, delimiter: string, bodyStart: number): string[][] {
  const head = readRecords(text, delimiter, bodyStart, SAMPLE_HEAD);
  const out = head.records;
  if (head.end >= text.length) return out;
  for (let k = 1; k <= SAMPLE_SPOTS; k++) {
    const at = text.indexOf('\n', Math.floor((k * text.length) / (SAMPLE_SPOTS + 1)));
    if (at < 0 || at + 1 <= head.end) continue;
    out.push(...readRecords(text, delimiter, at + 1, SAMPLE_PER_SPOT).records);
  }
  return out;
}

/** Reads delimited text into typed columns. Throws DataError for an empty file, a header only, or duplicate headers. */
export function readDelimited(input: string, options: ReadOptions): LoadedTable {
  const file = options.fileName;
  let text = stripBom(input);
  if (text.trim() === '') throw new DataError('the file is empty', { file }, 'Choose a file with a header row and at least one data row.');
  const issues: DataIssue[] = [];
  if (usesClassicMacLineEnds(text)) {
    // Every scanner below splits lines at LF; a lone CR becomes one.
    text = text.replace(/\r(?!\n)/g, '\n');
    issues.push({ code: 'line-endings', severity: 'info', message: `${file}: lines end with a carriage return alone (classic Mac OS); each was read as a line break.`, file, count: 1, examples: [] });
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const first = readRecords(text, delimiter, 0, 1);
  const header = checkHeader(first.records[0], file);
  const width = header.length;
  const samples = sampleRecords(text, delimiter, first.end);
  if (samples.length === 0) throw new DataError('the file has a header but no data rows', { file }, 'Export the data again with its rows, or choose another file.');
  const cells = header.map((_, c) => samples.map((r) => r[c] ?? ''));
  const decimal = options.decimal ?? detectDecimal(cells.flatMap((col) => col.slice(0, 200)), delimiter);
  const given = resolveTypes(options.types, header);

  let sampleChars = 0;
  for (const r of samples) for (const f of r) sampleChars += f.length + 1;
  const avgRecord = Math.max(4, sampleChars / samples.length);
  const capacity = Math.ceil((text.length / avgRecord) * 1.1) + 16;
  const kinds = new Uint8Array(width);
  const nums: NumberBuilder[] = [];
  const dates: DateBuilder[] = [];
  const texts: TextBuilder[] = [];
  const types: ColumnType[] = [];
  const orders: { order: DateOrder; evidence: boolean }[] = [];
  header.forEach((name, c) => {
    const order = options.dateOrder ? { order: options.dateOrder, evidence: true } : detectDateOrder(cells[c]);
    orders.push(order);
    const type = given.get(name) ?? inferTextType(cells[c], decimal, order.order);
    types.push(type);
    kinds[c] = type === 'number' ? 0 : type === 'date' ? 1 : 2;
    nums.push(new NumberBuilder(decimal, type === 'number' ? capacity : 0));
    dates.push(new DateBuilder(order.order, type === 'date' ? capacity : 0));
    texts.push(new TextBuilder(type === 'text' ? capacity : 0));
  });

  let lines = new Int32Array(capacity);
  let rows = 0;
  const short: IssueExample[] = [];
  const long: IssueExample[] = [];
  let shortCount = 0;
  let longCount = 0;
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
    if (count < width) {
      shortCount++;
      if (short.length < MAX_EXAMPLES) short.push({ row: rows + 1, value: `line ${formatCount(line)}: ${count} of ${width} fields` });
    } else if (count > width) {
      longCount++;
      if (long.length < MAX_EXAMPLES) long.push({ row: rows + 1, value: `line ${formatCount(line)}: ${count} fields` });
    }
    if (rows === lines.length) {
      const b = new Int32Array(rows * 2 + 16);
      b.set(lines);
      lines = b;
    }
    lines[rows++] = line;
  }
  let offset = first.end;
  let line = 2;
  const quotes = text.indexOf('"', offset) >= 0;
  let unterminated = 0;
  let strayQuotes = 0;
  if (!quotes) {
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
        options.onProgress?.(Math.min(1, offset / text.length));
      }
      if (r.records === 0) break;
    }
  }
  while (offset < text.length) {
    const r = scanDelimited(text, delimiter, sink, offset, CHUNK_RECORDS, line, quotes);
    offset = r.end;
    line += r.lines;
    unterminated ||= r.unterminatedQuoteLine;
    strayQuotes += r.strayQuotes ?? 0;
    options.onProgress?.(Math.min(1, offset / text.length));
    if (r.records === 0) break;
  }
  if (rows === 0) throw new DataError('the file has a header but no data rows', { file }, 'Export the data again with its rows, or choose another file.');

  if (shortCount) issues.push({ code: 'short-rows', severity: 'warning', message: `${file}: ${formatCount(shortCount)} row(s) have fewer fields than the header (${width}); the missing cells are empty.`, file, count: shortCount, examples: short });
  if (longCount) issues.push({ code: 'long-rows', severity: 'warning', message: `${file}: ${formatCount(longCount)} row(s) have more fields than the header (${width}); the extra fields were ignored. Check the delimiter and quoting.`, file, count: longCount, examples: long });
  if (unterminated) {
    const what = strayQuotes === 1 ? 'a double quote opens a field' : `${formatCount(strayQuotes)} double quotes open fields`;
    issues.push({
      code: 'unterminated-quote',
      severity: 'warning',
      message: `${file}: ${what} that never closes (the first on line ${formatCount(unterminated)}); each was read as an ordinary character, so the lines after it stay rows of their own. Check for a stray double quote there.`,
      file,
      count: strayQuotes,
      examples: [],
    });
  }

  const columns = new Map<string, Column>();
  header.forEach((name, c) => {
    const k = kinds[c];
    columns.set(name, k === 0 ? nums[c].finish(name) : k === 1 ? dates[c].finish(name) : texts[c].finish(name));
  });
  issues.push(...dateIssues(file, columns, orders, header));
  return { source: file, format: 'csv', header, rowCount: rows, columns, lines: lines.slice(0, rows), delimiter, decimal, issues };
}
