/**
 * Canonical JSON, the form every hash and signature of a config is taken over. It is the JSON
 * Canonicalization Scheme of RFC 8785 for the values a config holds:
 * - object keys sorted by UTF-16 code units (as JavaScript compares strings), no whitespace;
 * - numbers as ECMAScript prints them: the shortest text that reads back as the same double
 *   (`0.1`, `1e+21`, `5e-7`), `-0` written as `0`; NaN and infinities are refused;
 * - strings escaped as `JSON.stringify` does;
 * - object members whose value is `undefined` are left out; only plain objects and arrays are
 *   allowed (a Date, Map or typed array would lose content silently, so it is refused).
 * Two documents with the same content have the same canonical text, whatever their key order
 * or whitespace.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '');
}

function where(path: string): string {
  return path === '' ? 'the document' : path;
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`cannot write ${value} at ${where(path)}: only finite numbers are allowed in a config`);
      return Object.is(value, -0) ? '0' : JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new Error(`cannot write a ${typeof value} at ${where(path)} in a config`);
  }
  if (Array.isArray(value)) return `[${value.map((v, i) => (v === undefined ? 'null' : write(v, `${path}[${i}]`))).join(',')}]`;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'object';
    throw new Error(`cannot write a ${name} at ${where(path)} in a config: use plain objects and arrays`);
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${write(v, path === '' ? k : `${path}.${k}`)}`).join(',')}}`;
}

/** Hex SHA-256 of bytes or UTF-8 text (Web Crypto: the same in browsers, workers and Node). */
export async function sha256(data: Uint8Array | string): Promise<string> {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(digest));
}

/** Lower-case hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Standard base64 of bytes (with padding). */
export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

/** Bytes of standard base64 text; throws on anything that is not base64. */
export function fromBase64(text: string): Uint8Array {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(text) || text.length % 4 !== 0) throw new Error('not base64');
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
