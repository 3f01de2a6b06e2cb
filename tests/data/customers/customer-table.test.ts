import { describe, expect, it } from 'vitest';
import { readCustomerTable } from '../../../src/data/customers/read-customer-table.ts';
import { DataError } from '../../../src/data/errors.ts';

function thrown(f: () => unknown): DataError {
  try {
    f();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('expected a DataError');
}

describe('readCustomerTable', () => {
  it('reads ids, numeric and categorical columns, detecting the id column by synonym', () => {
    const t = readCustomerTable('region,CustomerID,revenue,orders\nNorth,C1,100.5,3\nSouth,C2,200,4\n', { fileName: 'c.csv' });
    expect(t.idColumn).toBe('CustomerID');
    expect(t.ids).toEqual(['C1', 'C2']);
    expect(t.numericColumns).toEqual(['revenue', 'orders']);
    expect([...t.columns.revenue]).toEqual([100.5, 200]);
    expect(t.categorical.region).toEqual(['North', 'South']);
    expect(t.rowCount).toBe(2);
    expect(t.issues).toEqual([]);
  });

  it.each([['id'], ['customer_id'], ['Cust No'], ['Customer Number']])('recognises %j as the id column', (h) => {
    const t = readCustomerTable(`x,${h}\n1,A\n2,B\n`, { fileName: 'c.csv' });
    expect(t.idColumn).toBe(h);
  });

  it('falls back to the first mostly-unique text column', () => {
    const t = readCustomerTable('segment,name,spend\na,Acme,1\na,Beta,2\nb,Cato,3\n', { fileName: 'c.csv' });
    expect(t.idColumn).toBe('name');
  });

  it('honours an explicit id column and rejects an unknown one with closest matches', () => {
    const text = 'acct,spend\nA,1\nB,2\n';
    expect(readCustomerTable(text, { fileName: 'c.csv', idColumn: 'acct' }).ids).toEqual(['A', 'B']);
    const e = thrown(() => readCustomerTable(text, { fileName: 'c.csv', idColumn: 'acount' }));
    expect(e.message).toContain('"acct"');
    expect(e.column).toBe('acount');
  });

  it('empty file → DataError naming the file', () => {
    for (const text of ['', '   \n\n', '\uFEFF']) {
      const e = thrown(() => readCustomerTable(text, { fileName: 'empty.csv' }));
      expect(e.message).toBe('empty.csv: the file is empty. Choose a file with a header row and at least one data row.');
    }
  });

  it('header only → DataError', () => {
    const e = thrown(() => readCustomerTable('id,revenue\n', { fileName: 'h.csv' }));
    expect(e.message).toContain('h.csv: the file has a header but no data rows');
  });

  it('duplicate header names → DataError naming the columns', () => {
    const e = thrown(() => readCustomerTable('id,revenue,revenue\nA,1,2\n', { fileName: 'd.csv' }));
    expect(e.message).toContain('"revenue" (columns 2, 3)');
    expect(e.column).toBe('revenue');
  });

  it('counts text in a numeric column, with examples, without crashing', () => {
    const rows = ['id,revenue', 'A,1', 'B,n/k', 'C,3', 'D,4', 'E,5', 'F,oops', 'G,7', 'H,8', 'I,9', 'J,10', 'K,11'];
    const t = readCustomerTable(rows.join('\n'), { fileName: 'c.csv' });
    expect(t.numericColumns).toEqual(['revenue']);
    const issue = t.issues.find((i) => i.code === 'non-numeric');
    expect(issue?.count).toBe(2);
    expect(issue?.examples).toEqual([
      { row: 2, value: 'n/k' },
      { row: 6, value: 'oops' },
    ]);
    expect(issue?.message).toContain('c.csv, column "revenue": 2 value(s) are not numbers (first at row 2: "n/k")');
    expect(Number.isNaN(t.columns.revenue[1])).toBe(true);
    expect(t.columns.revenue[2]).toBe(3);
  });

  it('hints at the decimal-comma option for "12,5" in a decimal-point file', () => {
    const rows = ['id\trevenue', ...Array.from({ length: 9 }, (_, i) => `C${i}\t${i}.5`), 'X\t12,5'];
    const t = readCustomerTable(rows.join('\n'), { fileName: 'c.tsv', decimal: '.' });
    const issue = t.issues.find((i) => i.code === 'non-numeric');
    expect(issue?.message).toContain('choose "Decimal comma" in the import options');
  });

  it('reads semicolon files with decimal commas (detected)', () => {
    const t = readCustomerTable('Kunde;Umsatz;Marge\nK1;1.234,5;12,5\nK2;99,25;10\n', { fileName: 'de.csv' });
    expect(t.delimiter).toBe(';');
    expect(t.decimal).toBe(',');
    expect(t.idColumn).toBe('Kunde');
    expect([...t.columns.Umsatz]).toEqual([1234.5, 99.25]);
    expect([...t.columns.Marge]).toEqual([12.5, 10]);
  });

  it('reports a constant feature as zero variance', () => {
    const t = readCustomerTable('id,a,b\nA,1,5\nB,2,5\nC,3,5\n', { fileName: 'c.csv' });
    const zv = t.issues.filter((i) => i.code === 'zero-variance');
    expect(zv.map((i) => i.column)).toEqual(['b']);
    expect(zv[0].message).toContain('every value is 5');
  });

  it('keeps markup in a cell as plain text', () => {
    const t = readCustomerTable('id,note,x\nA,<img src=x onerror=alert(1)>,1\nB,ok,2\n', { fileName: 'c.csv' });
    expect(t.categorical.note[0]).toBe('<img src=x onerror=alert(1)>');
  });

  it('handles a BOM, CRLF line ends and quoted fields with newlines and quotes', () => {
    const t = readCustomerTable('\uFEFF"id","name","x"\r\n"A","Line 1\nLine ""2""",1\r\n"B","b",2\r\n', { fileName: 'c.csv' });
    expect(t.ids).toEqual(['A', 'B']);
    expect(t.categorical.name[0]).toBe('Line 1\nLine "2"');
  });

  it('leaves rows without an id out, counted', () => {
    const t = readCustomerTable('id,x\nA,1\n,2\nB,3\n', { fileName: 'c.csv' });
    expect(t.ids).toEqual(['A', 'B']);
    expect(t.inputRows).toBe(3);
    const i = t.issues.find((x) => x.code === 'missing-id');
    expect(i?.count).toBe(1);
    expect(i?.examples[0].row).toBe(2);
  });

  it('reports repeated ids', () => {
    const t = readCustomerTable('id,x\nA,1\nA,2\nB,3\n', { fileName: 'c.csv' });
    expect(t.issues.find((x) => x.code === 'duplicate-id')?.count).toBe(1);
  });
});
