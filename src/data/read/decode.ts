/**
 * Bytes to text and gzip decompression, with the same code in Node 20+, browsers and workers.
 * Text encodings are detected: a byte-order mark, else UTF-16 by its zero bytes, else UTF-8 when
 * the bytes are valid UTF-8, else Windows-1252; binary files are refused with what they look like.
 */
import { DataError, formatCount, type DataIssue } from '../errors.ts';

/** The text encodings Tierbook reads. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/** Decoded text and how it was decoded. */
export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /** Whether the file started with a byte-order mark. */
  bom: boolean;
  /** An info issue for UTF-16, a warning for Windows-1252 (a guess). */
  issues: DataIssue[];
}

/** True for gzip data (magic bytes 1f 8b). */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Decompresses gzip bytes with the platform's DecompressionStream. */
export async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  try {
    const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    // The platform's message says nothing about the file ("Failed to fetch" in browsers).
    throw new DataError('the file is gzip-compressed but cannot be decompressed: it is truncated or damaged', { file }, 'Compress it again, or load the uncompressed file.', { cause: e });
  }
}

/** Compresses bytes to gzip (for writing the bundled sample and tests). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Bytes sniffed for UTF-16 and binary content. */
const SNIFF = 8192;

/** UTF-16 without a byte-order mark: most characters of a table are ASCII, so every other byte is 0. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const end = Math.min(bytes.length, SNIFF) & ~1;
  if (end < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = end / 2;
  if (oddZero > 0.3 * pairs && evenZero < 0.02 * pairs) return 'utf-16le';
  if (evenZero > 0.3 * pairs && oddZero < 0.02 * pairs) return 'utf-16be';
  return undefined;
}

/** Offset of the first byte that breaks UTF-8, or -1 when the bytes are valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (len === 0 || i + len > n) return i;
    for (let k = 1; k < len; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    // Overlong, surrogate and out-of-range forms.
    const b1 = bytes[i + 1];
    if ((b === 0xe0 && b1 < 0xa0) || (b === 0xed && b1 > 0x9f) || (b === 0xf0 && b1 < 0x90) || (b === 0xf4 && b1 > 0x8f)) return i;
    i += len;
  }
  return -1;
}

/** 1-based line of a byte offset (line feeds before it + 1). */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Bytes Windows-1252 leaves undefined: a file holding them is not Windows-1252 either. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/** What a binary file looks like, from its first bytes. */
function binaryKind(bytes: Uint8Array): { what: string; hint: string } | undefined {
  const starts = (...magic: number[]) => magic.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04)) return { what: 'a zip archive (an Excel .xlsx workbook is one)', hint: 'Save the sheet as CSV (UTF-8) in your spreadsheet and load that file.' };
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return { what: 'an Excel 97-2003 (.xls) workbook', hint: 'Save the sheet as CSV (UTF-8) in your spreadsheet and load that file.' };
  if (starts(0x25, 0x50, 0x44, 0x46)) return { what: 'a PDF document', hint: 'Export the table from its source as CSV and load that file.' };
  if (starts(0x89, 0x50, 0x4e, 0x47) || starts(0xff, 0xd8, 0xff) || starts(0x47, 0x49, 0x46, 0x38)) return { what: 'an image', hint: 'Choose the data file itself (CSV, TSV, JSON, Arrow or Parquet).' };
  const end = Math.min(bytes.length, SNIFF);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const b = bytes[i];
    if (b === 0) return { what: `binary data (a zero byte at byte ${formatCount(i + 1)})`, hint: 'Choose a CSV, TSV, JSON, Arrow or Parquet file, or export the data as CSV.' };
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) controls++;
  }
  if (controls > Math.max(8, end * 0.01)) return { what: `binary data (${formatCount(controls)} control bytes in its first ${formatCount(end)})`, hint: 'Choose a CSV, TSV, JSON, Arrow or Parquet file, or export the data as CSV.' };
  return undefined;
}

const info = (file: string, severity: DataIssue['severity'], message: string): DataIssue => ({ code: 'encoding', severity, message, file, count: 1, examples: [] });

/**
 * Decodes the bytes of a text file (CSV, TSV, JSON). Throws DataError for a binary file, naming
 * what it looks like. The result says which encoding was used; UTF-16 comes with an info issue,
 * the Windows-1252 fallback with a warning that gives the first byte that is not UTF-8.
 */
export function decodeText(bytes: Uint8Array, file: string): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3), bytes, file, true);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true, issues: [info(file, 'info', `${file}: the file is UTF-16 (little-endian, with a byte-order mark) and was read as such.`)] };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true, issues: [info(file, 'info', `${file}: the file is UTF-16 (big-endian, with a byte-order mark) and was read as such.`)] };
  const utf16 = sniffUtf16(bytes);
  if (utf16) {
    const endian = utf16 === 'utf-16le' ? 'little-endian' : 'big-endian';
    return { text: new TextDecoder(utf16).decode(bytes), encoding: utf16, bom: false, issues: [info(file, 'info', `${file}: the file has no byte-order mark but every other byte is zero, so it was read as UTF-16 (${endian}).`)] };
  }
  const binary = binaryKind(bytes);
  if (binary) throw new DataError(`the file is not text but ${binary.what}`, { file }, binary.hint);
  return utf8(bytes, bytes, file, false);
}

function utf8(body: Uint8Array, bytes: Uint8Array, file: string, bom: boolean): DecodedText {
  try {
    // The platform's validating decoder is fast; the position of a bad byte is found only on failure.
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body), encoding: 'utf-8', bom, issues: [] };
  } catch {
    // Not UTF-8: described below.
  }
  const bad = Math.max(0, firstInvalidUtf8(body));
  const at = bad + (bom ? 3 : 0);
  const where = `byte ${formatCount(at + 1)} (line ${formatCount(lineAt(bytes, at))}) is 0x${body[bad].toString(16).toUpperCase().padStart(2, '0')}`;
  const unsure = body.some((b) => UNDEFINED_1252.has(b));
  const message = unsure
    ? `${file}: the encoding is unclear: the file is not valid UTF-8 (the first bad ${where}) and also holds bytes that Windows-1252 leaves undefined; it was read as Windows-1252, so some characters are probably wrong. Save the file as UTF-8 and load it again.`
    : `${file}: the file is not valid UTF-8 (the first bad ${where}), so it was read as Windows-1252 (Western European, a superset of Latin-1). If accented characters look wrong, save the file as UTF-8 and load it again.`;
  return { text: new TextDecoder('windows-1252').decode(body), encoding: 'windows-1252', bom, issues: [info(file, 'warning', message)] };
}
