/** Writes a customer (feature) table as CSV text, e.g. the command line's features.csv. */
import { csvDocument, csvNumber, csvText } from '../csv-write.ts';
import type { CustomerTable } from './customer-table.ts';

export interface CsvWriteOptions {
  /** Field delimiter; default ','. */
  delimiter?: string;
  /** Digits after the decimal point for numbers; default: shortest exact representation. */
  digits?: number;
}

/**
 * One row per customer: id, categorical columns, then numeric columns (NaN → empty). Text cells
 * that a spreadsheet would run as a formula are neutralised (see csv-write.ts).
 */
export function customerTableToCsv(table: CustomerTable, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const cats = Object.keys(table.categorical);
  const text = (s: string) => csvText(s, delimiter);
  const rows: string[][] = [];
  for (let r = 0; r < table.rowCount; r++) {
    rows.push([text(table.ids[r]), ...cats.map((c) => text(table.categorical[c][r])), ...table.numericColumns.map((c) => csvNumber(table.columns[c][r], options.digits))]);
  }
  return csvDocument([table.idColumn, ...cats, ...table.numericColumns], rows, delimiter);
}
