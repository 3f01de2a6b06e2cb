import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { cellText, columnOf, type Column, type LoadedTable } from '../../../src/data/read/columns.ts';
import { gzip } from '../../../src/data/read/decode.ts';
import { detectFormat, loadTable } from '../../../src/data/read/load-table.ts';
import { failure } from '../helpers.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const col = (t: LoadedTable, name: string): Column => columnOf(t, name);
const texts = (t: LoadedTable, name: string) => Array.from({ length: t.rowCount }, (_, r) => cellText(col(t, name), r));
const nums = (t: LoadedTable, name: string) => {
  const c = col(t, name);
  if (c.type !== 'number') throw new Error(`${name} is ${c.type}`);
  return [...c.values];
};


describe('loadTable', () => {
  it('reads CSV with types inferred: numbers, ISO dates, text', async () => {
    const t = await loadTable(enc('id,qty,price,date\nA,1,2.5,2024-01-31\nB,3,4,2024-02-01 10:30\n'), { fileName: 'o.csv' });
    expect(t.format).toBe('csv');
    expect(t.rowCount).toBe(2);
    expect(nums(t, 'qty')).toEqual([1, 3]);
    expect(nums(t, 'price')).toEqual([2.5, 4]);
    const d = col(t, 'date');
    expect(d.type).toBe('date');
    if (d.type === 'date') expect([...d.values]).toEqual([Date.UTC(2024, 0, 31), Date.UTC(2024, 1, 1, 10, 30)]);
    expect(texts(t, 'id')).toEqual(['A', 'B']);
    expect(t.issues).toEqual([]);
  });

  it('reads TSV, semicolon CSV with decimal commas, and pipes', async () => {
    const tsv = await loadTable(enc('a\tb\n1\tx\n2\ty\n'), { fileName: 'x.tsv' });
    expect(tsv.delimiter).toBe('\t');
    expect(nums(tsv, 'a')).toEqual([1, 2]);
    const semi = await loadTable(enc('kunde;menge;preis\nK1;3;1.234,50\nK2;4;12,5\n'), { fileName: 'de.csv' });
    expect(semi.delimiter).toBe(';');
    expect(semi.decimal).toBe(',');
    expect(nums(semi, 'preis')).toEqual([1234.5, 12.5]);
    const pipe = await loadTable(enc('a|b\n1|2\n3|4\n'), { fileName: 'p.txt' });
    expect(nums(pipe, 'b')).toEqual([2, 4]);
  });

  it('honours a BOM, CRLF, quoted delimiters, doubled quotes and embedded newlines; lines are physical', async () => {
    const t = await loadTable(enc('\uFEFFid,note,n\r\nA,"x, ""y""\r\nz",1\r\nB,plain,2\r\n'), { fileName: 'q.csv' });
    expect(t.header).toEqual(['id', 'note', 'n']);
    expect(texts(t, 'note')).toEqual(['x, "y"\r\nz', 'plain']);
    expect([...(t.lines ?? [])]).toEqual([2, 4]);
  });

  it('reads numeric dates with detected order and reports mixed formats', async () => {
    const t = await loadTable(enc('d\n2024-03-10\n25/03/2024\n01/04/2024\n'), { fileName: 'd.csv' });
    const d = col(t, 'd');
    expect(d.type === 'date' && [...d.values]).toEqual([Date.UTC(2024, 2, 10), Date.UTC(2024, 2, 25), Date.UTC(2024, 3, 1)]);
    expect(t.issues.map((i) => i.code)).toEqual(['mixed-date-formats']);
    const us = await loadTable(enc('d,x\n12/13/2010 8:26,1\n12/1/2010 4:05 PM,2\n'), { fileName: 'us.csv' });
    const u = col(us, 'd');
    expect(u.type === 'date' && [...u.values]).toEqual([Date.UTC(2010, 11, 13, 8, 26), Date.UTC(2010, 11, 1, 16, 5)]);
  });

  it('lets the user override types per column', async () => {
    const t = await loadTable(enc('CustomerID,qty\n12346,1\n00123,2\n'), { fileName: 'o.csv', types: { CustomerID: 'text' } });
    expect(texts(t, 'CustomerID')).toEqual(['12346', '00123']);
    const f = await loadTable(enc('CustomerID,qty\n12346,1\n'), { fileName: 'o.csv', types: (h) => ({ [h[0]]: 'text' }) });
    expect(col(f, 'CustomerID').type).toBe('text');
  });

  it('counts text in a numeric column as invalid cells, keeping the text', async () => {
    const rows = ['id\tq', ...Array.from({ length: 20 }, (_, i) => `c${i}\t${i}.5`), 'x\ttwelve', 'y\t12,5'];
    const t = await loadTable(enc(rows.join('\n')), { fileName: 'n.tsv' });
    const q = col(t, 'q');
    expect(q.type).toBe('number');
    if (q.type === 'number') {
      expect(q.invalid).toEqual({ rows: [20, 21], texts: ['twelve', '12,5'] });
      expect(cellText(q, 20)).toBe('twelve');
    }
  });

  it('keeps markup as plain text', async () => {
    const t = await loadTable(enc('id,note\nA,<img src=x onerror=alert(1)>\n'), { fileName: 'x.csv' });
    expect(texts(t, 'note')).toEqual(['<img src=x onerror=alert(1)>']);
  });

  it('reports ragged rows and an unterminated quote', async () => {
    const t = await loadTable(enc('a,b,c\n1,2\n1,2,3,4\n5,"6,7\n'), { fileName: 'r.csv' });
    expect(t.issues.map((i) => i.code).sort()).toEqual(['long-rows', 'short-rows', 'unterminated-quote']);
  });

  it('reads JSON arrays of records and NDJSON', async () => {
    const t = await loadTable(enc('[{"id":"A","qty":2,"d":"2024-01-02"},{"id":"B","qty":null,"extra":true}]'), { fileName: 'r.json' });
    expect(t.format).toBe('json');
    expect(t.header).toEqual(['id', 'qty', 'd', 'extra']);
    expect(nums(t, 'qty')).toEqual([2, NaN]);
    expect(col(t, 'd').type).toBe('date');
    const nd = await loadTable(enc('{"id":"A"}\n{"id":"B"}\n'), { fileName: 'r.jsonl' });
    expect(texts(nd, 'id')).toEqual(['A', 'B']);
  });

  it('reads Arrow IPC written by Arquero', async () => {
    const bytes = aq.table({ id: ['A', 'B'], qty: [1, 2], d: [new Date(Date.UTC(2024, 0, 1)), new Date(Date.UTC(2024, 0, 2))] }).toArrowIPC();
    expect(detectFormat(bytes, 'x.bin')).toBe('arrow');
    const t = await loadTable(bytes, { fileName: 'x.arrow' });
    expect(texts(t, 'id')).toEqual(['A', 'B']);
    expect(nums(t, 'qty')).toEqual([1, 2]);
    const d = col(t, 'd');
    expect(d.type === 'date' && [...d.values]).toEqual([Date.UTC(2024, 0, 1), Date.UTC(2024, 0, 2)]);
  });

  it('reads Parquet written by hyparquet-writer', async () => {
    const buf = parquetWriteBuffer({
      columnData: [
        { name: 'id', data: ['A', 'B', 'C'], type: 'STRING' },
        { name: 'qty', data: new Float64Array([1, 2.5, 3]), type: 'DOUBLE' },
        { name: 'n', data: new Int32Array([7, 8, 9]), type: 'INT32' },
      ],
    });
    const t = await loadTable(new Uint8Array(buf), { fileName: 'x.parquet' });
    expect(t.format).toBe('parquet');
    expect(texts(t, 'id')).toEqual(['A', 'B', 'C']);
    expect(nums(t, 'qty')).toEqual([1, 2.5, 3]);
    expect(nums(t, 'n')).toEqual([7, 8, 9]);
  });

  it('decompresses gzip', async () => {
    const t = await loadTable(await gzip(enc('a,b\n1,2\n')), { fileName: 'x.csv.gz' });
    expect(nums(t, 'b')).toEqual([2]);
  });

  it('reads Windows-1252 with an issue', async () => {
    const bytes = new Uint8Array([...enc('name,n\nM'), 0xfc, ...enc('ller,1\n')]);
    const t = await loadTable(bytes, { fileName: 'w.csv' });
    expect(texts(t, 'name')).toEqual(['Müller']);
    expect(t.issues[0].code).toBe('encoding');
  });

  it.each([
    ['', 'e.csv', 'e.csv: the file is empty'],
    ['a,b\n', 'h.csv', 'h.csv: the file has a header but no data rows'],
    ['a,b,a\n1,2,3\n', 'd.csv', 'd.csv, column "a": the header names a column more than once: "a" (columns 1, 3)'],
    ['[1,2', 'bad.json', 'bad.json: the file is not valid JSON'],
    ['PAR1 garbage', 'bad.parquet', 'bad.parquet: the file is not readable Parquet'],
  ])('fails clearly for %j', async (text, fileName, message) => {
    const e = await failure(loadTable(enc(text), { fileName }));
    expect(e.message.startsWith(message)).toBe(true);
    expect(e.file).toBe(fileName);
  });
});
