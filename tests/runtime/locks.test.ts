import { describe, expect, it } from 'vitest';
import { action, ActionError, cell, createEngine, hostValue, slider, stateValue, webStorageStore } from '../../src/runtime/index.ts';
import { counting, idle, memoryStorage } from './helpers.ts';

function notebook() {
  const { calls, count } = counting();
  const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
  const seed = slider({ name: 'seed', min: 0, max: 999, value: 42 });
  const host = hostValue({ name: 'host', value: 'inline' });
  const note = stateValue<string>({ name: 'note', value: '', check: (v) => (typeof v === 'string' ? undefined : 'expected text') });
  const both = cell({ name: 'both', inputs: { k, seed }, run: ({ k, seed }) => (count('both'), `${k}/${seed}`) });
  return { nb: { id: 'locks', title: 'locks', items: [k, seed, host, note, both] }, calls, k, seed, host, note, both };
}

const apply = action<Record<string, unknown>>({ name: 'apply', title: 'Apply', plan: (values) => ({ set: values }) });

describe('locked inputs', () => {
  it('refuse a change from a control, naming the value in force, and recompute nothing', async () => {
    const t = notebook();
    const engine = createEngine(t.nb, { debounceMs: 5 });
    await idle(engine);
    engine.lock(t.k);
    expect(engine.isLocked('k')).toBe(true);
    expect(() => engine.setInput(t.k, 5)).toThrow('invalid k: 5 (locked at 4: unlock k to change it)');
    expect(() => engine.setInput(t.k, 6, 'live')).toThrow('locked at 4');
    engine.setInput(t.k, 4); // the value it has: not a change
    engine.setInput(t.seed, 7); // other inputs move freely
    await idle(engine);
    expect(engine.getInput(t.k)).toBe(4);
    expect(await engine.value(t.both)).toBe('4/7');
    expect(t.calls.both).toBe(2);
    engine.dispose();
  });

  it('refuse a whole plan or setInputs batch that would move a locked input, changing nothing', async () => {
    const t = notebook();
    const engine = createEngine(t.nb);
    engine.lock('k');
    const error = await engine.act(apply, { seed: 1, k: 9 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ActionError);
    expect((error as ActionError).problems).toEqual(['invalid k: 9 (locked at 4: unlock k to change it)']);
    expect(() => engine.setInputs({ seed: 2, k: 3 })).toThrow('invalid k: 3 (locked at 4');
    expect(engine.inputValues()).toMatchObject({ k: 4, seed: 42 });
    await engine.act(apply, { seed: 1, k: 4 });
    expect(engine.getInput(t.seed)).toBe(1);
    engine.dispose();
  });

  it('refuse a reset that would move a locked input, before the stored values are forgotten', async () => {
    const t = notebook();
    const storage = memoryStorage();
    const engine = createEngine(t.nb, { store: webStorageStore(storage) });
    engine.setInput(t.k, 7);
    engine.setInput(t.seed, 8);
    engine.lock(t.k);
    await expect(engine.reset()).rejects.toThrow('Reset: invalid k: 4 (locked at 7: unlock k to change it)');
    expect(engine.inputValues()).toMatchObject({ k: 7, seed: 8 });
    expect(storage.map.get('tierbook:locks:inputs')).toContain('"seed":8');
    engine.lock(t.k, false);
    await engine.reset();
    expect(engine.inputValues()).toMatchObject({ k: 4, seed: 42 });
    engine.dispose();
  });

  it('tell listeners, list locks in order, let an unlocked input move again and never lock host values', async () => {
    const t = notebook();
    const engine = createEngine(t.nb);
    const seen: [string, boolean][] = [];
    const off = engine.onLock((name, locked) => seen.push([name, locked]));
    engine.lock(t.seed);
    engine.lock(t.k);
    engine.lock(t.k); // already locked: no event
    expect(engine.lockedInputs()).toEqual(['seed', 'k']);
    engine.lock(t.seed, false);
    engine.setInput(t.seed, 3);
    off();
    engine.lock(t.note);
    expect(seen).toEqual([
      ['seed', true],
      ['k', true],
      ['seed', false],
    ]);
    expect(() => engine.lock(t.host)).toThrow('"host" is provided by the host and cannot be locked');
    expect(() => engine.lock('nope')).toThrow('unknown input "nope"');
    expect(() => engine.setInput(t.note, 'x')).toThrow('invalid note: "x" (locked at "": unlock note to change it)');
    engine.dispose();
  });

  it('tell input listeners whether a change is live or committed', async () => {
    const t = notebook();
    const engine = createEngine(t.nb, { debounceMs: 5 });
    const seen: string[] = [];
    engine.onInput((name, value, phase) => seen.push(`${name}=${String(value)}:${phase}`));
    engine.setInput(t.k, 5, 'live');
    engine.setInput(t.k, 6, 'commit');
    expect(seen).toEqual(['k=5:live', 'k=6:commit']);
    engine.dispose();
  });
});
