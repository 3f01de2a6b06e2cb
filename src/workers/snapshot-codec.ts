/**
 * A byte form of plain data with typed arrays (what a task returns and a worker posts): JSON for
 * the structure, the typed arrays' bytes after it. Round trips exactly what structured cloning
 * keeps of a task result: plain objects and arrays, strings, booleans, null, undefined, every
 * number (NaN, infinities, -0), typed arrays, Map, Set and Date. Anything else is refused by name.
 *
 * Layout: 4 bytes "TBS1", a uint32 (little-endian) byte length of the JSON, the JSON (UTF-8),
 * zero padding to a multiple of 8, then the typed arrays' bytes, each starting at a multiple of 8.
 */

const MAGIC = 'TBS1';

const TYPED = {
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
} as const;
type TypedName = keyof typeof TYPED;
type Typed = InstanceType<(typeof TYPED)[TypedName]>;

/** Tagged forms in the JSON; an object is tagged by its key `$`. */
type Tagged =
  | { $: 'typed'; t: TypedName; o: number; n: number }
  | { $: 'number'; v: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { $: 'undefined' }
  | { $: 'map'; v: unknown[] }
  | { $: 'set'; v: unknown[] }
  | { $: 'date'; v: number }
  | { $: 'object'; v: Record<string, unknown> };

const pad8 = (n: number) => (n + 7) & ~7;

export function encodeSnapshot(value: unknown): Uint8Array {
  const arrays: Typed[] = [];
  let offset = 0;
  const walk = (v: unknown, path: string): unknown => {
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return v;
    if (v === undefined) return { $: 'undefined' };
    if (typeof v === 'number') {
      if (Number.isNaN(v)) return { $: 'number', v: 'NaN' };
      if (v === Infinity) return { $: 'number', v: 'Infinity' };
      if (v === -Infinity) return { $: 'number', v: '-Infinity' };
      if (Object.is(v, -0)) return { $: 'number', v: '-0' };
      return v;
    }
    if (typeof v !== 'object') throw new Error(`snapshot: cannot keep a ${typeof v} at ${path}`);
    if (ArrayBuffer.isView(v)) {
      const name = v.constructor.name as TypedName;
      if (!(name in TYPED)) throw new Error(`snapshot: cannot keep a ${v.constructor.name} at ${path}`);
      const typed = v as Typed;
      const tag: Tagged = { $: 'typed', t: name, o: offset, n: typed.length };
      arrays.push(typed);
      offset = pad8(offset + typed.byteLength);
      return tag;
    }
    if (v instanceof Map) return { $: 'map', v: [...v].map(([k, x], i) => [walk(k, `${path}<key ${i}>`), walk(x, `${path}<${i}>`)]) };
    if (v instanceof Set) return { $: 'set', v: [...v].map((x, i) => walk(x, `${path}<${i}>`)) };
    if (v instanceof Date) return { $: 'date', v: v.getTime() };
    if (Array.isArray(v)) return v.map((x, i) => walk(x, `${path}[${i}]`));
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) throw new Error(`snapshot: cannot keep a ${(v as object).constructor?.name ?? 'class instance'} at ${path}`);
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = walk(x, `${path}.${k}`);
    return '$' in out ? { $: 'object', v: out } : out;
  };
  const json = new TextEncoder().encode(JSON.stringify(walk(value, 'value')));
  const start = pad8(8 + json.length);
  const bytes = new Uint8Array(start + offset);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  new DataView(bytes.buffer).setUint32(4, json.length, true);
  bytes.set(json, 8);
  let at = start;
  for (const a of arrays) {
    bytes.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), at);
    at = pad8(at + a.byteLength);
  }
  return bytes;
}

export function decodeSnapshot(bytes: Uint8Array): unknown {
  if (bytes.length < 8 || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('snapshot: not a snapshot (no TBS1 header)');
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  const start = bytes.byteOffset + pad8(8 + length);
  const walk = (v: unknown): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (Array.isArray(v)) return v.map(walk);
    const o = v as Record<string, unknown>;
    if (!('$' in o)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(o)) out[k] = walk(x);
      return out;
    }
    const tag = o as Tagged;
    switch (tag.$) {
      case 'typed': {
        const Kind = TYPED[tag.t] as new (buffer: ArrayBuffer) => Typed;
        const from = start + tag.o;
        const size = tag.n * TYPED[tag.t].BYTES_PER_ELEMENT;
        // A copy: each array owns its buffer, as after structured cloning.
        const own = new ArrayBuffer(size);
        new Uint8Array(own).set(new Uint8Array(bytes.buffer, from, size));
        return new Kind(own);
      }
      case 'number':
        return tag.v === '-0' ? -0 : Number(tag.v);
      case 'undefined':
        return undefined;
      case 'map':
        return new Map((tag.v as [unknown, unknown][]).map(([k, x]) => [walk(k), walk(x)]));
      case 'set':
        return new Set(tag.v.map(walk));
      case 'date':
        return new Date(tag.v);
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, x] of Object.entries(tag.v)) out[k] = walk(x);
        return out;
      }
    }
  };
  return walk(JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length))));
}
