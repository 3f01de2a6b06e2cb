/** Writes a customer (feature) table as CSV text, e.g. the command line's features.csv. */
import type { CustomerTable } from './customer-table.ts';

export interface CsvWriteOptions {
  /** Field delimiter; default ','. */
  delimiter?: string;
  /** Digits after the decimal point for numbers; default: shortest exact representation. */
  digits?: number;
  /**
   * Prefix cells that a spreadsheet would run as a formula (=, +, -, @ followed by a non-digit)
   * with an apostrophe; default true. Numbers are never changed.
   */
  guardFormulas?: boolean;
}

function quote(s: string, delimiter: string): string {
  return s.includes(delimiter) || s.includes('"') || s.includes('\n') || s.includes('\r') ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One row per customer: id, categorical columns, then numeric columns (NaN → empty). */
export function customerTableToCsv(table: CustomerTable, options: CsvWriteOptions = {}): string {
  const delimiter = options.delimiter ?? ',';
  const guard = options.guardFormulas ?? true;
  const cats = Object.keys(table.categorical);
  const text = (s: string) => quote(guard && /^[=+\-@][^0-9.]/.test(s) ? `'${s}` : s, delimiter);
  const num = (v: number) => (Number.isNaN(v) ? '' : options.digits === undefined ? String(v) : String(Number(v.toFixed(options.digits))));
  const lines = [[table.idColumn, ...cats, ...table.numericColumns].map(text).join(delimiter)];
  for (let r = 0; r < table.rowCount; r++) {
    const cells = [text(table.ids[r]), ...cats.map((c) => text(table.categorical[c][r])), ...table.numericColumns.map((c) => num(table.columns[c][r]))];
    lines.push(cells.join(delimiter));
  }
  return `${lines.join('\n')}\n`;
}
