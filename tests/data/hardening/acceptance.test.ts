import { describe, expect, it } from 'vitest';
import { importData } from '../../../src/data/import-data.ts';

/**
 * The acceptance of the data hardening: for every bad input of the points above, the quality
 * report's input rows equal the physical records of the file, and every row is accounted for.
 */
const HEADER = 'order_id,customer_id,order_date,qty,unit_price,product_code,note';
const row = (i: number, note = 'ok', code = 'P1') => `SO${i},C${i % 7},2024-01-${String((i % 28) + 1).padStart(2, '0')},2,5,${code},${note}`;
const lines = (n: number, edit: (i: number) => string | undefined = () => undefined) => Array.from({ length: n }, (_, k) => edit(k + 1) ?? row(k + 1));
const utf16le = (s: string) => new Uint8Array(Buffer.from(s, 'utf16le'));
const latin1 = (s: string) => Uint8Array.from(s, (ch) => ch.charCodeAt(0));
const enc = (s: string) => new TextEncoder().encode(s);

const CASES: [name: string, bytes: Uint8Array, records: number][] = [
  ['8.5 unclosed quote', enc([HEADER, ...lines(200, (i) => (i === 100 ? row(i, '"never closed') : undefined))].join('\n')), 200],
  ['8.5 stray quotes lines apart', enc([HEADER, ...lines(200, (i) => (i === 50 ? row(i, '"a') : i === 120 ? row(i, 'b"x') : undefined))].join('\n')), 200],
  ['8.5 classic Mac line ends', enc([HEADER, ...lines(120)].join('\r')), 120],
  ['8.6 UTF-16 without BOM', utf16le([HEADER, ...lines(30, (i) => row(i, 'Zürich'))].join('\r\n')), 30],
  ['8.6 Latin-1', latin1([HEADER, ...lines(30, (i) => row(i, 'Köln'))].join('\n')), 30],
  ['8.7 overflowing amounts', enc([HEADER, ...lines(40, (i) => (i % 9 === 0 ? `SO${i},C1,2024-01-02,1e308,1e308,P1,x` : undefined))].join('\n')), 40],
  ['8.16 shared order ids', enc([HEADER, ...lines(40, (i) => `SO1,C${i % 3},2024-01-0${(i % 9) + 1},1,5,P1,x`)].join('\n')), 40],
  ['8.18 non-product lines', enc([HEADER, ...lines(40, (i) => (i % 5 === 0 ? row(i, 'x', ['POST', 'D', 'M', 'BANK CHARGES', 'AMAZONFEE', 'DOT'][i % 6]) : undefined))].join('\n')), 40],
  ['8.19 cancellations at price 0', enc([HEADER, ...lines(40, (i) => (i % 4 === 0 ? `C${row(i).replace(',2,5,', ',-1,0,')}` : undefined))].join('\n')), 40],
];

describe('acceptance: the quality report counts the physical records of the file, in every case', () => {
  it.each(CASES)('%s', async (_name, bytes, records) => {
    const r = await importData(bytes, 'case.csv');
    const q = r.quality;
    expect(q?.inputRows).toBe(records);
    expect((q?.keptRows ?? 0) + Object.values(q?.excluded ?? {}).reduce((s, x) => s + x, 0)).toBe(records);
    expect((q?.salesRows ?? 0) + (q?.returnRows ?? 0) + (q?.nonProductRows ?? 0)).toBe(q?.keptRows);
  });
});
