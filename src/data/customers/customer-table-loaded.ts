/** A ready customer table from any loaded file (CSV, JSON, Arrow, Parquet): one row per customer. */
import { cellText, type LoadedTable } from '../read/columns.ts';
import { ID_SYNONYMS, type CustomerTable } from './customer-table.ts';
import { DataError, MAX_EXAMPLES, decimalHint, formatCount, type DataIssue, type IssueExample } from '../errors.ts';
import { closestMatches, listNames, normalizeHeader } from '../map/header-match.ts';

/** Share of distinct values for a text column to count as "mostly unique" (id fallback). */
const UNIQUE_SHARE = 0.95;

/** The id column: as given, else a header synonym, else the first mostly-unique text column. */
export function pickIdColumn(header: readonly string[], table: LoadedTable | undefined, idColumn: string | undefined, file: string): string | undefined {
  if (idColumn !== undefined) {
    if (header.includes(idColumn)) return idColumn;
    throw new DataError(`there is no column ${JSON.stringify(idColumn)}`, { file, column: idColumn }, `Columns found: ${listNames(header)}. Closest: ${listNames(closestMatches(idColumn, header))}.`);
  }
  const norm = header.map(normalizeHeader);
  for (const syn of ID_SYNONYMS) {
    const i = norm.indexOf(syn);
    if (i >= 0) return header[i];
  }
  if (!table) return undefined;
  for (const h of header) {
    const col = table.columns[h];
    if (col.type !== 'text') continue;
    const seen = new Set<number>();
    let present = 0;
    for (const c of col.codes) {
      if (c < 0) continue;
      seen.add(c);
      present++;
    }
    if (present && seen.size / present >= UNIQUE_SHARE) return h;
  }
  return undefined;
}

const issue = (code: string, severity: DataIssue['severity'], message: string, file: string, column: string, count: number, examples: IssueExample[] = []): DataIssue => ({ code, severity, message, file, column, count, examples });

/**
 * Converts a loaded table (read with the id column as text) to a customer table: number columns
 * become features, the rest categories. Rows without an id are left out; repeated ids, unreadable
 * and missing numbers, and constant columns are reported as issues.
 */
export function toCustomerTable(table: LoadedTable, options: { idColumn?: string } = {}): CustomerTable {
  const file = table.source;
  const idColumn = pickIdColumn(table.header, table, options.idColumn, file);
  if (idColumn === undefined) {
    throw new DataError('no customer id column was found', { file }, `Name the id column (e.g. "customer_id") or choose it in the import options. Columns found: ${listNames(table.header)}.`);
  }
  const decimal = table.decimal ?? '.';
  const issues: DataIssue[] = [...table.issues];
  const idCol = table.columns[idColumn];
  const keep: number[] = [];
  const missing: IssueExample[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    if (cellText(idCol, r).trim() !== '') keep.push(r);
    else if (missing.length < MAX_EXAMPLES) missing.push({ row: r + 1, value: '' });
  }
  const dropped = table.rowCount - keep.length;
  if (dropped) issues.push(issue('missing-id', 'warning', `${file}, column ${JSON.stringify(idColumn)}: ${formatCount(dropped)} row(s) have no customer id and were left out.`, file, idColumn, dropped, missing));
  const ids = keep.map((r) => cellText(idCol, r).trim());
  const seen = new Set<string>();
  const dupExamples: IssueExample[] = [];
  let dups = 0;
  keep.forEach((r, k) => {
    if (!seen.has(ids[k])) return void seen.add(ids[k]);
    dups++;
    if (dupExamples.length < MAX_EXAMPLES) dupExamples.push({ row: r + 1, value: ids[k] });
  });
  if (dups) issues.push(issue('duplicate-id', 'warning', `${file}, column ${JSON.stringify(idColumn)}: ${formatCount(dups)} row(s) repeat a customer id seen earlier; they are kept, but joins by id will be ambiguous.`, file, idColumn, dups, dupExamples));

  // Once for all columns (a Set of every kept row per column cost ~15 ms per 100k-row column).
  const keptRow = new Set(keep);
  const numericColumns: string[] = [];
  const columns: Record<string, Float64Array> = {};
  const categorical: Record<string, string[]> = {};
  for (const h of table.header) {
    if (h === idColumn) continue;
    const col = table.columns[h];
    if (col.type !== 'number') {
      categorical[h] = keep.map((r) => cellText(col, r).trim());
      continue;
    }
    const values = Float64Array.from(keep, (r) => col.values[r]);
    numericColumns.push(h);
    columns[h] = values;
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
    const empty = nan - bad.length;
    if (empty > 0) issues.push(issue('missing-values', 'info', `${file}, column ${JSON.stringify(h)}: ${formatCount(empty)} cell(s) are empty and are treated as missing.`, file, h, empty));
    if (!(hi > lo)) issues.push(issue('zero-variance', 'warning', `${file}, column ${JSON.stringify(h)}: every value is ${Number.isFinite(lo) ? lo : 'missing'}, so it cannot separate customers; leave it out of the segmentation (it is not scaled or divided by).`, file, h, keep.length));
  }
  return { source: file, idColumn, ids, numericColumns, columns, categorical, rowCount: ids.length, issues, inputRows: table.rowCount, delimiter: table.delimiter ?? '', decimal };
}
