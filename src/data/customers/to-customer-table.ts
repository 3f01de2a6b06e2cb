/** A ready customer table from any loaded file (CSV, JSON, Arrow, Parquet): one row per customer. */
import { cellText, columnOf, type LoadedTable, type NumberColumn } from '../read/columns.ts';
import { nameRecord } from '../name-record.ts';
import type { CustomerTable } from './customer-table.ts';
import { pickIdColumn, ROW_IDS } from './id-column.ts';
import { screenUnusableValues } from './unclusterable.ts';
import { DataError, MAX_EXAMPLES, decimalHint, formatCount, type DataIssue, type IssueExample } from '../errors.ts';
import { listNames } from '../map/header-match.ts';

/**
 * Columns of whole numbers from 0 to this, hence at most 11 distinct values, are codes (Channel
 * 1-2, Region 1-3 in UCI Wholesale), not measures: levels numbered 1..k or 0..k-1...
 */
export const MAX_CODE = 10;
/** ...in a table of at least this many rows with a value, where a measure would spread wider. */
export const MIN_ROWS_FOR_CODES = 20;

/** Options of `toCustomerTable`, as users and configs write them. */
export interface CustomerTableSpec {
  /** The id column's header, or `row` to number the rows 1, 2, … as ids; default: detected, else rows are numbered. */
  idColumn?: string;
  /** Whole-number columns with few values to keep as numeric features; default none (they are read as categories). */
  keepNumeric?: readonly string[];
}

/** Complete options. */
export interface CustomerTableSettings {
  idColumn: string | undefined;
  keepNumeric: ReadonlySet<string>;
}

/** The one place that holds the defaults of `CustomerTableSpec`. */
export function normalizeCustomerTableSpec(spec: CustomerTableSpec = {}): CustomerTableSettings {
  return { idColumn: spec.idColumn, keepNumeric: new Set(spec.keepNumeric ?? []) };
}

const issue = (code: string, severity: DataIssue['severity'], message: string, file: string, column: string, count: number, examples: IssueExample[] = []): DataIssue => ({ code, severity, message, file, column, count, examples });

/** Whether a number column holds category codes: whole numbers from 0 to MAX_CODE over many rows. */
export function isCodeColumn(col: NumberColumn, rows: readonly number[]): boolean {
  let present = 0;
  for (const r of rows) {
    const v = col.values[r];
    if (Number.isNaN(v)) continue;
    if (!(Number.isInteger(v) && v >= 0 && v <= MAX_CODE)) return false;
    present++;
  }
  return present >= MIN_ROWS_FOR_CODES;
}

/**
 * Converts a loaded table (read with the id column as text) to a customer table: number columns
 * become features, the rest categories, and so do whole-number code columns (unless kept
 * numeric). Without an id column, or with `idColumn: 'row'`, rows are numbered as ids. Rows
 * without an id are left out; repeated ids, unreadable, missing, infinite and too large numbers,
 * code columns and constant columns are reported as issues.
 */
