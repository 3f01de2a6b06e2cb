import { describe, expect, it } from 'vitest';
import { readCustomerTable } from '../../../src/data/customers/read-customer-table.ts';
import { importData } from '../../../src/data/import-data.ts';
import { cellText, columnOf } from '../../../src/data/read/columns.ts';
import { loadTable } from '../../../src/data/read/load-table.ts';

const enc = (s: string) => new TextEncoder().encode(s);
const KEYS = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'];

describe('8.8: column names that are JavaScript object keys', () => {
  it('8.8: are typed by their values like any other column (CSV)', async () => {
    const text = [`id,${KEYS.join(',')}`, 'A,1,2,3,4,5', 'B,6,7,8,9,10'].join('\n');
    const t = await loadTable(enc(text), { fileName: 'keys.csv' });
    for (const k of KEYS) expect(columnOf(t, k).type, k).toBe('number');
    const c = readCustomerTable(text, { fileName: 'keys.csv' });
    expect(c.numericColumns).toEqual(KEYS);
    const at = (name: string) => [...c.columns[name]];
    expect(at('__proto__')).toEqual([3, 8]);
    expect(at('constructor')).toEqual([2, 7]);
    // A name that is not a column reads as nothing, not as Object.prototype's member.
    const other = readCustomerTable('id,x\nA,1\nB,2\n', { fileName: 'x.csv' });
    const name: string = 'toString';
    expect(other.columns[name]).toBeUndefined();
    expect(other.categorical[name]).toBeUndefined();
  });

  it('8.8: a type override names only the columns it lists', async () => {
    const t = await loadTable(enc('id,toString,x\nA,1,2\nB,3,4\n'), { fileName: 'k.csv', types: { x: 'text' } });
    expect(columnOf(t, 'toString').type).toBe('number');
    expect(columnOf(t, 'x').type).toBe('text');
    const own = JSON.parse('{"__proto__": "text"}') as Record<string, 'text'>;
    const p = await loadTable(enc('id,__proto__\nA,1\nB,2\n'), { fileName: 'p.csv', types: own });
    expect(columnOf(p, '__proto__').type).toBe('text');
  });

  it('8.8: JSON records missing such a key leave the cell empty (no inherited function as a value)', async () => {
    const t = await loadTable(enc('[{"id":"A","constructor":5},{"id":"B"},{"id":"C","constructor":7}]'), { fileName: 'k.json' });
    const col = columnOf(t, 'constructor');
    expect(col.type).toBe('number');
    expect([0, 1, 2].map((r) => cellText(col, r))).toEqual(['5', '', '7']);
  });

  it('8.8: order lines with such column names aggregate as usual, and example rows keep them', async () => {
    const text = ['order_id,customer_id,order_date,qty,unit_price,toString,__proto__', 'SO1,C1,2024-01-02,2,5,x,y', 'SO2,C1,2024-01-03,abc,5,x,y'].join('\n');
    const r = await importData(enc(text), 'o.csv');
    expect(r.customers.columns.revenue[0]).toBe(10);
    const rule = r.quality?.rules.find((x) => x.id === 'required-values');
    expect(rule?.examples[0].values.__proto__).toBe('y');
    expect(Object.keys(rule?.examples[0].values ?? {})).toContain('__proto__');
  });
});
