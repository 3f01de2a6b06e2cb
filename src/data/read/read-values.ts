/** Arrow IPC and Parquet (and JSON records, see read-json.ts) to a typed `LoadedTable` via JavaScript value columns. */
import { fromArrow } from 'arquero';
import { parquetMetadata, parquetRead, parquetSchema } from 'hyparquet';
import { createBuilder } from './column-builder.ts';
import type { Column, ColumnType, FileFormat, InvalidCells, LoadedTable } from './columns.ts';
import { detectDateOrder } from './date-parse.ts';
import { dateIssues } from './date-issues.ts';
import { DataError, MAX_EXAMPLES, formatCount, quoteValue, type DataIssue } from '../errors.ts';
import { checkHeader } from './header-check.ts';
import { inferValueType, resolveTypes } from './infer-types.ts';
import type { ReadOptions } from './read-delimited.ts';

const SAMPLE = 2000;

function sampleOf(values: ArrayLike<unknown>): unknown[] {
  const n = values.length;
  const out: unknown[] = [];
  const step = n <= SAMPLE ? 1 : Math.floor(n / SAMPLE);
  for (let i = 0; i < n && out.length < SAMPLE; i += step) out.push(values[i]);
  return out;
}

/** An issue for values of another kind that a column read by converting them (true → 1, an array → its JSON text). */
function coercionIssue(file: string, column: string, type: ColumnType, cells: InvalidCells): DataIssue {
  const count = cells.rows.length;
  const first = `first at row ${formatCount(cells.rows[0] + 1)}: ${quoteValue(cells.texts[0])}`;
  const what = type === 'number' ? 'are true/false, not numbers, and were read as 1/0' : 'are lists or objects, not single values, and were read as their JSON text';
  return {
    code: 'coerced-values',
    severity: 'warning',
    message: `${file}, column ${JSON.stringify(column)}: ${formatCount(count)} value(s) ${what} (${first}). Check these records; if they are wrong, correct the file.`,
    file,
    column,
    count,
    examples: cells.rows.slice(0, MAX_EXAMPLES).map((r, k) => ({ row: r + 1, value: cells.texts[k] })),
  };
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
  const issues: DataIssue[] = [];
  const orders = header.map((name, c) => {
    const sample = sampleOf(values[c]);
    const order = options.dateOrder ? { order: options.dateOrder, evidence: true } : detectDateOrder(sample.filter((v): v is string => typeof v === 'string'));
    const type = given.get(name) ?? inferValueType(sample, decimal, order.order);
    const b = createBuilder(type, decimal, order.order, rowCount);
    const col = values[c];
    for (let i = 0; i < rowCount; i++) b.pushValue(col[i]);
    columns.set(name, b.finish(name));
    if (b.coerced.rows.length) issues.push(coercionIssue(file, name, type, b.coerced));
    options.onProgress?.((c + 1) / header.length);
    return order;
  });
  return { source: file, format, header, rowCount, columns, decimal, issues: [...issues, ...dateIssues(file, columns, orders, header)] };
}

/** Arrow IPC (file or stream format), read through Arquero/flechette. */
export function readArrow(bytes: Uint8Array, options: ReadOptions): LoadedTable {
  let table;
  try {
    table = fromArrow(bytes);
  } catch (e) {
    // The library's own message ("Cannot destructure property ...") says nothing about the file.
    throw new DataError('the file starts like Arrow IPC (Feather) but its contents cannot be read: it is truncated, damaged or not Arrow', { file: options.fileName }, 'Export it again as an Arrow IPC (Feather v2) file, or as CSV.', { cause: e });
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
    throw new DataError('the file is not readable Parquet: it is truncated, damaged or not Parquet', { file }, 'Export it again as Parquet, or as CSV.', { cause: e });
  }
}
