/** Bytes to text and gzip decompression, with the same code in Node 20+, browsers and workers. */
import { DataError, type DataIssue } from '../errors.ts';

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
    throw new DataError(`the file could not be decompressed (${e instanceof Error ? e.message : String(e)})`, { file }, 'The .gz file may be truncated or not gzip; try the uncompressed file.');
  }
}

/** Compresses bytes to gzip (for writing the bundled sample and tests). */
export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Decodes text: UTF-8 (BOM removed), UTF-16 with a BOM, else — when the bytes are not valid
 * UTF-8 — Windows-1252, reported as an issue so the user can check accented characters.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; issues: DataIssue[] } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), issues: [] };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), issues: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes), issues: [] };
  } catch {
    const text = new TextDecoder('windows-1252').decode(bytes);
    return {
      text,
      issues: [
        {
          code: 'encoding',
          severity: 'warning',
          message: `${file}: the file is not valid UTF-8 and was read as Windows-1252 (Western European). If accented characters look wrong, save the file as UTF-8 and load it again.`,
          file,
          count: 1,
          examples: [],
        },
      ],
    };
  }
}
