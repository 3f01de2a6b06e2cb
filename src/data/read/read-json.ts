/**
 * JSON files to a typed `LoadedTable`: an array of records (objects), an object holding such an
 * array, or newline-delimited JSON records. Over-deep nesting is refused before parsing.
 */
import type { LoadedTable } from './columns.ts';
import { DataError, formatCount } from '../errors.ts';
import { ownValue } from '../name-record.ts';
import { jsonErrorOffset } from './json-error.ts';
import type { ReadOptions } from './read-delimited.ts';
import { tableFromValueColumns } from './read-values.ts';

/** Deepest nesting accepted: records need 2 levels (the array, the record), a list in a cell 3. */
export const MAX_JSON_DEPTH = 32;

const SHAPE = 'Save it as an array of records, e.g. [{"customer_id": "C1", "qty": 3}, ...].';

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

/** Offset of the first bracket nested deeper than `limit` (strings skipped), or -1. */
export function overDeep(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      // Skip a string, with its escapes.
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return i;
    } else if (c === 93 || c === 125) depth--;
  }
  return -1;
}

/** " at line 3, column 7": where a text that failed to parse first breaks the JSON grammar. */
function parseErrorPlace(text: string): string {
  const at = jsonErrorOffset(text);
  if (at < 0) return '';
  const { line, column } = lineColumn(text, at);
  return ` at line ${formatCount(line)}, column ${formatCount(column)}`;
}

/** Parses a whole document, else newline-delimited records; throws DataError with the place of the first error. */
function parseRecords(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (whole) {
    const lines = text.split(/\r\n|\r|\n/);
    const first = lines.findIndex((l) => l.trim() !== '');
    let ndjson: boolean;
    try {
      ndjson = first >= 0 && typeof JSON.parse(lines[first]) === 'object';
    } catch {
      ndjson = false;
    }
    if (!ndjson) throw new DataError(`the file is not valid JSON${parseErrorPlace(text)}`, { file }, `Check the file there, or export it again. ${SHAPE}`, { cause: whole });
    const out: unknown[] = [];
    lines.forEach((l, k) => {
      if (l.trim() === '') return;
      try {
        out.push(JSON.parse(l));
      } catch (e) {
        throw new DataError(`line ${formatCount(k + 1)} is not a JSON record (newline-delimited JSON)`, { file, line: k + 1, value: l.slice(0, 40) }, 'Each line must hold one record like {"customer_id": "C1", "qty": 3}.', { cause: e });
      }
    });
    return out;
  }
}

/** What a non-record array element is, for messages (no serialisation of arbitrary values). */
function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return `the text ${JSON.stringify(v.slice(0, 30))}`;
  return `the ${typeof v} ${String(v).slice(0, 30)}`;
}

/** JSON: an array of records (objects), or newline-delimited JSON records. */
export function readJson(text: string, options: ReadOptions): LoadedTable {
  const file = options.fileName;
  if (text.trim() === '') throw new DataError('the file is empty', { file }, 'Choose a file with at least one record.');
  const deep = overDeep(text);
  if (deep >= 0) {
    const { line, column } = lineColumn(text, deep);
    throw new DataError(`the JSON nests more than ${MAX_JSON_DEPTH} levels deep (at line ${formatCount(line)}, column ${formatCount(column)})`, { file, line }, `Tierbook reads flat records. ${SHAPE}`);
  }
  let records = parseRecords(text, file);
  if (records !== null && typeof records === 'object' && !Array.isArray(records)) {
    const inner = Object.values(records).find(Array.isArray);
    if (inner) records = inner;
  }
  if (!Array.isArray(records)) throw new DataError('the JSON is not an array of records', { file }, SHAPE);
  if (records.length === 0) throw new DataError('the file has no records', { file }, 'Choose a file with at least one record.');
  const keys = new Map<string, number>();
  records.forEach((r: unknown, i) => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      throw new DataError(`record ${formatCount(i + 1)} is ${kindOf(r)}, not an object`, { file, row: i + 1 }, 'Each element of the array must be an object like {"customer_id": "C1"}.');
    }
    for (const k of Object.keys(r)) if (!keys.has(k)) keys.set(k, keys.size);
  });
  const header = [...keys.keys()];
  const cols = header.map((k) => records.map((r: object) => ownValue(r, k)));
  return tableFromValueColumns('json', header, cols, options);
}
