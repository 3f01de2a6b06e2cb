/** Per-column type inference from sample cells. */
import type { ColumnType } from './columns.ts';
import { parseDate, type DateOrder } from './date-parse.ts';
import { isMissing, parseNumber, type DecimalSeparator } from './number-parse.ts';

/** Share of non-missing sample cells that must parse for a column to get that type. */
export const INFER_SHARE = 0.8;

/**
 * `number` when at least 80% of the non-missing samples are numbers, else `date` when 80% are
 * dates, else `text` (also for a column with no values).
 */
export function inferTextType(samples: readonly string[], decimal: DecimalSeparator, order: DateOrder): ColumnType {
  let present = 0;
  let numbers = 0;
  let dates = 0;
  for (const s of samples) {
    if (isMissing(s)) continue;
    present++;
    if (!Number.isNaN(parseNumber(s, decimal))) numbers++;
    else if (!Number.isNaN(parseDate(s, order))) dates++;
  }
  if (present === 0) return 'text';
  if (numbers >= INFER_SHARE * present) return 'number';
  if (dates >= INFER_SHARE * present) return 'date';
  return 'text';
}

/** Type inference for JavaScript values (JSON, Arrow, Parquet): strings are inferred as text cells. */
export function inferValueType(samples: readonly unknown[], decimal: DecimalSeparator, order: DateOrder): ColumnType {
  let present = 0;
  let numbers = 0;
  let dates = 0;
  const strings: string[] = [];
  for (const v of samples) {
    if (v === null || v === undefined) continue;
    present++;
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') numbers++;
    else if (v instanceof Date) dates++;
    else if (typeof v === 'string') strings.push(v);
  }
  if (present === 0) return 'text';
  if (strings.length === 0) return numbers >= dates ? 'number' : 'date';
  if (strings.length < present) return numbers >= INFER_SHARE * present ? 'number' : 'text';
  return inferTextType(strings, decimal, order);
}

/** Column types by header name: a record (as configs write it) or a map. */
export type ColumnTypes = Readonly<Record<string, ColumnType>> | ReadonlyMap<string, ColumnType>;

/** Column types as an option: fixed names, or decided once the header is known. */
export type TypeSpec = ColumnTypes | ((header: readonly string[]) => ColumnTypes);

/** Column types as a map; a record contributes its own keys only (a header named `toString` is not typed by Object.prototype). */
export function typeMap(types: ColumnTypes | undefined): Map<string, ColumnType> {
  if (!types) return new Map();
  return new Map(types instanceof Map ? types : Object.entries(types));
}

/** Resolves a `TypeSpec` against a header. */
export function resolveTypes(spec: TypeSpec | undefined, header: readonly string[]): Map<string, ColumnType> {
  return typeMap(typeof spec === 'function' ? spec(header) : spec);
}
