import { pickIdColumn, toCustomerTable } from './customer-table-loaded.ts';
import type { DataIssue } from '../errors.ts';
import type { DecimalSeparator } from '../read/number-parse.ts';
import { readDelimited } from '../read/read-delimited.ts';

/** A ready customer table: one row per customer, an id column, numeric feature columns. */
export interface CustomerTable {
  /** The file name the table came from. */
  source: string;
  /** The header of the id column. */
  idColumn: string;
  /** Customer ids, one per row, trimmed. */
  ids: string[];
  /** Numeric columns in file order (the id column is never among them). */
  numericColumns: string[];
  /** Numeric values; NaN where a cell was missing or not a number (each such case is in `issues`). */
  columns: Record<string, Float64Array>;
  /** The remaining (text) columns, values as read, trimmed; missing = ''. */
  categorical: Record<string, string[]>;
  /** Rows kept (= ids.length). */
  rowCount: number;
  /** Recoverable problems: non-numeric cells, missing values, missing/duplicate ids, zero variance. */
  issues: DataIssue[];
  /** Data rows in the file (rows kept + rows without an id). */
  inputRows: number;
  /** The delimiter used (given or detected). */
  delimiter: string;
  /** The decimal separator used (given or detected). */
  decimal: DecimalSeparator;
}

/** Options of `readCustomerTable`; everything but `fileName` is detected when left out. */
export interface CustomerTableOptions {
  fileName: string;
  /** Header of the id column; default: detected from synonyms, else the first mostly-unique text column. */
  idColumn?: string;
  /** Field delimiter; default: detected (`,` `;` tab `|`). */
  delimiter?: string;
  /** Decimal separator; default: detected from the values (always '.' with a comma delimiter). */
  decimal?: DecimalSeparator;
}

/** Normalised header names taken as a customer id column, in order of preference. */
export const ID_SYNONYMS = [
  'customerid', 'custid', 'customer', 'custno', 'customerno', 'customernumber', 'customernr', 'customercode',
  'clientid', 'client', 'accountid', 'accountnumber', 'account', 'kundennr', 'kunde', 'id',
];

/**
 * Reads a customer table from delimited text. Throws `DataError` for an empty file, a header
 * without data rows, duplicate header names, or an unknown/undetectable id column; returns
 * every recoverable problem in `issues`.
 */
export function readCustomerTable(text: string, options: CustomerTableOptions): CustomerTable {
  const file = options.fileName;
  const table = readDelimited(text, {
    fileName: file,
    delimiter: options.delimiter,
    decimal: options.decimal,
    // The id column is text even when it looks numeric (e.g. 12346), so leading zeros survive.
    types: (header) => {
      const id = pickIdColumn(header, undefined, options.idColumn, file);
      return new Map(id ? [[id, 'text' as const]] : []);
    },
  });
  return toCustomerTable(table, { idColumn: options.idColumn });
}