export function toCustomerTable(table: LoadedTable, spec: CustomerTableSpec = {}): CustomerTable {
  const file = table.source;
  const options = normalizeCustomerTableSpec(spec);
  const unknown = [...options.keepNumeric].filter((h) => !table.header.includes(h));
  if (unknown.length) throw new DataError(`the columns to keep numeric are not in the file: ${listNames(unknown)}`, { file, column: unknown[0] }, `Correct the names in the import options. Columns found: ${listNames(table.header)}.`);
  const idColumn = pickIdColumn(table.header, table, options.idColumn, file) ?? ROW_IDS;
  const decimal = table.decimal ?? '.';
  const issues: DataIssue[] = [...table.issues];
  const keep: number[] = [];
  let ids: string[];
  if (idColumn === ROW_IDS && !table.header.includes(ROW_IDS)) {
    for (let r = 0; r < table.rowCount; r++) keep.push(r);
    ids = keep.map((r) => String(r + 1));
    const why = options.idColumn === ROW_IDS ? 'as asked (id column "row")' : `because no customer id column was found (columns: ${listNames(table.header)})`;
    issues.push(issue('row-ids', 'info', `${file}: the rows are numbered 1 to ${formatCount(table.rowCount)} as customer ids ${why}. To use a column instead, choose it as the id column (command line: --id <column>).`, file, ROW_IDS, table.rowCount));
  } else {
    const idCol = columnOf(table, idColumn);
    const missing: IssueExample[] = [];
    for (let r = 0; r < table.rowCount; r++) {
      if (cellText(idCol, r).trim() !== '') keep.push(r);
      else if (missing.length < MAX_EXAMPLES) missing.push({ row: r + 1, value: '' });
    }
    const dropped = table.rowCount - keep.length;
    if (dropped) issues.push(issue('missing-id', 'warning', `${file}, column ${JSON.stringify(idColumn)}: ${formatCount(dropped)} row(s) have no customer id and were left out.`, file, idColumn, dropped, missing));
    ids = keep.map((r) => cellText(idCol, r).trim());
    const seen = new Set<string>();
    const dupExamples: IssueExample[] = [];
    let dups = 0;
    keep.forEach((r, k) => {
      if (!seen.has(ids[k])) return void seen.add(ids[k]);
      dups++;
      if (dupExamples.length < MAX_EXAMPLES) dupExamples.push({ row: r + 1, value: ids[k] });
    });
    if (dups) issues.push(issue('duplicate-id', 'warning', `${file}, column ${JSON.stringify(idColumn)}: ${formatCount(dups)} row(s) repeat a customer id seen earlier; they are kept, but joins by id will be ambiguous.`, file, idColumn, dups, dupExamples));
  }

  const numericColumns: string[] = [];
  const columns = nameRecord<Float64Array>();
  const categorical = nameRecord<string[]>();
  const codes: string[] = [];
  for (const h of table.header) {
    if (h === idColumn) continue;
    const col = columnOf(table, h);
    if (col.type === 'number' && (options.keepNumeric.has(h) || !isCodeColumn(col, keep))) {
      numericColumns.push(h);
      columns[h] = Float64Array.from(keep, (r) => col.values[r]);
      continue;
    }
    if (col.type === 'number') codes.push(h);
    categorical[h] = keep.map((r) => cellText(col, r).trim());
  }
  if (codes.length) {
    const counts = codes.map((h) => new Set(categorical[h].filter((v) => v !== '')).size);
    issues.push(issue('category-codes', 'info', `${file}: ${listNames(codes)} hold${codes.length === 1 ? 's' : ''} only ${counts.join(' and ')} different whole number${codes.length === 1 && counts[0] === 1 ? '' : 's'} from 0 to ${MAX_CODE}, so ${codes.length === 1 ? 'it is' : 'they are'} read as categories (codes), not numeric features. To cluster on ${codes.length === 1 ? 'it' : 'them'} as numbers, keep ${codes.length === 1 ? 'it' : 'them'} numeric in the import options.`, file, codes[0], codes.length));
  }

  const screened = screenUnusableValues(file, ids, columns, numericColumns);
  const screenedIn = new Map<string, number>();
  for (const c of screened.unclusterable) for (const f of c.features) screenedIn.set(f.column, (screenedIn.get(f.column) ?? 0) + 1);
  const keptRow = new Set(keep);
  for (const h of numericColumns) {
    const col = columnOf(table, h) as NumberColumn;
    const values = columns[h];
    const bad = col.invalid.rows.map((r, k) => ({ row: r + 1, value: col.invalid.texts[k] })).filter((e) => keptRow.has(e.row - 1));
    if (bad.length) {
      const first = bad[0];
      const hint = decimalHint(first.value, decimal) ?? 'Correct these cells in the file or leave them empty; they are treated as missing.';
      issues.push(issue('non-numeric', 'warning', `${file}, column ${JSON.stringify(h)}: ${formatCount(bad.length)} value(s) are not numbers (first at row ${formatCount(first.row)}: ${JSON.stringify(first.value)}) and are treated as missing. ${hint}`, file, h, bad.length, bad.slice(0, MAX_EXAMPLES)));
    }
    let lo = Infinity;
    let hi = -Infinity;
    let nan = 0;
    for (const x of values) {
      if (Number.isNaN(x)) nan++;
      else {
        lo = Math.min(lo, x);
        hi = Math.max(hi, x);
      }
    }
    const empty = nan - bad.length - (screenedIn.get(h) ?? 0);
    if (empty > 0) issues.push(issue('missing-values', 'info', `${file}, column ${JSON.stringify(h)}: ${formatCount(empty)} cell(s) are empty and are treated as missing.`, file, h, empty));
    if (!(hi > lo)) issues.push(issue('zero-variance', 'warning', `${file}, column ${JSON.stringify(h)}: every value is ${Number.isFinite(lo) ? lo : 'missing'}, so it cannot separate customers; leave it out of the segmentation (it is not scaled or divided by).`, file, h, keep.length));
  }
  issues.push(...screened.issues);
  return {
    source: file, idColumn, ids, numericColumns, columns, categorical, rowCount: ids.length, issues, unclusterable: screened.unclusterable,
    inputRows: table.rowCount, delimiter: table.delimiter ?? '', decimal,
  };
}
