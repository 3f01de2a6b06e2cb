import type { SortDirection } from './fire.ts';

/** A column of `tb-table`. */
export interface TableColumn<R = Row> {
  /** Property of each row object shown in this column. */
  readonly key: string;
  /** Header text (default: the key). */
  readonly label?: string;
  /** Turns a cell value into display text (default: numbers to 3 decimals with grouping). */
  format?(value: unknown, row: R): string; // method syntax: a TableColumn<Customer> is a TableColumn
  /** Default: right for numeric columns, left otherwise. */
  readonly align?: 'left' | 'right' | 'center';
}

/** Any row object; interfaces without an index signature are accepted too. */
export type Row = object;

/** The value of `key` in `row`. */
export function cellValue(row: Row, key: string): unknown {
  return (row as Record<string, unknown>)[key];
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

function compareValues(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  if (a instanceof Date && b instanceof Date) return a.getTime() - b.getTime();
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  return collator.compare(String(a), String(b));
}

/**
 * The row order for a sort, as indices into `rows`; `rows` itself is never reordered.
 * Missing values (null, undefined, NaN) go last in both directions; ties keep input order.
 */
export function sortOrder(
  rows: readonly Row[],
  key: string | undefined,
  direction: SortDirection,
): Uint32Array {
  const order = new Uint32Array(rows.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  if (!key) return order;
  const sign = direction === 'ascending' ? 1 : -1;
  const values = rows.map((r) => cellValue(r, key));
  return order.sort((i, j) => {
    const a = values[i];
    const b = values[j];
    const ma = isMissing(a);
    const mb = isMissing(b);
    if (ma || mb) return ma === mb ? i - j : ma ? 1 : -1;
    return sign * compareValues(a, b) || i - j;
  });
}

/** Whether a column holds numbers, judged on its first 100 present values. */
export function isNumericColumn(rows: readonly Row[], key: string): boolean {
  let seen = 0;
  for (const row of rows) {
    const value = cellValue(row, key);
    if (isMissing(value)) continue;
    if (typeof value !== 'number' && typeof value !== 'bigint') return false;
    if (++seen >= 100) break;
  }
  return seen > 0;
}

/** Columns for rows when none were given: the keys of the first row. */
export function inferColumns(rows: readonly Row[]): TableColumn[] {
  return rows.length === 0 ? [] : Object.keys(rows[0]).map((key) => ({ key }));
}

/** Clamps a page number to the pages that exist (there is always at least page 0). */
export function clampPage(page: number, rowCount: number, pageSize: number): number {
  const last = Math.max(0, Math.ceil(rowCount / pageSize) - 1);
  return Math.min(last, Math.max(0, Math.floor(page)));
}
