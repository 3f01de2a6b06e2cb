/**
 * The one way Tierbook writes a CSV cell, so every file it exports is safe to open in a
 * spreadsheet (OWASP, "CSV Injection"): a text cell that starts with `=`, `+`, `-`, `@`, a tab
 * or a carriage return is prefixed with an apostrophe, so the spreadsheet shows it as text
 * instead of running it as a formula; then any cell holding the delimiter, a quote or a line
 * break is quoted, with quotes doubled. Numbers written as numbers are never changed.
 */

/** Characters that make a spreadsheet read a cell as a formula (or hide its start). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell: neutralised if it could run as a formula, then quoted if needed. */
export function csvText(value: string, delimiter = ','): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return safe.includes(delimiter) || safe.includes('"') || safe.includes('\n') || safe.includes('\r')
    ? `"${safe.replaceAll('"', '""')}"`
    : safe;
}

/**
 * A number cell: empty for NaN, ±Infinity and null (a non-finite value is no number a
 * spreadsheet can hold), otherwise the shortest exact representation (or fixed digits).
 */
export function csvNumber(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  return digits === undefined ? String(value) : String(Number(value.toFixed(digits)));
}

/** A plain decimal numeral, e.g. `12.50`, `-3`, `1e5`: a spreadsheet reads it as a number, never as a formula. */
const NUMERAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A cell whose text Tierbook formatted itself (generated data, where a numeral such as `12.50`
 * must keep its digits): a plain numeral is written as is, anything else as a text cell.
 */
export function csvFormatted(value: string, delimiter = ','): string {
  return NUMERAL.test(value) ? value : csvText(value, delimiter);
}

/** One line of cells already written with `csvText` / `csvNumber`. */
export function csvLine(cells: readonly string[], delimiter = ','): string {
  return cells.join(delimiter);
}

/** Whole CSV text from a header of names and rows of written cells; ends with a newline. */
export function csvDocument(header: readonly string[], rows: readonly (readonly string[])[], delimiter = ','): string {
  const lines = [csvLine(header.map((h) => csvText(h, delimiter)), delimiter)];
  for (const row of rows) lines.push(csvLine(row, delimiter));
  return `${lines.join('\n')}\n`;
}
