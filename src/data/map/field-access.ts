/** Reads a column as the kind a canonical field needs, whatever type it was loaded as. */
import type { Column } from '../read/columns.ts';
import { parseDate, type DateOrder } from '../read/date-parse.ts';
import { isMissing, parseNumber, type DecimalSeparator } from '../read/number-parse.ts';

/** Values plus a per-row mark of cells that held something unreadable (1) — as opposed to empty. */
export interface FieldValues {
  values: Float64Array;
  invalid: Uint8Array;
}

function fromDictionary(codes: Int32Array, dictionary: readonly string[], parse: (s: string) => number): FieldValues {
  const parsed = dictionary.map(parse);
  const bad = dictionary.map((s, k) => Number.isNaN(parsed[k]) && !isMissing(s));
  const values = new Float64Array(codes.length);
  const invalid = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) values[i] = NaN;
    else {
      values[i] = parsed[c];
      if (bad[c]) invalid[i] = 1;
    }
  }
  return { values, invalid };
}

function marks(n: number, rows: readonly number[]): Uint8Array {
  const m = new Uint8Array(n);
  for (const r of rows) m[r] = 1;
  return m;
}

/** A column as numbers (text columns are parsed per distinct value). */
export function numberField(col: Column, decimal: DecimalSeparator): FieldValues {
  if (col.type === 'number') return { values: col.values, invalid: marks(col.values.length, col.invalid.rows) };
  if (col.type === 'text') return fromDictionary(col.codes, col.dictionary, (s) => parseNumber(s, decimal));
  return { values: new Float64Array(col.values.length).fill(NaN), invalid: Uint8Array.from(col.values, (v) => (Number.isNaN(v) ? 0 : 1)) };
}

/** A column as epoch-ms dates (text columns are parsed per distinct value). */
export function dateField(col: Column, order: DateOrder): FieldValues {
  if (col.type === 'date') return { values: col.values, invalid: marks(col.values.length, col.invalid.rows) };
  if (col.type === 'text') return fromDictionary(col.codes, col.dictionary, (s) => parseDate(s, order));
  return { values: new Float64Array(col.values.length).fill(NaN), invalid: Uint8Array.from(col.values, (v) => (Number.isNaN(v) ? 0 : 1)) };
}

/** A column as category codes (-1 = missing) with its dictionary; numbers and dates become their text. */
export function textField(col: Column): { codes: Int32Array; dictionary: string[] } {
  if (col.type === 'text') return { codes: col.codes, dictionary: col.dictionary };
  const index = new Map<number, number>();
  const dictionary: string[] = [];
  const codes = new Int32Array(col.values.length);
  for (let i = 0; i < codes.length; i++) {
    const v = col.values[i];
    if (Number.isNaN(v)) {
      codes[i] = -1;
      continue;
    }
    let c = index.get(v);
    if (c === undefined) {
      c = dictionary.length;
      index.set(v, c);
      dictionary.push(col.type === 'date' ? new Date(v).toISOString().slice(0, 10) : String(v));
    }
    codes[i] = c;
  }
  return { codes, dictionary };
}
