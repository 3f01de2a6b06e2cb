/** JSON records, Arrow IPC and Parquet to a typed `LoadedTable` (via JavaScript value columns). */
import { fromArrow } from 'arquero';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { createBuilder } from './column-builder.ts';
import type { Column, FileFormat, LoadedTable } from './columns.ts';
import { detectDateOrder } from './date-parse.ts';
import { dateIssues } from './date-issues.ts';
import { DataError } from '../errors.ts';
import { checkHeader } from './header-check.ts';
import { inferValueType, resolveTypes } from './infer-types.ts';
import type { ReadOptions } from './read-delimited.ts';
import { ownValue } from '../name-record.ts';

const SAMPLE = 2000;

function sampleOf(values: ArrayLike<unknown>): unknown[] {
  const n = values.length;
  const out: unknown[] = [];
  const step = n <= SAMPLE ? 1 : Math.floor(n / SAMPLE);
  for (let i = 0; i < n && out.length < SAMPLE; i += step) out.push(values[i]);
  return out;
}

/** Builds a typed table from one array of JavaScript values per column. */
export function tableFromValueColumns(format: FileFormat, rawHeader: readonly string[], values: readonly ArrayLike<unknown>[], options: ReadOptions): LoadedTable {
  const file = options.fileName;
  const header = checkHeader(rawHeader, file);
  const rowCount = values.length ? values[0].length : 0;
  if (header.length === 0) throw new DataError('the file has no columns', { file }, 'Choose a file with named columns.');
  if (rowCount === 0) throw new DataError('the file has a header but no data rows', { file }, 'Export the data again with its rows, or choose another file.');
  const decimal = options.decimal ?? '.';
  const given = resolveTypes(options.types, header);
  const columns = new Map<string, Column>();
  const orders = header.map((name, c) => {
    const sample = sampleOf(values[c]);
    const order = options.dateOrder ? { order: options.dateOrder, evidence: true } : detectDateOrder(sample.filter((v): v is string => typeof v === 'string'));
    const type = given.get(name) ?? inferValueType(sample, decimal, order.order);
    const b = createBuilder(type, decimal, order.order, rowCount);
    const col = values[c];
    for (let i = 0; i < rowCount; i++) b.pushValue(col[i]);
    columns.set(name, b.finish(name));
    options.onProgress?.((c + 1) / header.length);
    return order;
  });
  return { source: file, format, header, rowCount, columns, decimal, issues: dateIssues(file, columns, orders, header) };
}

/** JSON: an array of records (objects), or newline-delimited JSON records. */
export function readJson(text: string, options: ReadOptions): LoadedTable {
  const file = options.fileName;
  if (text.trim() === '') throw new DataError('the file is empty', { file }, 'Choose a file with at least one record.');
  let records: unknown;
  try {
    records = JSON.parse(text);
  } catch (e) {
    const lines = text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
    try {
      records = lines.map((l) => JSON.parse(l) as unknown);
    } catch {
      throw new DataError(`the file is not valid JSON (${e instanceof Error ? e.message : String(e)})`, { file }, 'Save it as an array of records, e.g. [{"customer_id": "C1", "qty": 3}, ...].');
    }
  }
  if (records !== null && typeof records === 'object' && !Array.isArray(records)) {
    const inner = Object.values(records).find(Array.isArray);
    if (inner) records = inner;
  }
  if (!Array.isArray(records)) throw new DataError('the JSON is not an array of records', { file }, 'Save it as an array of records, e.g. [{"customer_id": "C1", "qty": 3}, ...].');
  if (records.length === 0) throw new DataError('the file has no records', { file }, 'Choose a file with at least one record.');
  const keys = new Map<string, number>();
  records.forEach((r: unknown, i) => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) {
      throw new DataError('this record is not an object', { file, row: i + 1, value: JSON.stringify(r)?.slice(0, 40) }, 'Each element of the array must be an object like {"customer_id": "C1"}.');
    }
    for (const k of Object.keys(r)) if (!keys.has(k)) keys.set(k, keys.size);
  });
  const header = [...keys.keys()];
  const cols = header.map((k) => records.map((r: object) => ownValue(r, k)));
  return tableFromValueColumns('json', header, cols, options);
}

/** Arrow IPC (file or stream format), read through Arquero/flechette. */
export function readArrow(bytes: Uint8Array, options: ReadOptions): LoadedTable {
  let table;
  try {
    table = fromArrow(bytes);
  } catch (e) {
    throw new DataError(`the file is not readable Arrow IPC (${e instanceof Error ? e.message : String(e)})`, { file: options.fileName }, 'Export it again as an Arrow IPC (Feather v2) file, or as CSV.');
  }
  const header = table.columnNames();
  return tableFromValueColumns('arrow', header, header.map((n) => table.array(n) as ArrayLike<unknown>), options);
}

/** Parquet, read column by column with hyparquet. */
export async function readParquet(bytes: Uint8Array, options: ReadOptions): Promise<LoadedTable> {
  const file = options.fileName;
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  try {
    const metadata = parquetMetadata(buffer);
    const header = parquetSchema(metadata).children.map((c) => c.element.name);
    const rowCount = Number(metadata.num_rows);
    const chunks = new Map<string, { rowStart: number; data: ArrayLike<unknown> }[]>();
    await parquetRead({
      file: buffer,
      metadata,
      onChunk: (chunk) => {
        const list = chunks.get(chunk.columnName) ?? [];
        list.push({ rowStart: chunk.rowStart, data: chunk.columnData as ArrayLike<unknown> });
        chunks.set(chunk.columnName, list);
      },
    });
    const cols = header.map((name) => {
      const list = (chunks.get(name) ?? []).sort((a, b) => a.rowStart - b.rowStart);
      if (list.length === 1 && list[0].data.length === rowCount) return list[0].data;
      const out = new Array<unknown>(rowCount);
      for (const { rowStart, data } of list) for (let i = 0; i < data.length && rowStart + i < rowCount; i++) out[rowStart + i] = data[i];
      return out;
    });
    return tableFromValueColumns('parquet', header, cols, options);
  } catch (e) {
    if (e instanceof DataError) throw e;
    throw new DataError(`the file is not readable Parquet (${e instanceof Error ? e.message : String(e)})`, { file }, 'Export it again as Parquet, or as CSV.');
  }
}
