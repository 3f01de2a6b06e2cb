import { describe, expect, it } from 'vitest';
import { cell, parseAssignments, runHeadless, select, slider, weights } from '../../src/runtime/index.ts';

const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
const scale = select({ name: 'scale', options: ['zscore', 'minmax'] as const, value: 'zscore' });
const keys = cell({ name: 'keys', inputs: {}, run: () => ['a', 'b'] as readonly string[] });
const w = weights({ name: 'weights', keys });
let viewCalls = 0;
const out = cell({
  name: 'out',
  inputs: { k, scale, w },
  run: ({ k, scale, w }) => ({ k, scale, w }),
  view: () => {
    viewCalls++;
    return 'never in headless runs';
  },
});
const broken = cell({
  name: 'broken',
  inputs: { k },
  run: ({ k }) => {
    if (k > 5) throw new Error('too big');
    return k;
  },
});
const nb = { id: 'h', title: 'h', items: [k, scale, w, out, broken] };

describe('headless runs', () => {
  it('runs without a DOM, applies --set values and skips views', async () => {
    expect(typeof document).toBe('undefined');
    const result = await runHeadless(nb, { assignments: ['k=6', 'scale=minmax', 'w.a=2'] });
    expect(result.values.out).toEqual({ k: 6, scale: 'minmax', w: { a: 2 } });
    expect(result.failures).toEqual([{ cell: 'broken', message: 'too big' }]);
    expect(viewCalls).toBe(0);
  });

  it('names the input and value when an assignment is wrong', () => {
    const inputs = [k, scale, w];
    expect(() => parseAssignments(inputs, ['k'])).toThrow('invalid --set: "k" (expected name=value, e.g. k=5)');
    expect(() => parseAssignments(inputs, ['q=1'])).toThrow('unknown input "q" (inputs: k, scale, weights)');
    expect(() => parseAssignments(inputs, ['k=11'])).toThrow('invalid k: "11" is not a whole number from 2 to 10');
    expect(() => parseAssignments(inputs, ['k=2.5'])).toThrow('invalid k: "2.5" is not a whole number from 2 to 10');
    expect(() => parseAssignments(inputs, ['scale=robust'])).toThrow('invalid scale: "robust" (expected zscore or minmax)');
  });
});
