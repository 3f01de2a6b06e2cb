/** One entry point for every file source (picker, drag-and-drop, fetch, CLI): bytes + name in, typed table out. */
import type { FileFormat, LoadedTable } from './columns.ts';
import { decodeText, gunzip, isGzip } from './decode.ts';
import { DataError } from '../errors.ts';
import { readDelimited, type ReadOptions } from './read-delimited.ts';
import { readArrow, readParquet } from './read-values.ts';
import { readJson } from './read-json.ts';
import { PARALLEL_MIN_CHARS, readDelimitedParallel, type ParallelRead } from './read-parallel.ts';

const ARROW_MAGIC = [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31]; // "ARROW1"
const PARQUET_MAGIC = [0x50, 0x41, 0x52, 0x31]; // "PAR1"

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Guesses the format from the content first, then the file extension. */
export function detectFormat(bytes: Uint8Array, fileName: string): FileFormat {
  if (startsWith(bytes, PARQUET_MAGIC)) return 'parquet';
  if (startsWith(bytes, ARROW_MAGIC) || (bytes[0] === 0xff && bytes[1] === 0xff && bytes[2] === 0xff && bytes[3] === 0xff)) return 'arrow';
  const ext = fileName.toLowerCase().replace(/\.gz$/, '').split('.').pop() ?? '';
  if (ext === 'parquet') return 'parquet';
  if (ext === 'arrow' || ext === 'feather' || ext === 'ipc' || ext === 'arrows') return 'arrow';
  if (ext === 'json' || ext === 'jsonl' || ext === 'ndjson') return 'json';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x0a || bytes[i] === 0x0d || bytes[i] === 0x09)) i++;
  if (bytes[i] === 0x5b || bytes[i] === 0x7b) return 'json';
  return 'csv';
}

/** Options of `loadTable`: the reader options plus an optional forced format. */
export interface LoadOptions extends ReadOptions {
  /** Skip detection and read as this format. */
  format?: FileFormat;
  /** Where large delimited files may be read in parts (worker threads); default: this thread only. */
  parallel?: ParallelRead;
}

/**
 * Reads any supported file: CSV/TSV/semicolon text (UTF-8 with or without BOM, UTF-16 with or
 * without BOM, else Windows-1252; see decode.ts), JSON records, Arrow IPC or Parquet, optionally
 * gzip-compressed. Throws `DataError` naming the file and the reason when it cannot be read
 * (binary files that are none of these included).
 */
export async function loadTable(bytes: Uint8Array, options: LoadOptions): Promise<LoadedTable> {
  const file = options.fileName;
  if (bytes.length === 0) throw new DataError('the file is empty', { file }, 'Choose a file with a header row and at least one data row.');
  if (isGzip(bytes)) return loadTable(await gunzip(bytes, file), { ...options, fileName: file });
  const format = options.format ?? detectFormat(bytes, file);
  if (format === 'parquet') return readParquet(bytes, options);
  if (format === 'arrow') return readArrow(bytes, options);
  if (format === 'csv' && options.parallel && bytes.length >= (options.parallel.minChars ?? PARALLEL_MIN_CHARS)) options.parallel.warm?.();
  const decoded = decodeText(bytes, file);
  const { text, issues, encoding } = decoded;
  const table = format === 'json' ? readJson(text, options) : options.parallel ? await readDelimitedParallel(decoded, bytes, options, options.parallel) : readDelimited(text, options);
  return { ...table, encoding, issues: [...issues, ...table.issues] };
}

/**
 * Reads only the start of a file (about `maxBytes`, cut at a line end) — enough to see the
 * header, detect the input kind and suggest a mapping before reading everything. Binary and
 * JSON formats are read whole. Pass decompressed bytes (see `decompressIfGzip`).
 */
export async function peekTable(bytes: Uint8Array, options: LoadOptions, maxBytes = 1 << 20): Promise<LoadedTable> {
  const format = options.format ?? detectFormat(bytes, options.fileName);
  if (format !== 'csv' || bytes.length <= maxBytes) return loadTable(bytes, options);
  let cut = maxBytes;
  while (cut > 0 && bytes[cut - 1] !== 0x0a && bytes[cut - 1] !== 0x0d) cut--;
  return loadTable(bytes.subarray(0, cut || maxBytes), { ...options, onProgress: undefined, parallel: undefined });
}

/** Gunzips gzip bytes, returns anything else unchanged. */
export async function decompressIfGzip(bytes: Uint8Array, fileName: string): Promise<Uint8Array> {
  return isGzip(bytes) ? gunzip(bytes, fileName) : bytes;
}
