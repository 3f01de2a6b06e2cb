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

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v));
}

/**
 * A text sort key that orders like a natural, case- and accent-insensitive collation
 * (`C2` before `C10`, `é` with `e`) but compares with plain `<`, which is several times faster than
 * `Intl.Collator` on 50,000 rows.
 */
export function textSortKey(value: unknown): string {
  return String(value)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\d+/g, (digits) => digits.replace(/^0+(?=\d)/, '').padStart(20, '0'));
}

type Compare = (i: number, j: number) => number;

/** Comparators over precomputed keys; ties always fall back to input order, so sorts are stable. */
function comparator(keys: Float64Array | string[], direction: SortDirection): Compare {
  if (keys instanceof Float64Array) {
    return direction === 'ascending'
      ? (i, j) => keys[i] - keys[j] || i - j
      : (i, j) => keys[j] - keys[i] || i - j;
  }
  const sign = direction === 'ascending' ? 1 : -1;
  return (i, j) => (keys[i] < keys[j] ? -sign : keys[i] > keys[j] ? sign : i - j);
}

/**
 * The row order for a sort, as indices into `rows`; `rows` itself is never reordered.
 * Missing values (null, undefined, NaN) go last in both directions; ties keep input order.
 * Columns of numbers or dates sort numerically, anything else by `textSortKey`.
 */
export function sortOrder(
  rows: readonly Row[],
  key: string | undefined,
  direction: SortDirection,
): Uint32Array {
  const n = rows.length;
  if (!key) return Uint32Array.from({ length: n }, (_, i) => i);
  const { keys, present, missing } = sortKeys(rows, key);
  const order = new Uint32Array(n);
  order.set(present.slice().sort(comparator(keys, direction)));
  order.set(missing, present.length);
  return order;
}

interface SortKeys {
  readonly keys: Float64Array | string[];
  readonly present: Uint32Array;
  readonly missing: Uint32Array;
}

// Keys per rows array and column, so flipping the direction or returning to a column is cheap.
const keyCache = new WeakMap<readonly Row[], Map<string, SortKeys>>();

function sortKeys(rows: readonly Row[], key: string): SortKeys {
  let byColumn = keyCache.get(rows);
  if (!byColumn) keyCache.set(rows, (byColumn = new Map()));
  const cached = byColumn.get(key);
  if (cached) return cached;
  const n = rows.length;
  const present: number[] = [];
  const missing: number[] = [];
  const values: unknown[] = new Array(n);
  let numeric = true;
  for (let i = 0; i < n; i++) {
    const v = cellValue(rows[i], key);
    if (isMissing(v)) {
      missing.push(i);
      continue;
    }
    present.push(i);
    values[i] = v;
    if (typeof v !== 'number' && !(v instanceof Date)) numeric = false;
  }
  let keys: Float64Array | string[];
  if (numeric) {
    keys = new Float64Array(n);
    for (const i of present) keys[i] = Number(values[i]);
  } else {
    keys = new Array<string>(n);
    for (const i of present) keys[i] = textSortKey(values[i]);
  }
  const result = { keys, present: Uint32Array.from(present), missing: Uint32Array.from(missing) };
  byColumn.set(key, result);
  return result;
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
