import { describe, expect, it } from 'vitest';
import {
  cell,
  createEngine,
  inputsFromQuery,
  queryFromInputs,
  select,
  slider,
  webStorageStore,
  weights,
  type Notebook,
} from '../../src/runtime/index.ts';
import { idle, memoryStorage } from './helpers.ts';

const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
const scale = select({ name: 'scale', options: ['zscore', 'minmax'] as const, value: 'zscore' });
const features = cell({ name: 'features', inputs: {}, run: () => ['margin', 'revenue'] as readonly string[] });
const w = weights({ name: 'weights', keys: features });
const summary = cell({
  name: 'summary',
  inputs: { k, scale, w },
  run: ({ k, scale, w }) => `${k}:${scale}:${JSON.stringify(w)}`,
});
const nb: Notebook = { id: 'persist', title: 'p', items: [k, scale, w, summary] };

describe('input persistence', () => {
  it('restores committed inputs after a reload and resets to defaults', async () => {
    const storage = memoryStorage();
    const first = createEngine(nb, { store: webStorageStore(storage) });
    first.setInput('k', 7);
    first.setInput('weights', { margin: 2 });
    await idle(first);
    first.dispose();

    const reloaded = createEngine(nb, { store: webStorageStore(storage) });
    await idle(reloaded);
    expect(reloaded.getInput('k')).toBe(7);
    expect(reloaded.state(summary).value).toBe('7:zscore:{"margin":2}');

    await reloaded.reset();
    await idle(reloaded);
    expect(reloaded.state(summary).value).toBe('4:zscore:{}');
    expect(storage.map.get('tierbook:persist:inputs')).toContain('"k":4');
    reloaded.dispose();

    const afterReset = createEngine(nb, { store: webStorageStore(storage) });
    expect(afterReset.getInput('k')).toBe(4);
    afterReset.dispose();
  });

  it('ignores a corrupt or out-of-range stored value instead of failing', () => {
    const storage = memoryStorage();
    storage.setItem('tierbook:persist:inputs', JSON.stringify({ kind: 'tierbook-inputs', version: 1, values: { k: 99 } }));
    const engine = createEngine(nb, { store: webStorageStore(storage) });
    expect(engine.getInput('k')).toBe(4);
    expect(engine.refused).toEqual([{ name: 'k', reason: 'invalid k: 99 (expected a whole number from 2 to 10)', source: 'stored' }]);
    engine.dispose();
    storage.setItem('tierbook:persist:inputs', '{not json');
    const again = createEngine(nb, { store: webStorageStore(storage) });
    expect(again.getInput('k')).toBe(4);
    again.dispose();
  });

  it('lets URL values win over stored ones', async () => {
    const storage = memoryStorage();
    const first = createEngine(nb, { store: webStorageStore(storage) });
    first.setInput('k', 7);
    first.dispose();
    const { values, errors } = inputsFromQuery([k, scale, w], '?k=5&w.margin=2&w.revenue=0.5&scale=minmax');
    expect(errors).toEqual([]);
    const engine = createEngine(nb, { store: webStorageStore(storage), initial: values });
    await idle(engine);
    expect(engine.state(summary).value).toBe('5:minmax:{"margin":2,"revenue":0.5}');
    engine.dispose();
  });
});

describe('whole-number inputs (issue 8 point 4)', () => {
  it('refuses fractions from storage, a link and the UI; a bad stored value is reported once and replaced by the default', () => {
    const storage = memoryStorage();
    storage.setItem('tierbook:persist:inputs', JSON.stringify({ kind: 'tierbook-inputs', version: 1, values: { k: 2.5, scale: 'minmax' } }));
    const engine = createEngine(nb, { store: webStorageStore(storage) });
    expect(engine.getInput(k)).toBe(4);
    expect(engine.getInput(scale)).toBe('minmax'); // the good stored value stays
    expect(engine.refused.map((r) => r.reason)).toEqual(['invalid k: 2.5 (expected a whole number from 2 to 10)']);
    expect(() => engine.setInput(k, 2.5)).toThrow('invalid k: 2.5 (expected a whole number from 2 to 10)');
    engine.dispose();
    // The store no longer holds the fraction: the next start reports nothing.
    const again = createEngine(nb, { store: webStorageStore(storage) });
    expect(again.refused).toEqual([]);
    expect(again.getInput(scale)).toBe('minmax');
    again.dispose();
    expect(inputsFromQuery([k], '?k=2.5').errors).toEqual(['invalid k: "2.5" is not a whole number from 2 to 10']);
    const given = createEngine(nb, { initial: { k: 3.5 } });
    expect(given.getInput(k)).toBe(4);
    expect(given.refused).toEqual([{ name: 'k', reason: 'invalid k: 3.5 (expected a whole number from 2 to 10)', source: 'given' }]);
    given.dispose();
  });
});

describe('URL encoding', () => {
  it('round-trips non-default inputs', () => {
    const query = queryFromInputs([k, scale, w], { k: 6, scale: 'zscore', weights: { margin: 2, revenue: 1 } });
    expect(query).toBe('k=6&w.margin=2');
    expect(inputsFromQuery([k, scale, w], query).values).toEqual({ k: 6, weights: { margin: 2 } });
  });

  it('reports parameters that do not parse, naming the input and value', () => {
    const { values, errors } = inputsFromQuery([k, scale, w], 'k=eleven&scale=zscor&w.margin=x&notebook=other');
    expect(values).toEqual({});
    expect(errors).toEqual([
      'invalid k: "eleven" is not a whole number',
      'invalid scale: "zscor" (expected zscore or minmax)',
      'invalid weights: "margin=x" (expected feature=number, e.g. revenue=2)',
    ]);
  });
});

describe('reset', () => {
  it('leaves host values and files alone', async () => {
    const { hostValue } = await import('../../src/runtime/index.ts');
    const service = hostValue({ name: 'service', value: 'default-service' });
    const uses = cell({ name: 'uses', inputs: { service, k }, run: ({ service, k }) => `${service}:${k}` });
    const engine = createEngine({ id: 'r', title: 'r', items: [service, k, uses] }, { initial: { service: 'real-service', k: 9 } });
    await engine.reset();
    await idle(engine);
    expect(engine.state(uses).value).toBe('real-service:4');
    engine.dispose();
  });
});
