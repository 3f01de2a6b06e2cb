/** A customer table from delimited text, in one call. */
import type { CustomerTable } from './customer-table.ts';
import { pickIdColumn } from './id-column.ts';
import { toCustomerTable } from './to-customer-table.ts';
import type { DecimalSeparator } from '../read/number-parse.ts';
import { readDelimited } from '../read/read-delimited.ts';

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
