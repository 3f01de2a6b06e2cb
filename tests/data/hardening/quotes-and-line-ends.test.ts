import { describe, expect, it } from 'vitest';
import { loadOrderLines } from '../../../src/data/quality/load-order-lines.ts';
import { readRecords } from '../../../src/data/read/delimited.ts';
import { loadTable } from '../../../src/data/read/load-table.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const HEADER = 'order_id,customer_id,order_date,qty,unit_price,note';
const row = (i: number, note = 'ok') => `SO${i},C${i % 7},2024-01-${String((i % 28) + 1).padStart(2, '0')},2,5,${note}`;

/** A header and 200 data rows (201 physical lines), with `edit` applied to some rows. */
function file(edit: (i: number) => string | undefined, eol = '\n'): string {
  return [HEADER, ...Array.from({ length: 200 }, (_, k) => edit(k + 1) ?? row(k + 1))].join(eol) + eol;
}

describe('8.5: an unclosed quote and classic Mac line ends', () => {
  it('8.5: an unclosed quote reports the line where it opened, and every physical record stays a row', async () => {
    const text = file((i) => (i === 100 ? row(i, '"never closed') : undefined));
    const { report, table } = await loadOrderLines(enc(text), { fileName: 'quote.csv' });
    expect(report.inputRows).toBe(200);
    expect(report.keptRows + Object.values(report.excluded).reduce((s, x) => s + x, 0)).toBe(200);
    const issue = table.issues.find((i) => i.code === 'unterminated-quote');
    expect(issue?.message).toContain('line 101');
    // The row itself is kept: the quote is an ordinary character of its note.
    expect(report.keptRows).toBe(200);
  });

  it('8.5: two stray quotes lines apart do not merge the lines between them', async () => {
    const text = file((i) => (i === 50 ? row(i, '"open') : i === 120 ? row(i, 'close"x') : undefined));
    const { report, table } = await loadOrderLines(enc(text), { fileName: 'two.csv' });
    expect(report.inputRows).toBe(200);
    expect(table.issues.find((i) => i.code === 'unterminated-quote')?.message).toContain('line 51');
  });

  it('8.5: a quote that does close still spans lines (the records are the file\'s records)', () => {
    const { records } = readRecords('a,b\n"x\ny",1\n"p ""q""",2\n', ',');
    expect(records).toEqual([['a', 'b'], ['x\ny', '1'], ['p "q"', '2']]);
  });

  it('8.5: classic Mac (CR-only) line ends are detected and read as 120 rows', async () => {
    const lines = [HEADER, ...Array.from({ length: 120 }, (_, k) => row(k + 1))];
    const text = lines.join('\r') + '\r';
    const { report, table } = await loadOrderLines(enc(text), { fileName: 'mac.csv' });
    expect(report.inputRows).toBe(120);
    expect(report.keptRows).toBe(120);
    expect(table.issues.map((i) => i.code)).toContain('line-endings');
    expect([...(table.lines ?? [])].slice(0, 3)).toEqual([2, 3, 4]);
    // With quotes too (the general scanner).
    const quoted = await loadTable(enc(['id,"name"', '1,"a, b"', '2,c'].join('\r')), { fileName: 'macq.csv' });
    expect(quoted.rowCount).toBe(2);
  });
});
