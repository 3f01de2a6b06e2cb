import { describe, expect, it } from 'vitest';
import { importData } from '../../../src/data/import-data.ts';
import { loadOrderLines } from '../../../src/data/quality/load-order-lines.ts';
import { cellText, columnOf } from '../../../src/data/read/columns.ts';
import { gzip } from '../../../src/data/read/decode.ts';
import { loadTable } from '../../../src/data/read/load-table.ts';
import { failure } from '../helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const utf16be = (s: string) => {
  const b = utf16le(s);
  for (let i = 0; i + 1 < b.length; i += 2) [b[i], b[i + 1]] = [b[i + 1], b[i]];
  return b;
};
/** Latin-1 bytes of text whose characters are all below U+0100. */
const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));

const ORDERS = ['order_id,customer_id,order_date,qty,unit_price,city', 'SO1,C1,2024-01-02,2,5,Köln', 'SO2,C2,2024-01-03,1,7,Málaga', 'SO3,C1,2024-02-01,3,5,Zürich'].join('\r\n');


describe('8.6: encodings are detected, decoded and named', () => {
  it.each([
    ['UTF-8', enc(ORDERS), 'utf-8'],
    ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...enc(ORDERS)]), 'utf-8'],
    ['UTF-16 LE with BOM', new Uint8Array([0xff, 0xfe, ...utf16le(ORDERS)]), 'utf-16le'],
    ['UTF-16 BE with BOM', new Uint8Array([0xfe, 0xff, ...utf16be(ORDERS)]), 'utf-16be'],
    ['UTF-16 LE without BOM', utf16le(ORDERS), 'utf-16le'],
    ['UTF-16 BE without BOM', utf16be(ORDERS), 'utf-16be'],
    ['Latin-1', latin1(ORDERS), 'windows-1252'],
  ])('8.6: %s: every row read with its accents, the encoding said, input rows = records', async (_name, bytes, encoding) => {
    const r = await importData(bytes, 'orders.csv');
    expect(r.encoding).toBe(encoding);
    expect(r.quality?.inputRows).toBe(3);
    expect(r.quality?.keptRows).toBe(3);
    expect(r.customers.ids).toEqual(['C1', 'C2']);
    const t = await loadTable(bytes, { fileName: 'orders.csv' });
    expect([0, 1, 2].map((i) => cellText(columnOf(t, 'city'), i))).toEqual(['Köln', 'Málaga', 'Zürich']);
    if (encoding !== 'utf-8') expect(r.issues.find((i) => i.code === 'encoding')?.message).toContain(encoding === 'windows-1252' ? 'Windows-1252' : 'UTF-16');
  });

  it('8.6: the Windows-1252 guess names the first byte that is not UTF-8, and says when it is unsure', async () => {
    const t = await loadTable(latin1('name,n\nab,1\nMüller,2\n'), { fileName: 'w.csv' });
    expect(t.issues[0].message).toContain('byte 14 (line 3) is 0xFC');
    const odd = await loadTable(new Uint8Array([...enc('name,n\nx'), 0x81, 0x8d, ...enc(',1\n')]), { fileName: 'odd.csv' });
    expect(odd.issues[0].message).toMatch(/^odd\.csv: the encoding is unclear/);
    expect(odd.issues[0].message).toContain('byte 9 (line 2) is 0x81');
  });
});

