/** A ready customer table from any loaded file (JSON, Arrow, Parquet, or text read by loadTable). */
import { cellText, type LoadedTable } from './columns.ts';
import type { CustomerTable } from './customer-table.ts';
import { ID_SYNONYMS } from './customer-table.ts';
import { DataError, MAX_EXAMPLES, formatCount, type DataIssue } from './errors.ts';
import { closestMatches, listNames, normalizeHeader } from './header-match.ts';

function pickIdColumn(table: LoadedTable, idColumn: string | undefined): string {
  const file = table.source;
  if (idColumn !== undefined) {
    if (table.header.includes(idColumn)) return idColumn;
    throw new DataError(`there is no column ${JSON.stringify(idColumn)}`, { file, column: idColumn }, `Columns found: ${listNames(table.header)}. Closest: ${listNames(closestMatches(idColumn, table.header))}.`);
  }
  const norm = table.header.map(normalizeHeader);
  for (const syn of ID_SYNONYMS) {
    const i = norm.indexOf(syn);
    if (i >= 0) return table.header[i];
  }
  for (const h of table.header) {
    const col = table.columns[h];
    if (col.type !== 'text') continue;
    const seen = new Set<number>();
    let present = 0;
    for (const c of col.codes) {
      if (c < 0) continue;
      seen.add(c);
      present++;
    }
    if (present && seen.size / present >= 0.95) return h;
  }
  throw new DataError('no customer id column was found', { file }, `Name the id column (e.g. "customer_id") or choose it in the import options. Columns found: ${listNames(table.header)}.`);
}

/** Converts a loaded table to a customer table: id column as text, number columns as features, the rest as categories. */
export function toCustomerTable(table: LoadedTable, options: { idColumn?: string } = {}): CustomerTable {
  const file = table.source;
  const idColumn = pickIdColumn(table, options.idColumn);
  const issues: DataIssue[] = [...table.issues];
  const idCol = table.columns[idColumn];
  const keep: number[] = [];
  const missing: { row: number; value: string }[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    if (cellText(idCol, r).trim() === '') {
      if (missing.length < MAX_EXAMPLES) missing.push({ row: r + 1, value: '' });
      continue;
    }
    keep.push(r);
  }
  const dropped = table.rowCount - keep.length;
  if (dropped) issues.push({ code: 'missing-id', severity: 'warning', message: `${file}, column ${JSON.stringify(idColumn)}: ${formatCount(dropped)} row(s) have no customer id and were left out.`, file, column: idColumn, count: dropped, examples: missing });
  const ids = keep.map((r) => cellText(idCol, r).trim());
  const numericColumns: string[] = [];
  const columns: Record<string, Float64Array> = {};
  const categorical: Record<string, string[]> = {};
  for (const h of table.header) {
    if (h === idColumn) continue;
    const col = table.columns[h];
    if (col.type !== 'number') {
      categorical[h] = keep.map((r) => cellText(col, r));
      continue;
    }
    const values = Float64Array.from(keep, (r) => col.values[r]);
    numericColumns.push(h);
    columns[h] = values;
    if (col.invalid.rows.length) {
      const ex = col.invalid.rows.slice(0, MAX_EXAMPLES).map((r, k) => ({ row: r + 1, value: col.invalid.texts[k] }));
      issues.push({ code: 'non-numeric', severity: 'warning', message: `${file}, column ${JSON.stringify(h)}: ${formatCount(col.invalid.rows.length)} value(s) are not numbers (first at row ${formatCount(ex[0].row)}: ${JSON.stringify(ex[0].value)}) and are treated as missing.`, file, column: h, count: col.invalid.rows.length, examples: ex });
    }
    let lo = Infinity;
    let hi = -Infinity;
    for (const x of values) {
      if (Number.isNaN(x)) continue;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    if (!(hi > lo)) issues.push({ code: 'zero-variance', severity: 'warning', message: `${file}, column ${JSON.stringify(h)}: every value is ${Number.isFinite(lo) ? lo : 'missing'}, so it cannot separate customers; leave it out of the segmentation (it is not scaled or divided by).`, file, column: h, count: keep.length, examples: [] });
  }
  return { source: file, idColumn, ids, numericColumns, columns, categorical, rowCount: ids.length, issues, inputRows: table.rowCount, delimiter: table.delimiter ?? '', decimal: table.decimal ?? '.' };
}
