import { readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import type { CustomerFeatures } from '../../../src/data/features/customer-features.ts';
import { toCustomerTable } from '../../../src/data/customers/to-customer-table.ts';
import { importData } from '../../../src/data/import-data.ts';
import { parseDataImportSpec } from '../../../src/data/import-spec.ts';
import { MAX_FEATURE_MAGNITUDE } from '../../../src/data/magnitude.ts';
import { loadTable } from '../../../src/data/read/load-table.ts';

const enc = (s: string) => new TextEncoder().encode(s);
/** 24 made-up customers in the layout of UCI Wholesale customers: no id column; Channel (1-2) and Region (1-3) are codes. */
const WHOLESALE = readFileSync(new URL('../fixtures/wholesale-layout.csv', import.meta.url), 'utf8');

describe('8.11: low-cardinality whole-number columns are categories unless kept numeric', () => {
  it('8.11: Channel and Region codes are offered as categories, with an issue saying how to keep them numeric', async () => {
    const r = await importData(enc(WHOLESALE), 'wholesale.csv');
    expect(r.customers.numericColumns).toEqual(['Fresh', 'Milk', 'Grocery', 'Frozen', 'Detergents_Paper', 'Delicassen']);
    expect(r.customers.categorical.Channel.slice(0, 3)).toEqual(['1', '2', '1']);
    expect(r.issues.find((i) => i.code === 'category-codes')?.message).toBe('wholesale.csv: "Channel" and "Region" hold only 2 and 3 different whole numbers from 0 to 10, so they are read as categories (codes), not numeric features. To cluster on them as numbers, keep them numeric in the import options.');
  });

  it('8.11: keepNumeric opts a code column back in; a small table or a measure is never taken for codes', async () => {
    const kept = await importData(enc(WHOLESALE), 'wholesale.csv', parseDataImportSpec({ keepNumeric: ['Channel'] }));
    expect(kept.customers.numericColumns[0]).toBe('Channel');
    expect(Object.keys(kept.customers.categorical)).toEqual(['Region']);
    await expect(importData(enc(WHOLESALE), 'w.csv', { keepNumeric: ['Chanel'] })).rejects.toThrow('w.csv, column "Chanel": the columns to keep numeric are not in the file: "Chanel"');
    const small = await importData(enc('id,flag,spend\nA,1,10\nB,2,20\nC,1,30\n'), 's.csv');
    expect(small.customers.numericColumns).toEqual(['flag', 'spend']);
  });
});

describe('8.12: a customer table without an id column', () => {
  it('8.12: numbers the rows as ids and says so', async () => {
    const r = await importData(enc(WHOLESALE), 'wholesale.csv');
    expect(r.customers.idColumn).toBe('row');
    expect(r.customers.ids.slice(0, 3)).toEqual(['1', '2', '3']);
    expect(r.customers.rowCount).toBe(24);
    expect(r.issues.find((i) => i.code === 'row-ids')?.message).toMatch(/^wholesale\.csv: the rows are numbered 1 to 24 as customer ids because no customer id column was found/);
  });

  it('8.12: idColumn "row" numbers the rows even when an id column exists; a wrong name suggests it', async () => {
    const t = await loadTable(enc('customer_id,x\nA,1\nB,2\n'), { fileName: 'c.csv' });
    expect(toCustomerTable(t, { idColumn: 'row' }).ids).toEqual(['1', '2']);
    expect(() => toCustomerTable(t, { idColumn: 'cust' })).toThrow('Or number the rows as ids with the id column "row" (command line: --id row)');
  });

  it('8.12: tierbook cluster file.csv --id row works on such a file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-rows-'));
    await writeFile(join(dir, 'wholesale.csv'), WHOLESALE);
    let stdout = '';
    let stderr = '';
    const code = await main(['cluster', join(dir, 'wholesale.csv'), '--id', 'row', '--features', 'Fresh,Milk,Grocery', '--k', '2', '--json'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    expect([code, stderr]).toEqual([0, '']);
    const out = JSON.parse(stdout) as { idColumn: string; rows: number };
    expect([out.idColumn, out.rows]).toEqual(['row', 24]);
  });
});

