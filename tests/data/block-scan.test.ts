import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanDelimited, type FieldSink } from '../../src/data/read/delimited.ts';
import { fieldBounds, scanBounds } from '../../src/data/read/block-scan.ts';
import { readDelimited } from '../../src/data/read/read-delimited.ts';

const WIDTH = 4;

/** Quote-free CSV: a header of WIDTH columns, then rows of 1..6 fields (short and long rows), blank lines, LF or CRLF. */
const quoteFreeCsv = fc
  .record({
    rows: fc.array(
      fc.array(
        fc.oneof(
          fc.constantFrom('', 'NA', ' ', 'x', 'C001', 'C002', 'c001 ', '2024-01-05', '05/01/2024', '2024-13-40', 'n/a', '-', '-0', '1.', '.5', '+3', ' 7', '12 ', '1e3', '1234567890123456', '123456789012345', '0.1234567890123', '-.25', '1.2.3'),
          fc.integer({ min: -500, max: 5000 }).map(String),
          fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((v) => v.toFixed(2)),
        ),
        { minLength: 0, maxLength: 6 },
      ),
      { minLength: 1, maxLength: 40, size: 'max' },
    ),
    crlf: fc.boolean(),
    trailingNewline: fc.boolean(),
    block: fc.integer({ min: 1, max: 9 }),
  })
  .map(({ rows, crlf, trailingNewline, block }) => {
    const eol = crlf ? '\r\n' : '\n';
    // an empty row is a blank line; keep at least one data row with a field
    const body: string[] = rows.map((r) => r.join(','));
    if (!body.some((l) => l !== '')) body.push('x');
    return { text: ['id,qty,when,name', ...body].join(eol) + (trailingNewline ? eol : ''), block };
  });

function sinkRecords(text: string, offset: number) {
  const out: { fields: [number, number][]; count: number; line: number }[] = [];
  let fields: [number, number][] = [];
  const sink: FieldSink = {
    field: (_c, s, e) => void fields.push([s, e]),
    endRecord: (count, line) => {
      out.push({ fields, count, line });
      fields = [];
    },
  };
  scanDelimited(text, ',', sink, offset, Infinity, 2, false);
  return out;
}

describe('block scan of quote-free text (fast path of readDelimited)', () => {
  it('finds the same records, fields and lines as scanDelimited without quotes, in blocks of any size (property)', () => {
    fc.assert(
      fc.property(quoteFreeCsv, ({ text, block }) => {
        const offset = text.indexOf('\n') + 1;
        const want = sinkRecords(text, offset);
        const b = fieldBounds(WIDTH, block);
        const got: typeof want = [];
        let at = offset;
        let line = 2;
        for (;;) {
          const r = scanBounds(text, ',', WIDTH, b, at, line);
          for (let i = 0; i < r.records; i++) {
            const fields: [number, number][] = [];
            for (let c = 0; c < Math.min(WIDTH, b.counts[i]); c++) fields.push([b.starts[i * WIDTH + c], b.ends[i * WIDTH + c]]);
            for (let c = b.counts[i]; c < WIDTH; c++) expect(b.starts[i * WIDTH + c]).toBe(-1);
            got.push({ fields, count: b.counts[i], line: b.lines[i] });
          }
          at = r.end;
          line += r.lines;
          if (r.records === 0 || at >= text.length) break;
        }
        expect(got).toEqual(want.map((w) => ({ ...w, fields: w.fields.slice(0, WIDTH) })));
      }),
      { numRuns: 300 },
    );
  });

  it('reads the same table as the quote-aware path (property)', () => {
    fc.assert(
      fc.property(quoteFreeCsv, fc.nat(), ({ text }, pick) => {
        // Quoting one plain field leaves every cell the same but sends the file down the quote-aware path.
        const body = text.indexOf('\n') + 1;
        const starts = [...text.matchAll(/[^,\r\n]+/g)].map((m) => m.index).filter((i) => i >= body);
        if (starts.length === 0) return;
        const at = starts[pick % starts.length];
        const end = text.slice(at).search(/[,\r\n]|$/) + at;
        const quoted = `${text.slice(0, at)}"${text.slice(at, end)}"${text.slice(end)}`;
        for (const types of [undefined, { id: 'text' as const, qty: 'number' as const, when: 'date' as const, name: 'text' as const }]) {
          const fast = readDelimited(text, { fileName: 'f.csv', types });
          const reference = readDelimited(quoted, { fileName: 'f.csv', types });
          expect(fast).toEqual(reference);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reports progress per 100,000 records and ends at 1', () => {
    const rows = Array.from({ length: 250_001 }, (_, i) => `C${i % 7},${i},2024-01-0${(i % 9) + 1},x`);
    const seen: number[] = [];
    const t = readDelimited(['id,qty,when,name', ...rows].join('\n'), { fileName: 'big.csv', onProgress: (f) => seen.push(f) });
    expect(t.rowCount).toBe(250_001);
    expect(seen.length).toBe(3);
    expect(seen.at(-1)).toBe(1);
  });
});
