import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { canonicalJson, fromBase64, sha256, toBase64 } from '../../src/config/hash.ts';

describe('canonical JSON', () => {
  it('sorts keys, drops whitespace and undefined members, prints numbers the shortest round-trip way', () => {
    expect(canonicalJson({ b: 1, a: [3, { y: null, x: 'é"' }], c: undefined })).toBe('{"a":[3,{"x":"é\\"","y":null}],"b":1}');
    expect(canonicalJson([0.1, 1e21, 5e-7, 100, -0, 1.5e300])).toBe('[0.1,1e+21,5e-7,100,0,1.5e+300]');
    // keys compare by UTF-16 code units, as in RFC 8785: upper case before lower case, "10" before "9"
    expect(canonicalJson({ b: 0, B: 0, 9: 0, 10: 0 })).toBe('{"10":0,"9":0,"B":0,"b":0}');
  });

  it('refuses what JSON cannot hold or would silently change', () => {
    expect(() => canonicalJson({ model: { inertia: NaN } })).toThrow('cannot write NaN at model.inertia: only finite numbers are allowed in a config');
    expect(() => canonicalJson({ a: [1, Infinity] })).toThrow('at a[1]');
    expect(() => canonicalJson({ centroids: new Float64Array(2) })).toThrow('cannot write a Float64Array at centroids in a config: use plain objects and arrays');
    expect(() => canonicalJson({ when: new Date(0) })).toThrow('cannot write a Date at when');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('cannot write a function at f');
  });

  it('is the same text for the same content, whatever the key order, and survives a parse', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
        const shuffled = JSON.parse(JSON.stringify(value, (_, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
        expect(canonicalJson(shuffled)).toBe(text);
      }),
    );
  });

  it('hashes UTF-8 text with SHA-256 and round-trips base64', async () => {
    // FIPS 180-2 test vector for "abc"
    expect(await sha256('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const bytes = Uint8Array.from([0, 1, 2, 250, 251, 252, 253, 254, 255]);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
    expect(() => fromBase64('a$==')).toThrow('not base64');
  });
});
