import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadTable } from '../../../src/data/read/load-table.ts';
import { inProcessParts, splitBody, type ParallelRead } from '../../../src/data/read/read-parallel.ts';
import type { LoadedTable } from '../../../src/data/read/columns.ts';
import { DataError } from '../../../src/data/errors.ts';

/** A table, or the DataError message reading threw. */
async function outcome(p: Promise<LoadedTable>): Promise<LoadedTable | string> {
  try {
    return await p;
  } catch (e) {
    if (e instanceof DataError) return `DataError: ${e.message}`;
    throw e;
  }
}

/** Counts the parts the reader was handed, to show the parallel path was taken. */
function counting(inner: ParallelRead): ParallelRead & { seen: number[] } {
  const seen: number[] = [];
  return { ...inner, seen, read: (inputs, onProgress) => (seen.push(inputs.length), inner.read(inputs, onProgress)) };
}

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('', 'NA', ' ', 'x', 'C001', 'C002', 'c001 ', 'Müller', 'ß', '\uFEFFx', '日本', '2024-01-05', '05/01/2024', '13/01/2024', '2024-13-40', '2024-02-30 10:00', 'n/a', '-', '1.', '.5', '1,5', '1.234,5', '1e3', 'abc', '1.2.3') },
  { weight: 3, arbitrary: fc.integer({ min: -500, max: 5000 }).map(String) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v.toFixed(2)) },
  { weight: 1, arbitrary: fc.constantFrom('"a, b"', '"q""q"', '"line\nbreak"', 'x"y', '"open') },
);

/** Delimited text with everything the reader handles: ragged rows, blank lines, line ends, quotes, marks, decimal commas. */
const csvFile = fc
  .record({
    delimiter: fc.constantFrom(',', ';', '\t'),
    rows: fc.array(fc.array(cell, { minLength: 0, maxLength: 6 }), { minLength: 1, maxLength: 60, size: 'max' }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    trailing: fc.boolean(),
    bom: fc.boolean(),
    quotes: fc.boolean(),
    encoding: fc.constantFrom('utf-8', 'utf-8', 'utf-8', 'utf-16le', 'latin1'),
    parts: fc.integer({ min: 2, max: 40 }),
  })
  .map(({ delimiter, rows, eol, trailing, bom, quotes, encoding, parts }) => {
    const body = rows.map((r) => r.filter((c) => quotes || !c.includes('"')).join(delimiter));
    if (!body.some((l) => l.trim() !== '')) body.push('x');
    const text = `${bom ? '\uFEFF' : ''}${['id', 'qty', 'when', 'name'].join(delimiter)}${eol}${body.join(eol)}${trailing ? eol : ''}`;
    return { text, bytes: encode(text, encoding), parts };
  });

function encode(text: string, encoding: string): Uint8Array {
  if (encoding === 'utf-16le') {
    const out = new Uint8Array(2 + text.length * 2);
    out.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      out[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      out[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    return out;
  }
  // Latin-1 bytes of characters under 256 (others as '?'): not UTF-8 when accented, so read as Windows-1252.
  if (encoding === 'latin1') return Uint8Array.from(text, (ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 0x3f));
  return new TextEncoder().encode(text);
}

describe('parallel delimited reader', () => {
  it('gives the single-threaded table for any file cut into any number of parts (property)', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, async ({ bytes, parts }) => {
        const one = await outcome(loadTable(bytes, { fileName: 'p.csv' }));
        const many = await outcome(loadTable(bytes, { fileName: 'p.csv', parallel: inProcessParts(parts) }));
        expect(many).toEqual(one);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the single-threaded table with user types, a fixed decimal comma and date order', async () => {
    await fc.assert(
      fc.asyncProperty(csvFile, async ({ bytes, parts }) => {
        const options = { fileName: 'p.csv', decimal: ',' as const, dateOrder: 'mdy' as const, types: { id: 'text', qty: 'number', when: 'date' } as const };
        const one = await outcome(loadTable(bytes, options));
        const many = await outcome(loadTable(bytes, { ...options, parallel: inProcessParts(parts) }));
        expect(many).toEqual(one);
      }),
      { numRuns: 150 },
    );
  });

  it('reads a quote-free file in parts: dictionaries in first-appearance order, rows, lines and examples across the cuts', async () => {
    const rows = ['id,qty,when,name'];
    for (let i = 0; i < 40; i++) rows.push(i % 7 === 3 ? `C${i % 5}` : i % 11 === 5 ? `C${i % 5},${i},2024-01-0${(i % 9) + 1},n${i % 3},extra` : `C${i % 5},${i % 13 === 0 ? 'bad' : i},2024-01-0${(i % 9) + 1},n${i % 3}`);
    const bytes = new TextEncoder().encode(`${rows.join('\n')}\n\n`);
    const parallel = counting(inProcessParts(6));
    const one = await loadTable(bytes, { fileName: 'r.csv' });
    const many = await loadTable(bytes, { fileName: 'r.csv', parallel });
    expect(parallel.seen).toEqual([6]);
    expect(many).toEqual(one);
    expect(many.issues.map((i) => i.code)).toEqual(['short-rows', 'long-rows']);
  });

  it('stays on one thread for text with quotes and for small bodies', async () => {
    const quoted = new TextEncoder().encode('id,name\n1,"a, b"\n2,c\n3,d\n');
    const parallel = counting(inProcessParts(4));
    await loadTable(quoted, { fileName: 'q.csv', parallel });
    await loadTable(new TextEncoder().encode('id,name\n1,a\n2,b\n'), { fileName: 's.csv', parallel: counting({ ...inProcessParts(4), minChars: 1000 }) });
    expect(parallel.seen).toEqual([]);
  });

  it('cuts the body just after line feeds, never twice at one place', () => {
    const text = 'h\na\nbb\n\nccc\nd';
    expect(splitBody(text, 2, 3)).toEqual([2, 7, 12, 13]);
    expect(splitBody(text, 2, 50)).toEqual([2, 4, 7, 8, 12, 13]);
    expect(splitBody('h\nabc', 2, 4)).toEqual([2, 5]);
  });
});
