/**
 * Growable builders of typed columns, fed either with ranges of a source text (the CSV path,
 * no intermediate strings for numbers and dates) or with JavaScript values (JSON, Arrow, Parquet).
 */
import type { Column, ColumnType, InvalidCells } from './columns.ts';
import type { FieldBounds } from './block-scan.ts';
import { parseDateRange, lastDate, type DateLayout, type DateOrder } from './date-parse.ts';
import { isMissingRange, parseNumberRange, type DecimalSeparator } from './number-parse.ts';

function grow(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(Math.max(16, n * 2));
  b.set(a);
  return b;
}

function growInt(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(Math.max(16, n * 2));
  b.set(a);
  return b;
}

/** The text of a non-string value: JSON for lists and objects (depth-limited input, see read-json.ts), else String(). */
function describeValue(v: unknown): string {
  if (typeof v !== 'object' || v === null) return String(v);
  try {
    return JSON.stringify(v, (_k, x: unknown) => (typeof x === 'bigint' ? String(x) : x)) ?? String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

function sameRange(text: string, s1: number, e1: number, s2: number, e2: number): boolean {
  if (e1 - s1 !== e2 - s2) return false;
  // Backwards: consecutive ids and dates differ in their last characters.
  for (let k = e1 - s1 - 1; k >= 0; k--) if (text.charCodeAt(s1 + k) !== text.charCodeAt(s2 + k)) return false;
  return true;
}

export class NumberBuilder {
  values: Float64Array;
  n = 0;
  readonly invalid: InvalidCells = { rows: [], texts: [] };
  /** Cells converted from another kind of value (true/false read as 1/0), for an issue. */
  readonly coerced: InvalidCells = { rows: [], texts: [] };
  constructor(
    readonly decimal: DecimalSeparator,
    capacity = 1024,
  ) {
    this.values = new Float64Array(capacity);
  }
  pushRange(text: string, start: number, end: number): void {
    if (this.n === this.values.length) this.values = grow(this.values, this.n);
    const v = parseNumberRange(text, start, end, this.decimal);
    if (Number.isNaN(v) && !isMissingRange(text, start, end)) {
      this.invalid.rows.push(this.n);
      this.invalid.texts.push(text.slice(start, end));
    }
    this.values[this.n++] = v;
  }
  /** `pushRange` for column `col` of the first `count` records of `b` (a start of -1 is a missing cell). */
  pushRanges(text: string, b: FieldBounds, col: number, width: number, count: number): void {
    const { starts, ends } = b;
    for (let r = 0, p = col; r < count; r++, p += width) {
      const start = starts[p];
      if (start < 0) this.pushMissing();
      else this.pushRange(text, start, ends[p]);
    }
  }
  pushMissing(): void {
    if (this.n === this.values.length) this.values = grow(this.values, this.n);
    this.values[this.n++] = NaN;
  }
  pushValue(v: unknown): void {
    if (typeof v === 'number' || typeof v === 'bigint') {
      const x = Number(v);
      // A non-finite number (JSON's 1e999, a bigint beyond 1.8e308, an Arrow Infinity) is no value to compute with: invalid, like unreadable text.
      if (Number.isFinite(x)) {
        if (this.n === this.values.length) this.values = grow(this.values, this.n);
        this.values[this.n++] = x;
        return;
      }
      this.invalid.rows.push(this.n);
      this.invalid.texts.push(String(v));
      this.pushMissing();
    } else if (typeof v === 'string') this.pushRange(v, 0, v.length);
    else if (v === null || v === undefined) this.pushMissing();
    else if (typeof v === 'boolean') {
      this.coerced.rows.push(this.n);
      this.coerced.texts.push(String(v));
      this.pushValue(v ? 1 : 0);
    } else {
      this.invalid.rows.push(this.n);
      this.invalid.texts.push(v instanceof Date ? v.toISOString() : describeValue(v));
      this.pushMissing();
    }
  }
  finish(name: string): Column {
    return { type: 'number', name, values: this.values.slice(0, this.n), invalid: this.invalid };
  }
}

export class DateBuilder {
  values: Float64Array;
  n = 0;
  readonly invalid: InvalidCells = { rows: [], texts: [] };
  /** Never filled: dates are not converted from other kinds of value (they are invalid). */
  readonly coerced: InvalidCells = { rows: [], texts: [] };
  readonly layouts: Record<DateLayout, number> = { iso: 0, numeric: 0 };
  private prevStart = -1;
  private prevEnd = -1;
  private prevText = '';
  private prevValue = NaN;
  private prevLayout: DateLayout = 'iso';
  constructor(
    readonly order: DateOrder,
    capacity = 1024,
  ) {
    this.values = new Float64Array(capacity);
  }
  pushRange(text: string, start: number, end: number): void {
    if (this.n === this.values.length) this.values = grow(this.values, this.n);
    if (text === this.prevText && sameRange(text, start, end, this.prevStart, this.prevEnd)) {
      this.values[this.n++] = this.prevValue;
      if (!Number.isNaN(this.prevValue)) this.layouts[this.prevLayout]++;
      else if (!isMissingRange(text, start, end)) {
        this.invalid.rows.push(this.n - 1);
        this.invalid.texts.push(text.slice(start, end));
      }
      return;
    }
    const v = parseDateRange(text, start, end, this.order);
    if (Number.isNaN(v)) {
      if (!isMissingRange(text, start, end)) {
        this.invalid.rows.push(this.n);
        this.invalid.texts.push(text.slice(start, end));
      }
    } else {
      this.layouts[lastDate.layout]++;
      this.prevLayout = lastDate.layout;
    }
    this.prevText = text;
    this.prevStart = start;
    this.prevEnd = end;
    this.prevValue = v;
    this.values[this.n++] = v;
  }
  /** `pushRange` for column `col` of the first `count` records of `b` (a start of -1 is a missing cell). */
  pushRanges(text: string, b: FieldBounds, col: number, width: number, count: number): void {
    const { starts, ends } = b;
    for (let r = 0, p = col; r < count; r++, p += width) {
      const start = starts[p];
      if (start < 0) this.pushMissing();
      else this.pushRange(text, start, ends[p]);
    }
  }
  pushMissing(): void {
    if (this.n === this.values.length) this.values = grow(this.values, this.n);
    this.values[this.n++] = NaN;
  }
  pushValue(v: unknown): void {
    if (v instanceof Date) {
      if (this.n === this.values.length) this.values = grow(this.values, this.n);
      const t = v.getTime();
      this.values[this.n++] = t;
      if (!Number.isNaN(t)) this.layouts.iso++;
    } else if (typeof v === 'string') {
      this.pushRange(v, 0, v.length);
    } else if (v === null || v === undefined) this.pushMissing();
    else {
      // Numbers and bigints are not dates here (epoch units are ambiguous): invalid.
      this.invalid.rows.push(this.n);
      this.invalid.texts.push(describeValue(v));
      this.pushMissing();
    }
  }
  finish(name: string): Column {
    return { type: 'date', name, values: this.values.slice(0, this.n), invalid: this.invalid, order: this.order, layouts: this.layouts };
  }
}

export class TextBuilder {
  codes: Int32Array;
  n = 0;
  readonly dictionary: string[] = [];
  /** Cells converted from a list or an object (read as its JSON text), for an issue. */
  readonly coerced: InvalidCells = { rows: [], texts: [] };
  // Open-addressing table of dictionary codes + 1, keyed by a hash of the characters, so that
  // repeated values are found without slicing a new string out of the source text.
  private slots = new Int32Array(1024);
  /** The hash of each dictionary entry (FNV-1a of its UTF-16 code units), for merging dictionaries without hashing again. */
  readonly hashes: number[] = [];
  // Dictionary entries that are missing-value tokens ("NA", "  "): their rows get code -1.
  private missing: boolean[] = [];
  private prevStart = -1;
  private prevEnd = -1;
  private prevText = '';
  private prevCode = -1;
  constructor(capacity = 1024) {
    this.codes = new Int32Array(capacity);
  }
  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let c = 0; c < this.dictionary.length; c++) {
      let k = this.hashes[c] & mask;
      while (slots[k] !== 0) k = (k + 1) & mask;
      slots[k] = c + 1;
    }
    this.slots = slots;
  }
  private codeOf(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h >>>= 0;
    const mask = this.slots.length - 1;
    let k = h & mask;
    const len = end - start;
    for (;;) {
      const slot = this.slots[k];
      if (slot === 0) break;
      const c = slot - 1;
      if (this.hashes[c] === h) {
        const s = this.dictionary[c];
        if (s.length === len) {
          let same = true;
          for (let j = 0; j < len; j++) {
            if (s.charCodeAt(j) !== text.charCodeAt(start + j)) {
              same = false;
              break;
            }
          }
          if (same) return c;
        }
      }
      k = (k + 1) & mask;
    }
    const c = this.dictionary.length;
    const value = text.slice(start, end);
    this.dictionary.push(value);
    this.missing.push(isMissingRange(value, 0, value.length));
    this.hashes.push(h);
    this.slots[k] = c + 1;
    if (this.dictionary.length * 2 > this.slots.length) this.rehash();
    return c;
  }
  pushRange(text: string, start: number, end: number): void {
    if (this.n === this.codes.length) this.codes = growInt(this.codes, this.n);
    // Same string object and range (Parquet/JSON values repeat objects), or same characters.
    if (text === this.prevText && ((start === this.prevStart && end === this.prevEnd) || sameRange(text, start, end, this.prevStart, this.prevEnd))) {
      this.codes[this.n++] = this.prevCode;
      return;
    }
    let c = -1;
    if (end > start) {
      c = this.codeOf(text, start, end);
      if (this.missing[c]) c = -1;
    }
    this.prevText = text;
    this.prevStart = start;
    this.prevEnd = end;
    this.prevCode = c;
    this.codes[this.n++] = c;
  }
  /** `pushRange` for column `col` of the first `count` records of `b` (a start of -1 is a missing cell). */
  pushRanges(text: string, b: FieldBounds, col: number, width: number, count: number): void {
    const { starts, ends } = b;
    for (let r = 0, p = col; r < count; r++, p += width) {
      const start = starts[p];
      if (start < 0) this.pushMissing();
      else this.pushRange(text, start, ends[p]);
    }
  }
  pushMissing(): void {
    if (this.n === this.codes.length) this.codes = growInt(this.codes, this.n);
    this.codes[this.n++] = -1;
  }
  pushValue(v: unknown): void {
    if (v === null || v === undefined || v === '' || (typeof v === 'number' && Number.isNaN(v))) this.pushMissing();
    else if (typeof v === 'string') this.pushRange(v, 0, v.length);
    else {
      const s = v instanceof Date ? v.toISOString() : describeValue(v);
      if (typeof v === 'object' && !(v instanceof Date)) {
        this.coerced.rows.push(this.n);
        this.coerced.texts.push(s);
      }
      this.pushRange(s, 0, s.length);
    }
  }
  finish(name: string): Column {
    return { type: 'text', name, codes: this.codes.slice(0, this.n), dictionary: this.dictionary };
  }
}

export type ColumnBuilder = NumberBuilder | DateBuilder | TextBuilder;

/** A builder for a column of the given type. */
export function createBuilder(type: ColumnType, decimal: DecimalSeparator, order: DateOrder, capacity: number): ColumnBuilder {
  if (type === 'number') return new NumberBuilder(decimal, capacity);
  if (type === 'date') return new DateBuilder(order, capacity);
  return new TextBuilder(capacity);
}