describe('8.10: a binary file is refused with what it is and what to do', () => {
  it.each([
    ['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0, ...enc('[Content_Types].xml')]), 'book.csv', /not text but a zip archive \(an Excel \.xlsx workbook is one\)\. Save the sheet as CSV/],
    ['an image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'customers.csv', /not text but an image/],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), 'c.csv', /not text but binary data/],
  ])('8.10: %s is not taken as a customer table', async (_name, bytes, fileName, message) => {
    const e = await failure(importData(bytes, fileName));
    expect(e.message).toMatch(message);
    expect(e.file).toBe(fileName);
  });

  it('8.10: a damaged Arrow, Parquet or gzip file says so without the library\'s internal message', async () => {
    const arrow = await failure(loadTable(new Uint8Array([...enc('ARROW1'), 0, 0, 1, 2, 3]), { fileName: 'x.arrow' }));
    expect(arrow.message).toBe('x.arrow: the file starts like Arrow IPC (Feather) but its contents cannot be read: it is truncated, damaged or not Arrow. Export it again as an Arrow IPC (Feather v2) file, or as CSV.');
    const parquet = await failure(loadTable(enc('PAR1 garbage'), { fileName: 'x.parquet' }));
    expect(parquet.message).toBe('x.parquet: the file is not readable Parquet: it is truncated, damaged or not Parquet. Export it again as Parquet, or as CSV.');
    const good = await gzip(enc('a,b\n1,2\n'));
    const gz = await failure(loadTable(good.subarray(0, good.length - 6), { fileName: 'x.csv.gz' }));
    expect(gz.message).toBe('x.csv.gz: the file is gzip-compressed but cannot be decompressed: it is truncated or damaged. Compress it again, or load the uncompressed file.');
    expect(gz.cause).toBeDefined();
  });
});

describe('8.9: JSON coercions are flagged and deep nesting is refused', () => {
  it('8.9: list and object customer ids and qty: true are read with a flag', async () => {
    const json = JSON.stringify([
      { order_id: 'SO1', customer_id: ['C1', 'C2'], order_date: '2024-01-02', qty: true, unit_price: 5 },
      { order_id: 'SO2', customer_id: { id: 'C3' }, order_date: '2024-01-03', qty: 2, unit_price: 5 },
      { order_id: 'SO3', customer_id: 'C4', order_date: '2024-01-04', qty: 1, unit_price: 5 },
    ]);
    const r = await loadOrderLines(enc(json), { fileName: 'o.json' });
    const flags = r.table.issues.filter((i) => i.code === 'coerced-values');
    expect(flags.map((i) => [i.column, i.count])).toEqual([['customer_id', 2], ['qty', 1]]);
    expect(flags[0].message).toContain('first at row 1: "[\\"C1\\",\\"C2\\"]"');
    expect(flags[1].message).toContain('were read as 1/0');
    expect(r.report.inputRows).toBe(3);
  });

  it('8.9: a 100,000-deep nested array is refused with a clear message, not a stack overflow', async () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const e = await failure(loadTable(enc(deep), { fileName: 'deep.json' }));
    expect(e.message).toBe('deep.json: the JSON nests more than 32 levels deep (at line 1, column 33). Tierbook reads flat records. Save it as an array of records, e.g. [{"customer_id": "C1", "qty": 3}, ...].');
  });

  it('8.9: invalid JSON gives the line and column, not the engine\'s message', async () => {
    const e = await failure(loadTable(enc('[{"id": "A"},\n {"id": }]'), { fileName: 'bad.json' }));
    expect(e.message).toMatch(/^bad\.json: the file is not valid JSON at line 2, column 9\. Check the file there/);
    const nd = await failure(loadTable(enc('{"id": "A"}\n{"id": "B"\n'), { fileName: 'bad.jsonl' }));
    expect(nd.message).toContain('line 2 is not a JSON record');
  });

  it('8.9: a JSON number too large for a double (1e999) is an unreadable value, not Infinity', async () => {
    const t = await loadTable(enc('[{"id":"A","x":1e999},{"id":"B","x":2}]'), { fileName: 'big.json' });
    const x = columnOf(t, 'x');
    expect(x.type === 'number' && [...x.values]).toEqual([NaN, 2]);
    expect(x.type === 'number' && x.invalid.texts).toEqual(['Infinity']);
  });
});

describe('jsonErrorOffset', () => {
  it('finds where JSON first breaks, agreeing with JSON.parse on what is valid (property)', async () => {
    const { jsonErrorOffset } = await import('../../../src/data/read/json-error.ts');
    expect(jsonErrorOffset('[1, 2]')).toBe(-1);
    expect(jsonErrorOffset('{"a": }')).toBe(6);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('[1] x')).toBe(4);
    const fc = (await import('fast-check')).default;
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ unit: fc.constantFrom('[', ']', '{', '}', '"', ':', ',', '1', 'a', ' ', '\\', 'n', 'u', 'e', '-', '.') })), (text) => {
        let valid = true;
        try {
          JSON.parse(text);
        } catch {
          valid = false;
        }
        if (text.length < 200) expect(jsonErrorOffset(text) < 0).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });
});