describe('8.7: infinite and huge values never reach clustering silently', () => {
  it('8.7: a customer table with ±1e308 records those customers as unclusterable, with the reason', async () => {
    const text = ['id,a,b', 'A,1,5', 'B,1e308,6', 'C,-1e308,7', 'D,4,8'].join('\n');
    const r = await importData(enc(text), 'huge.csv');
    const c = r.customers;
    expect([...c.columns.a]).toEqual([1, NaN, NaN, 4]);
    expect(c.unclusterable).toEqual([
      { row: 1, id: 'B', features: [{ column: 'a', value: '1e+308', reason: 'too-large' }] },
      { row: 2, id: 'C', features: [{ column: 'a', value: '-1e+308', reason: 'too-large' }] },
    ]);
    const issue = r.issues.find((i) => i.code === 'unclusterable-values');
    expect(issue?.count).toBe(2);
    expect(issue?.message).toContain('first: customer "B", a = 1e+308');
    // Left out, but not counted as empty cells.
    expect(r.issues.some((i) => i.code === 'missing-values')).toBe(false);
  });

  it('8.7: order lines whose quantity or price overflow are excluded and counted; huge optional amounts are flagged', async () => {
    const text = ['order_id,customer_id,order_date,qty,unit_price,shipping_cost', 'SO1,C1,2024-01-02,2,5,1', 'SO2,C1,2024-01-03,1e308,1e308,1', 'SO3,C2,2024-01-04,1,5,1e300', 'SO4,C2,2024-01-05,1,5,2'].join('\n');
    const r = await importData(enc(text), 'overflow.csv');
    expect(r.quality?.excluded['out-of-range-value']).toBe(1);
    expect(r.quality?.flagged['out-of-range-optional']).toBe(1);
    expect(r.quality?.keptRows).toBe(3);
    const f = r.customers as CustomerFeatures;
    expect(f.columns.revenue[0]).toBe(10);
    expect(Number.isFinite(f.columns.cts[1])).toBe(true);
  });

  it('8.7: a feature too large to cluster on (revenue of 1e198) is left out for that customer, with the reason', async () => {
    const text = ['order_id,customer_id,order_date,qty,unit_price', 'SO1,C1,2024-01-02,1e99,1e99', 'SO2,C2,2024-01-03,1,5'].join('\n');
    const r = await importData(enc(text), 'big.csv');
    const f = r.customers as CustomerFeatures;
    expect(Number.isNaN(f.columns.revenue[0])).toBe(true);
    expect(f.unclusterable?.[0].features.map((x) => [x.column, x.reason])).toContainEqual(['revenue', 'too-large']);
    expect(f.columns.revenue[1]).toBe(5);
  });

  it('8.7: every feature that reaches a customer table is missing or within the clusterable range (property)', async () => {
    const amount = fc.constantFrom('1', '2.5', '1e99', '-1e99', '1e101', '1e308', '-1e308', '7');
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.constantFrom('C1', 'C2'), amount, amount, amount), { minLength: 1, maxLength: 20 }), async (rows) => {
        const text = ['order_id,customer_id,order_date,qty,unit_price,unit_cost', 'SO0,C1,2024-01-01,1,2,1', ...rows.map(([c, q, p, u], k) => `SO${k + 1},${c},2024-01-${String((k % 27) + 2).padStart(2, '0')},${q},${p},${u}`)].join('\n');
        const r = await importData(enc(text), 'p.csv');
        for (const name of r.customers.numericColumns) {
          for (const v of r.customers.columns[name]) expect(Number.isNaN(v) || Math.abs(v) <= MAX_FEATURE_MAGNITUDE, `${name} = ${v}`).toBe(true);
        }
        const q = r.quality;
        if (q) expect(q.keptRows + Object.values(q.excluded).reduce((s, x) => s + x, 0)).toBe(q.inputRows);
      }),
      { numRuns: 100 },
    );
  });
});

describe('8.11: what counts as a code column', () => {
  it('8.11: whole numbers from 0 to 10 over 20+ rows are codes; a measure with few values (revenue 100..400) is not', async () => {
    const rows = ['customer_id,revenue,orders,score'];
    for (let i = 0; i < 40; i++) rows.push(`C${i},${100 + (i % 7) * 50},${1 + (i % 3)},${(i % 11) + 0.5}`);
    const r = await importData(enc(rows.join('\n')), 'c.csv');
    expect(r.customers.numericColumns).toEqual(['revenue', 'score']);
    expect(Object.keys(r.customers.categorical)).toEqual(['orders']);
  });
});
