/**
 * The typed, columnar table every loader produces (CSV, JSON, Arrow, Parquet). Rows are
 * 0-based internally; messages show them 1-based (see errors.ts).
 */
import type { DataIssue } from '../errors.ts';
import { nameRecord } from '../name-record.ts';
import type { DateLayout, DateOrder } from './date-parse.ts';
import type { DecimalSeparator } from './number-parse.ts';
import type { TextEncodingName } from './decode.ts';

/** How a column is read. */
export type ColumnType = 'number' | 'text' | 'date';

/** Cells that held a value of the wrong kind (e.g. text in a number column). All rows are listed. */
export interface InvalidCells {
  /** 0-based rows, ascending. */
  rows: number[];
  /** The cell texts, parallel to `rows`. */
  texts: string[];
}

export interface NumberColumn {
  readonly type: 'number';
  readonly name: string;
  /** NaN where the cell was missing or invalid. */
  readonly values: Float64Array;
  readonly invalid: InvalidCells;
}

export interface DateColumn {
  readonly type: 'date';
  readonly name: string;
  /** Epoch milliseconds (UTC wall time); NaN where missing or invalid. */
  readonly values: Float64Array;
  readonly invalid: InvalidCells;
  /** Day/month order used for numeric dates. */
  readonly order: DateOrder;
  /** How many cells used each layout (more than one non-zero = mixed formats). */
  readonly layouts: Record<DateLayout, number>;
}

export interface TextColumn {
  readonly type: 'text';
  readonly name: string;
  /** Index into `dictionary`, or -1 for a missing cell. */
  readonly codes: Int32Array;
  /** Distinct values, in order of first appearance, trimmed. */
  readonly dictionary: string[];
}

export type Column = NumberColumn | DateColumn | TextColumn;

/** The file format a table came from. */
export type FileFormat = 'csv' | 'json' | 'arrow' | 'parquet';

/** A loaded file: typed columns of equal length. */
export interface LoadedTable {
  /** File name as given. */
  readonly source: string;
  readonly format: FileFormat;
  /** Column names in file order. */
  readonly header: string[];
  readonly rowCount: number;
  /** Columns by header name (a Map: header names are user data, see name-record.ts). */
  readonly columns: ReadonlyMap<string, Column>;
  /** For text formats: the 1-based physical line where each row starts. */
  readonly lines?: Int32Array;
  /** For text formats: the encoding the bytes were decoded with (see decode.ts). */
  readonly encoding?: TextEncodingName;
  /** Delimiter and decimal separator, for text formats. */
  readonly delimiter?: string;
  readonly decimal?: DecimalSeparator;
  /** Recoverable problems met while reading (ragged rows, mixed date formats, encoding...). */
  readonly issues: DataIssue[];
}

/** The text of a cell for messages and examples ('' when missing). */
export function cellText(column: Column, row: number): string {
  switch (column.type) {
    case 'text':
      return column.codes[row] < 0 ? '' : column.dictionary[column.codes[row]];
    case 'number': {
      const v = column.values[row];
      if (!Number.isNaN(v)) return String(v);
      const k = binarySearch(column.invalid.rows, row);
      return k >= 0 ? column.invalid.texts[k] : '';
    }
    case 'date': {
      const v = column.values[row];
      if (!Number.isNaN(v)) return new Date(v).toISOString().replace('T00:00:00.000Z', '').replace('.000Z', '').replace('T', ' ');
      const k = binarySearch(column.invalid.rows, row);
      return k >= 0 ? column.invalid.texts[k] : '';
    }
  }
}

/** Index of `x` in an ascending array, or -1. */
export function binarySearch(xs: readonly number[], x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (xs[mid] === x) return mid;
    if (xs[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** The column under a header name of the table; throws for a name that is not in the header. */
export function columnOf(table: Pick<LoadedTable, 'columns' | 'source'>, name: string): Column {
  const col = table.columns.get(name);
  if (!col) throw new Error(`${table.source}: no column ${JSON.stringify(name)}`);
  return col;
}

/** A row's cells as text, keyed by header (for quality-report examples). */
export function rowRecord(table: LoadedTable, row: number): Record<string, string> {
  return nameRecord(table.header.map((name) => [name, cellText(columnOf(table, name), row)]));
}
