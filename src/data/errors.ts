/**
 * Errors and recoverable issues of the data layer.
 *
 * Row numbers: `row` is the 1-based *data* row, the first record after the header being row 1
 * (so in a spreadsheet that shows the header on line 1, data row N sits on line N + 1). For
 * delimited text, `line` is the physical 1-based line of the file where the record starts
 * (header = line 1); it differs from `row + 1` only when quoted fields hold line breaks.
 */

/** Where a problem sits in the input. Every field is optional: fill in what is known. */
export interface DataLocation {
  /** The file name as the user knows it, e.g. `orders.csv`. */
  readonly file?: string;
  /** The column header as written in the file. */
  readonly column?: string;
  /** 1-based data row (first record after the header = 1). */
  readonly row?: number;
  /** 1-based physical line in a text file (header = 1). */
  readonly line?: number;
  /** The offending cell text, as read. */
  readonly value?: string;
}

/** Formats an integer with thousands separators the way the messages show it: `1,284`. */
export function formatCount(n: number): string {
  return Math.trunc(n).toLocaleString('en-US');
}

/** Shortens a cell value for messages; values are plain text and are never interpreted as markup. */
export function quoteValue(value: string, max = 40): string {
  const v = value.length > max ? `${value.slice(0, max - 1)}…` : value;
  return JSON.stringify(v);
}

/** `orders.csv, column "qty", row 1,284` — the coordinates prefix of a message. */
export function describeLocation(at: DataLocation): string {
  const parts: string[] = [];
  if (at.file) parts.push(at.file);
  if (at.column !== undefined) parts.push(`column ${JSON.stringify(at.column)}`);
  if (at.row !== undefined) parts.push(`row ${formatCount(at.row)}`);
  return parts.join(', ');
}

/**
 * A problem that stops reading a file. The message is complete and meant for people:
 * coordinates, what is wrong, and (as `hint`) what to do about it.
 */
export class DataError extends Error {
  override readonly name = 'DataError';
  readonly file?: string;
  readonly column?: string;
  readonly row?: number;
  readonly line?: number;
  readonly value?: string;
  /** What the user can do about it, e.g. `choose "Decimal comma" in the import options`. */
  readonly hint?: string;
  /** The problem alone, without coordinates or hint. */
  readonly problem: string;

  /** `options.cause`: the underlying error (a library's message is kept there, not shown). */
  constructor(problem: string, at: DataLocation = {}, hint?: string, options?: { cause?: unknown }) {
    const where = describeLocation(at);
    const head = where ? `${where}: ${problem}` : problem;
    super(hint ? `${head}. ${hint}` : head.endsWith('.') ? head : `${head}.`, options);
    this.problem = problem;
    this.file = at.file;
    this.column = at.column;
    this.row = at.row;
    this.line = at.line;
    this.value = at.value;
    this.hint = hint;
  }
}

/** One example of an issue: the data row and the cell text. */
export interface IssueExample {
  /** 1-based data row (see the module comment). */
  readonly row: number;
  readonly value: string;
}

export type IssueSeverity = 'info' | 'warning';

/** A recoverable problem, returned beside the result (never logged). */
export interface DataIssue {
  /** Stable machine code, e.g. `non-numeric`, `zero-variance`, `missing-id`. */
  readonly code: string;
  readonly severity: IssueSeverity;
  /** Complete sentence for people, with coordinates and what was done. */
  readonly message: string;
  readonly file?: string;
  readonly column?: string;
  /** How many cells or rows are affected. */
  readonly count: number;
  /** Up to a few examples, in row order. */
  readonly examples: readonly IssueExample[];
}

/** How many examples issues and quality rules keep. */
export const MAX_EXAMPLES = 5;

/** The hint shown when a number fails to parse and looks like it uses a decimal comma. */
export function decimalHint(value: string, decimal: '.' | ','): string | undefined {
  if (decimal === '.' && /^\s*[-+]?\d+,\d+\s*$/.test(value)) {
    return 'If your file uses decimal commas, choose "Decimal comma" in the import options.';
  }
  if (decimal === ',' && /^\s*[-+]?\d+\.\d+\s*$/.test(value)) {
    return 'If your file uses decimal points, choose "Decimal point" in the import options.';
  }
  return undefined;
}
