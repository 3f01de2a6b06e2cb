/**
 * The first pass of the delimited reader, on one thread: byte-order mark, classic Mac line ends,
 * delimiter, header, and each column's type, decimal separator and date order from samples. What
 * it fixes (`PartLayout`) is all a reader of any range of the body needs, so the body can be read
 * in one piece or in parts on other threads with the same result (see read-parallel.ts).
 */
import type { ColumnType } from './columns.ts';
import { detectDateOrder, type DateOrder } from './date-parse.ts';
import { detectDelimiter, readRecords, stripBom, usesClassicMacLineEnds } from './delimited.ts';
import { DataError, type DataIssue } from '../errors.ts';
import { checkHeader } from './header-check.ts';
import { inferTextType, resolveTypes } from './infer-types.ts';
import { detectDecimal } from './number-parse.ts';
import type { ReadOptions } from './read-delimited.ts';

const SAMPLE_HEAD = 1000;
const SAMPLE_SPOTS = 19;
const SAMPLE_PER_SPOT = 50;

/** How every record of the body is read: plain, cloneable data (it is sent to parse workers). */
export interface PartLayout {
  readonly delimiter: string;
  /** Fields of the header; cells past it are ignored, missing ones are empty. */
  readonly width: number;
  readonly types: readonly ColumnType[];
  readonly decimal: '.' | ',';
  /** Day/month order of each column's numeric dates. */
  readonly dateOrders: readonly DateOrder[];
  /** Whether the body holds a double quote (the quote-aware scanner) or not (the block scanner). */
  readonly quotes: boolean;
  /** Mean characters per record in the samples: sizes the column buffers. */
  readonly avgRecord: number;
}

/** The first pass's result: the layout plus what only the whole file knows. */
export interface DelimitedLayout extends PartLayout {
  readonly file: string;
  readonly header: string[];
  /** Each column's date order and whether a sample showed it (else an issue says it was assumed). */
  readonly orders: readonly { order: DateOrder; evidence: boolean }[];
  /** Where the body (the first record after the header) starts in the text. */
  readonly bodyStart: number;
  /** Whether lone carriage returns were made line feeds (the text read is not the decoded text). */
  readonly lineEndsRewritten: boolean;
  /** Issues of the first pass (classic Mac line ends). */
  readonly issues: readonly DataIssue[];
}

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

/** The header-only or empty file: the same message wherever it is found. */
export function noRowsError(file: string): DataError {
  return new DataError('the file has a header but no data rows', { file }, 'Export the data again with its rows, or choose another file.');
}

/**
 * The first pass over decoded text. Returns the text the body is read from (without a byte-order
 * mark, lone carriage returns made line feeds) and its layout. Throws DataError for an empty file,
 * a header only, or duplicate headers.
 */
export function planDelimited(input: string, options: ReadOptions): { text: string; layout: DelimitedLayout } {
  const file = options.fileName;
  let text = stripBom(input);
  if (text.trim() === '') throw new DataError('the file is empty', { file }, 'Choose a file with a header row and at least one data row.');
  const issues: DataIssue[] = [];
  const lineEndsRewritten = usesClassicMacLineEnds(text);
  if (lineEndsRewritten) {
    // Every scanner splits lines at LF; a lone CR becomes one.
    text = text.replace(/\r(?!\n)/g, '\n');
    issues.push({ code: 'line-endings', severity: 'info', message: `${file}: lines end with a carriage return alone (classic Mac OS); each was read as a line break.`, file, count: 1, examples: [] });
  }
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const first = readRecords(text, delimiter, 0, 1);
  const header = checkHeader(first.records[0], file);
  const samples = sampleRecords(text, delimiter, first.end);
  if (samples.length === 0) throw noRowsError(file);
  const cells = header.map((_, c) => samples.map((r) => r[c] ?? ''));
  const decimal = options.decimal ?? detectDecimal(cells.flatMap((col) => col.slice(0, 200)), delimiter);
  const given = resolveTypes(options.types, header);
  let sampleChars = 0;
  for (const r of samples) for (const f of r) sampleChars += f.length + 1;
  const orders = header.map((_, c) => (options.dateOrder ? { order: options.dateOrder, evidence: true } : detectDateOrder(cells[c])));
  const types = header.map((name, c) => given.get(name) ?? inferTextType(cells[c], decimal, orders[c].order));
  const layout: DelimitedLayout = {
    file,
    header,
    delimiter,
    width: header.length,
    types,
    decimal,
    orders,
    dateOrders: orders.map((o) => o.order),
    quotes: text.indexOf('"', first.end) >= 0,
    avgRecord: Math.max(4, sampleChars / samples.length),
    bodyStart: first.end,
    lineEndsRewritten,
    issues,
  };
  return { text, layout };
}

/** The part of a layout that readers of the body use (what goes to a parse worker). */
export function partLayout(layout: DelimitedLayout): PartLayout {
  const { delimiter, width, types, decimal, dateOrders, quotes, avgRecord } = layout;
  return { delimiter, width, types, decimal, dateOrders, quotes, avgRecord };
}
