import { describe, expect, it } from 'vitest';
import { input, inputsFromQuery, parseAssignments, queryFromInputs, runHeadless, cell, slider, weights, type InputNode } from '../../src/runtime/index.ts';

/** A keyed input of the shape the policy table has: cells `<field>.<row>` of a record of records. */
type Table = Readonly<Record<string, Readonly<Record<string, number>>>>;
const FIELDS = ['level', 'days'];
function cellOf(param: string): [string, string] {
  const dot = param.indexOf('.');
  return [param.slice(0, dot), param.slice(dot + 1)];
}
function setCell(base: Table, param: string, text: string): Table {
  const [field, row] = cellOf(param);
  const v = Number(text);
  if (!FIELDS.includes(field) || !row || text.trim() === '' || !Number.isFinite(v)) throw new Error(`invalid table: "${param}=${text}" (expected <field>.<row>=number)`);
  return { ...base, [row]: { ...base[row], [field]: v } };
}
const table: InputNode<Table> = input<Table>({
  name: 'table',
  defaultValue: {},
  control: { kind: 'text' },
  parse: (text) => text.split(',').filter(Boolean).reduce<Table>((t, part) => setCell(t, ...(part.split('=') as [string, string])), {}),
  format: (v) => JSON.stringify(v),
  validate: (v) => (typeof v === 'object' && v !== null ? undefined : 'invalid table: expected a record'),
  keyed: {
    claims: (param) => FIELDS.some((f) => param.startsWith(`${f}.`)),
    apply: (base, entries) => entries.reduce((t, [param, text]) => setCell(t, param, text), base),
    entries: (v) => Object.entries(v).flatMap(([row, fields]) => Object.entries(fields).map(([f, n]): [string, string] => [`${f}.${row}`, String(n)])),
  },
});
const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
const keys = cell({ name: 'keys', inputs: {}, run: () => ['a', 'b'] as readonly string[] });
const w = weights({ name: 'weights', keys });
const inputs = [k, w, table] as InputNode<unknown>[];

describe('keyed inputs', () => {
  it('take one entry per link parameter, for weights and any other keyed input alike', () => {
    const { values, errors } = inputsFromQuery(inputs, '?k=5&level.Gold=0.98&w.a=2&days.Gold=2&level.Silver=0.9&notebook=x');
    expect(errors).toEqual([]);
    expect(values).toEqual({ k: 5, weights: { a: 2 }, table: { Gold: { level: 0.98, days: 2 }, Silver: { level: 0.9 } } });
  });

  it('write one parameter per entry, and read back what they wrote', () => {
    const value = { k: 4, weights: { a: 2, b: 1 }, table: { Gold: { level: 0.98 }, 'Key accounts': { days: 1 } } };
    const query = queryFromInputs(inputs, value);
    expect(query).toBe('w.a=2&level.Gold=0.98&days.Key+accounts=1');
    expect(inputsFromQuery(inputs, query).values).toEqual({ weights: { a: 2 }, table: value.table });
  });

  it('apply --set entries on top of a whole value given before them, later entries winning', () => {
    expect(parseAssignments(inputs, ['table=level.Gold=0.9', 'level.Gold=0.98', 'days.Gold=3', 'weights=a=2', 'w.b=3'])).toEqual({
      table: { Gold: { level: 0.98, days: 3 } },
      weights: { a: 2, b: 3 },
    });
  });

  it('name the entry at fault, and refuse names no input claims', () => {
    expect(inputsFromQuery(inputs, '?level.Gold=high').errors).toEqual(['invalid table: "level.Gold=high" (expected <field>.<row>=number)']);
    expect(() => parseAssignments(inputs, ['level.Gold=high'])).toThrow('invalid table: "level.Gold=high"');
    expect(() => parseAssignments(inputs, ['colour.Gold=red'])).toThrow('invalid --set: unknown input "colour.Gold" (inputs: k, weights, table)');
  });

  it('reach the cells of a headless run', async () => {
    const out = cell({ name: 'out', inputs: { table }, run: ({ table }) => table });
    const result = await runHeadless({ id: 'keyed', title: 'keyed', items: [table, out] }, { assignments: ['level.Gold=0.98'] });
    expect(result.values.out).toEqual({ Gold: { level: 0.98 } });
  });
});
