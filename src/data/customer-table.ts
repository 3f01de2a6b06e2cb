import { checkHeader } from './header-check.ts';
import { closestMatches, listNames, normalizeHeader } from './header-match.ts';
import { DataError, MAX_EXAMPLES, decimalHint, formatCount, type DataIssue, type IssueExample } from './errors.ts';
import { detectDelimiter, readRecords, stripBom } from './delimited.ts';
import { detectDecimal, isMissing, parseNumber, type DecimalSeparator } from './number-parse.ts';

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

/** Share of non-missing cells that must parse as numbers for a column to count as numeric. */
const NUMERIC_SHARE = 0.8;
/** Share of distinct values for a column to count as "mostly unique". */
const UNIQUE_SHARE = 0.95;

function detectIdColumn(header: readonly string[], cells: readonly string[][], decimal: DecimalSeparator): string | undefined {
  const norm = header.map(normalizeHeader);
  for (const syn of ID_SYNONYMS) {
    const i = norm.indexOf(syn);
    if (i >= 0) return header[i];
  }
  for (let c = 0; c < header.length; c++) {
    const values = cells[c].filter((v) => !isMissing(v));
    if (values.length === 0) continue;
    const numeric = values.filter((v) => !Number.isNaN(parseNumber(v, decimal))).length;
    if (numeric / values.length >= 0.5) continue;
    if (new Set(values).size / values.length >= UNIQUE_SHARE) return header[c];
  }
  return undefined;
}

function issue(
  code: string,
  severity: DataIssue['severity'],
  message: string,
  file: string,
  column: string | undefined,
  count: number,
  examples: IssueExample[] = [],
): DataIssue {
  return { code, severity, message, file, column, count, examples };
}

/**
 * Reads a customer table from delimited text. Throws `DataError` for an empty file, a header
 * without data rows, duplicate header names, or an unknown/undetectable id column; returns
 * every recoverable problem in `issues`.
 */
export function readCustomerTable(text: string, options: CustomerTableOptions): CustomerTable {
  const file = options.fileName;
  const body = stripBom(text);
  if (body.trim() === '') throw new DataError('the file is empty', { file }, 'Choose a file with a header row and at least one customer row.');
  const delimiter = options.delimiter ?? detectDelimiter(body);
  const { records } = readRecords(body, delimiter);
  const header = checkHeader(records[0], file);
  const rows = records.slice(1);
  if (rows.length === 0) {
    throw new DataError('the file has a header but no data rows', { file }, 'Export the table again with its rows, or choose another file.');
  }
  const width = header.length;
  const cells: string[][] = header.map((_, c) => rows.map((r) => (r[c] ?? '').trim()));
  const decimal = options.decimal ?? detectDecimal(cells.flatMap((col) => col.slice(0, 200)), delimiter);

  let idColumn = options.idColumn;
  if (idColumn !== undefined && !header.includes(idColumn)) {
    throw new DataError(
      `there is no column ${JSON.stringify(idColumn)}`,
      { file, column: idColumn },
      `Columns found: ${listNames(header)}. Closest: ${listNames(closestMatches(idColumn, header))}.`,
    );
  }
  idColumn ??= detectIdColumn(header, cells, decimal);
  if (idColumn === undefined) {
    throw new DataError(
      'no customer id column was found',
      { file },
      `Name the id column (e.g. "customer_id") or choose it in the import options. Columns found: ${listNames(header)}.`,
    );
  }
  const idIndex = header.indexOf(idColumn);
  const issues: DataIssue[] = [];

  // Rows without an id are excluded; everything else is kept.
  const keep: number[] = [];
  const missingIdRows: IssueExample[] = [];
  let missingIds = 0;
  cells[idIndex].forEach((v, r) => {
    if (isMissing(v)) {
      missingIds++;
      if (missingIdRows.length < MAX_EXAMPLES) missingIdRows.push({ row: r + 1, value: v });
    } else keep.push(r);
  });
  if (missingIds) {
    issues.push(issue('missing-id', 'warning', `${file}, column ${JSON.stringify(idColumn)}: ${formatCount(missingIds)} row(s) have no customer id and were left out.`, file, idColumn, missingIds, missingIdRows));
  }
  const ids = keep.map((r) => cells[idIndex][r]);
  const firstRow = new Map<string, number>();
  const dupExamples: IssueExample[] = [];
  let dups = 0;
  keep.forEach((r, k) => {
    const id = ids[k];
    if (firstRow.has(id)) {
      dups++;
      if (dupExamples.length < MAX_EXAMPLES) dupExamples.push({ row: r + 1, value: id });
    } else firstRow.set(id, r + 1);
  });
  if (dups) {
    issues.push(issue('duplicate-id', 'warning', `${file}, column ${JSON.stringify(idColumn)}: ${formatCount(dups)} row(s) repeat a customer id seen earlier; they are kept, but joins by id will be ambiguous.`, file, idColumn, dups, dupExamples));
  }

  const numericColumns: string[] = [];
  const columns: Record<string, Float64Array> = {};
  const categorical: Record<string, string[]> = {};
  for (let c = 0; c < width; c++) {
    if (c === idIndex) continue;
    const name = header[c];
    const col = cells[c];
    let present = 0;
    let parsed = 0;
    for (const r of keep) {
      if (isMissing(col[r])) continue;
      present++;
      if (!Number.isNaN(parseNumber(col[r], decimal))) parsed++;
    }
    if (present === 0 || parsed / present < NUMERIC_SHARE) {
      categorical[name] = keep.map((r) => col[r]);
      continue;
    }
    const values = new Float64Array(keep.length);
    const bad: IssueExample[] = [];
    let badCount = 0;
    let missing = 0;
    keep.forEach((r, k) => {
      const v = col[r];
      if (isMissing(v)) {
        missing++;
        values[k] = NaN;
        return;
      }
      const x = parseNumber(v, decimal);
      values[k] = x;
      if (Number.isNaN(x)) {
        badCount++;
        if (bad.length < MAX_EXAMPLES) bad.push({ row: r + 1, value: v });
      }
    });
    numericColumns.push(name);
    columns[name] = values;
    if (badCount) {
      const first = bad[0];
      const hint = decimalHint(first.value, decimal) ?? 'Correct these cells in the file or leave them empty; they are treated as missing.';
      issues.push(issue('non-numeric', 'warning', `${file}, column ${JSON.stringify(name)}: ${formatCount(badCount)} value(s) are not numbers (first at row ${formatCount(first.row)}: ${JSON.stringify(first.value)}) and are treated as missing. ${hint}`, file, name, badCount, bad));
    }
    if (missing) {
      issues.push(issue('missing-values', 'info', `${file}, column ${JSON.stringify(name)}: ${formatCount(missing)} cell(s) are empty and are treated as missing.`, file, name, missing));
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of values) {
      if (Number.isNaN(x)) continue;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    if (!(hi > lo)) {
      const shown = Number.isFinite(lo) ? String(lo) : 'no value';
      issues.push(issue('zero-variance', 'warning', `${file}, column ${JSON.stringify(name)}: every value is ${shown}, so it cannot separate customers; leave it out of the segmentation (it is not scaled or divided by).`, file, name, keep.length));
    }
  }
  return { source: file, idColumn, ids, numericColumns, columns, categorical, rowCount: ids.length, issues, inputRows: rows.length, delimiter, decimal };
}
