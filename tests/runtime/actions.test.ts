import { describe, expect, it } from 'vitest';
import { action, ActionError, cell, createEngine, fileInput, hostValue, slider, stateValue, webStorageStore } from '../../src/runtime/index.ts';
import { counting, idle, memoryStorage } from './helpers.ts';

function notebook() {
  const { calls, count } = counting();
  const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
  const seed = slider({ name: 'seed', min: 0, max: 999, value: 42 });
  const host = hostValue({ name: 'host', value: { tasks: 'inline' } });
  const file = fileInput({ name: 'file', accept: '.csv' });
  const note = stateValue<string | null>({ name: 'note', value: null, check: (v) => (v === null || typeof v === 'string' ? undefined : 'expected text or null') });
  const both = cell({ name: 'both', inputs: { k, seed, host }, run: ({ k, seed, host }) => (count('both'), `${k}/${seed}/${host.tasks}`) });
  const check = cell({ name: 'check', trigger: 'demand', inputs: { both, note }, run: ({ both, note }) => (count('check'), `${note}: ${both}`) });
  const nb = { id: 'a', title: 'a', items: [k, seed, host, file, note, both, check] };
  return { nb, calls, k, seed, host, file, note, both, check };
}

const apply = action<Record<string, unknown>>({ name: 'apply', title: 'Apply', plan: (values) => ({ set: values }) });

describe('engine actions', () => {
  it('validate the whole plan before anything changes: one bad value changes nothing', async () => {
    const t = notebook();
    const engine = createEngine(t.nb);
    await idle(engine);
    const error = await engine.act(apply, { k: 5, seed: 1.5, nope: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).problems).toEqual([
      'invalid seed: 1.5 (expected a whole number from 0 to 999)',
      '"nope" is not an input this action may set',
    ]);
    await idle(engine);
    expect(engine.getInput(t.k)).toBe(4);
    expect(t.calls.both).toBe(1);
    engine.dispose();
  });

  it('never touch host values: a plan setting one is refused', async () => {
    const t = notebook();
    const engine = createEngine(t.nb);
    await expect(engine.act(apply, { host: {} })).rejects.toThrow('Apply: "host" is not an input this action may set');
    expect(await engine.value(t.both)).toBe('4/42/inline');
    engine.dispose();
  });

  it('apply every value at once (one recomputation) and then run the on-demand cells they name', async () => {
    const t = notebook();
    const engine = createEngine(t.nb);
    await idle(engine);
    const importing = action<{ k: number; seed: number }>({
      name: 'import',
      title: 'Import',
      plan: ({ k, seed }) => ({ set: { k, seed, note: 'imported' }, run: [t.check], notes: ['one entry was left out'] }),
    });
    const result = await engine.act(importing, { k: 6, seed: 7 });
    expect(result).toEqual({ action: 'import', changed: ['k', 'seed', 'note'], notes: ['one entry was left out'] });
    await idle(engine);
    expect(t.calls.both).toBe(2); // not once per input
    expect(engine.state(t.check)).toMatchObject({ status: 'ok', value: 'imported: 6/7/inline' });
    engine.dispose();
  });

  it('reset restores settings and action state, keeps the data file and host values, and forgets the store', async () => {
    const t = notebook();
    const storage = memoryStorage();
    const file = { name: 'x.csv', bytes: new Uint8Array([1]) };
    const engine = createEngine(t.nb, { store: webStorageStore(storage), initial: { host: { tasks: 'worker' }, file } });
    await engine.act(apply, { k: 9, note: 'kept?' });
    expect(storage.map.get('tierbook:a:inputs')).toContain('"note":"kept?"');
    const result = await engine.reset();
    expect(result.changed).toEqual(['k', 'note']);
    expect(engine.inputValues()).toMatchObject({ k: 4, seed: 42, note: null, host: { tasks: 'worker' }, file });
    expect(storage.map.get('tierbook:a:inputs')).not.toContain('kept?');
    engine.dispose();
  });
});

describe('commits and kept state', () => {
  it('reset leaves state marked keepOnReset (an approval) in place, saved for the next visit', async () => {
    const t = notebook();
    const approval = stateValue<string | null>({ name: 'approval', value: null, keepOnReset: true, check: () => undefined });
    const storage = memoryStorage();
    const nb = { ...t.nb, items: [...t.nb.items, approval] };
    const engine = createEngine(nb, { store: webStorageStore(storage) });
    await engine.act(apply, { k: 9, note: 'n', approval: 'approved by Ada' });
    const result = await engine.reset();
    expect(result.changed).toEqual(['k', 'note']);
    expect(engine.inputValues()).toMatchObject({ k: 4, note: null, approval: 'approved by Ada' });
    expect(storage.map.get('tierbook:a:inputs')).toContain('"approval":"approved by Ada"');
    engine.dispose();
  });

  it('tells commit listeners once per released drag, typed value or action, with old and new values', async () => {
    const t = notebook();
    const engine = createEngine(t.nb, { debounceMs: 5 });
    const commits: unknown[] = [];
    const off = engine.onCommit((c) => commits.push(c));
    engine.setInput(t.k, 5, 'live');
    engine.setInput(t.k, 6, 'live');
    engine.setInput(t.k, 7, 'live');
    expect(commits).toEqual([]); // live steps are not commits
    engine.setInput(t.k, 7, 'commit'); // the release
    expect(commits).toEqual([{ changes: [{ name: 'k', old: 4, new: 7 }] }]);
    engine.setInput(t.seed, 3, 'live');
    await new Promise((r) => setTimeout(r, 30)); // a pause longer than the debounce commits too
    expect(commits.at(-1)).toEqual({ changes: [{ name: 'seed', old: 42, new: 3 }] });
    await engine.act(apply, { k: 2, note: 'x' });
    expect(commits.at(-1)).toEqual({ changes: [{ name: 'k', old: 7, new: 2 }, { name: 'note', old: null, new: 'x' }], action: { name: 'apply', title: 'Apply' } });
    engine.setInputs({ k: 2 }); // the same value: no commit
    expect(commits).toHaveLength(3);
    off();
    engine.setInput(t.k, 3);
    expect(commits).toHaveLength(3);
    engine.dispose();
  });
});
