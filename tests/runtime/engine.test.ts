import { describe, expect, it } from 'vitest';
import { cell, createEngine, slider, type Notebook } from '../../src/runtime/index.ts';
import { idle, sleep } from './helpers.ts';

function counting() {
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  return { calls, count };
}

describe('engine: recomputation', () => {
  it('recomputes only the cells downstream of a changed input', async () => {
    const { calls, count } = counting();
    const a = slider({ name: 'a', min: 0, max: 10, value: 1 });
    const b = slider({ name: 'b', min: 0, max: 10, value: 2 });
    const fromA = cell({ name: 'fromA', inputs: { a }, run: ({ a }) => (count('fromA'), a * 10) });
    const fromB = cell({ name: 'fromB', inputs: { b }, run: ({ b }) => (count('fromB'), b * 10) });
    const both = cell({ name: 'both', inputs: { fromA, fromB }, run: ({ fromA, fromB }) => (count('both'), fromA + fromB) });
    const nb: Notebook = { id: 't', title: 't', items: [a, b, fromA, fromB, both] };
    const engine = createEngine(nb);
    await idle(engine);
    expect(calls).toEqual({ fromA: 1, fromB: 1, both: 1 });
    expect(engine.state('both').value).toBe(30);

    engine.setInput('a', 5);
    await idle(engine);
    expect(calls).toEqual({ fromA: 2, fromB: 1, both: 2 });
    expect(engine.state('both').value).toBe(70);
    expect(await engine.value('both')).toBe(70);
    engine.dispose();
  });

  it('never lets a slow result for an old value overwrite the result for a newer one', async () => {
    const k = slider({ name: 'k', min: 0, max: 10, value: 1 });
    const seen: number[] = [];
    const slow = cell({
      name: 'slow',
      inputs: { k },
      run: async ({ k }) => {
        await sleep(k === 1 ? 150 : 5); // the first evaluation is slow, the second fast
        return k;
      },
    });
    const after = cell({ name: 'after', inputs: { slow }, run: ({ slow }) => (seen.push(slow), slow) });
    const engine = createEngine({ id: 't', title: 't', items: [k, slow, after] });
    await sleep(20); // the slow run for k = 1 is under way
    engine.setInput('k', 2);
    await idle(engine);
    await sleep(200);
    expect(engine.state('slow').value).toBe(2);
    expect(engine.state('after').value).toBe(2);
    expect(seen).toEqual([2]); // the stale value never reached a dependent
    engine.dispose();
  });

  it('aborts the signal of a run whose inputs changed', async () => {
    const k = slider({ name: 'k', min: 0, max: 10, value: 1 });
    const aborted: number[] = [];
    const work = cell({
      name: 'work',
      inputs: { k },
      run: ({ k }, { signal }) =>
        new Promise<number>((resolve) => {
          signal.addEventListener('abort', () => aborted.push(k));
          setTimeout(() => resolve(k), k === 1 ? 100 : 1);
        }),
    });
    const engine = createEngine({ id: 't', title: 't', items: [k, work] });
    await sleep(20);
    engine.setInput('k', 3);
    await idle(engine);
    expect(aborted).toContain(1);
    expect(engine.state('work').value).toBe(3);
    engine.dispose();
  });
});

describe('engine: errors', () => {
  it('shows an error in its cell, blocks dependents, spares the rest, and recovers', async () => {
    const k = slider({ name: 'k', min: 0, max: 10, value: 2 });
    const other = slider({ name: 'other', min: 0, max: 10, value: 1 });
    const inverse = cell({
      name: 'inverse',
      title: 'Inverse',
      inputs: { k },
      run: ({ k }) => {
        if (k === 0) throw new Error('k must not be 0');
        return 1 / k;
      },
    });
    const twice = cell({ name: 'twice', inputs: { inverse }, run: ({ inverse }) => inverse * 2 });
    const thrice = cell({ name: 'thrice', inputs: { twice }, run: ({ twice }) => twice * 3 });
    const unrelated = cell({ name: 'unrelated', inputs: { other }, run: ({ other }) => other + 1 });
    const engine = createEngine({ id: 't', title: 't', items: [k, other, inverse, twice, thrice, unrelated] });
    await idle(engine);
    expect(engine.state('thrice').value).toBeCloseTo(3);

    engine.setInput('k', 0);
    await idle(engine);
    expect(engine.state('inverse')).toMatchObject({
      status: 'error',
      error: { message: 'k must not be 0', cell: 'inverse', trigger: 'k = 0' },
    });
    expect(engine.state('twice')).toMatchObject({ status: 'blocked', blockedBy: 'inverse' });
    expect(engine.state('thrice')).toMatchObject({ status: 'blocked', blockedBy: 'inverse' });
    await expect(engine.value('thrice')).rejects.toThrow('k must not be 0');

    engine.setInput('other', 5);
    await idle(engine);
    expect(engine.state('unrelated')).toMatchObject({ status: 'ok', value: 6 });

    engine.setInput('k', 4);
    await idle(engine);
    expect(engine.state('inverse')).toMatchObject({ status: 'ok', value: 0.25 });
    expect(engine.state('thrice')).toMatchObject({ status: 'ok', value: 1.5 });
    expect(engine.state('thrice').error).toBeUndefined();
    engine.dispose();
  });

  it('rejects an invalid input value with a message naming the input', () => {
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const engine = createEngine({ id: 't', title: 't', items: [k] });
    expect(() => engine.setInput('k', 99)).toThrow('invalid k: 99 (expected a number from 2 to 10)');
    expect(() => engine.setInput('nope', 1)).toThrow('unknown input "nope"');
    engine.dispose();
  });

  it('refuses two different nodes with the same name', () => {
    const a = slider({ name: 'x', min: 0, max: 1, value: 0 });
    const b = slider({ name: 'x', min: 0, max: 1, value: 1 });
    expect(() => createEngine({ id: 't', title: 't', items: [a, b] })).toThrow('two different nodes are named "x"');
  });
});

describe('engine: live and settled cells', () => {
  it('lets cheap cells follow a drag while expensive cells wait for the release', async () => {
    const { calls, count } = counting();
    const w = slider({ name: 'w', min: 0, max: 100, value: 0 });
    const cheap = cell({ name: 'cheap', inputs: { w }, run: ({ w }) => (count('cheap'), w) });
    const expensive = cell({
      name: 'expensive',
      inputs: { cheap },
      schedule: 'settled',
      run: async ({ cheap }) => (count('expensive'), await sleep(10), cheap * 2),
    });
    const view = cell({ name: 'view', inputs: { cheap, expensive }, run: ({ cheap, expensive }) => `${cheap}/${expensive}` });
    const engine = createEngine({ id: 't', title: 't', items: [w, cheap, expensive, view] }, { debounceMs: 60 });
    await idle(engine);
    expect(calls.expensive).toBe(1);
    const before = { ...calls };

    for (let v = 1; v <= 20; v++) {
      engine.setInput('w', v, 'live');
      await sleep(4); // a drag: one event every few ms, faster than the debounce
    }
    // the cheap live cell kept up with the drag; the expensive one has not run yet
    expect(engine.state('cheap').value).toBeGreaterThan(10);
    expect(calls.expensive).toBe(before.expensive);
    expect((calls.cheap ?? 0) - (before.cheap ?? 0)).toBeLessThanOrEqual(20);

    engine.setInput('w', 20, 'commit'); // release
    await idle(engine);
    await sleep(100);
    // one settled recomputation for the whole drag: no backlog of stale runs
    expect(calls.expensive - before.expensive).toBe(1);
    expect(engine.state('expensive').value).toBe(40);
    expect(engine.state('view').value).toBe('20/40');
    engine.dispose();
  });

  it('runs settled cells after a pause in the drag even without a release', async () => {
    const { calls, count } = counting();
    const w = slider({ name: 'w', min: 0, max: 100, value: 0 });
    const expensive = cell({ name: 'expensive', inputs: { w }, schedule: 'settled', run: ({ w }) => (count('e'), w) });
    const engine = createEngine({ id: 't', title: 't', items: [w, expensive] }, { debounceMs: 30 });
    await idle(engine);
    engine.setInput('w', 7, 'live');
    engine.setInput('w', 8, 'live');
    await sleep(80);
    await idle(engine);
    expect(engine.state('expensive').value).toBe(8);
    expect(calls.e).toBe(2);
    engine.dispose();
  });
});

describe('engine: cancel', () => {
  it('aborts a running cell, shows it as cancelled, and runs again on the next change', async () => {
    const k = slider({ name: 'k', min: 0, max: 10, value: 1 });
    const slow = cell({
      name: 'slow',
      inputs: { k },
      run: ({ k }, { signal }) =>
        new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => resolve(k), k === 1 ? 5000 : 1);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            const error = new Error('aborted');
            error.name = 'AbortError';
            reject(error);
          });
        }),
    });
    const engine = createEngine({ id: 't', title: 't', items: [k, slow] });
    await sleep(30);
    expect(engine.state('slow').status).toBe('running');
    engine.cancel('slow');
    await idle(engine);
    expect(engine.state('slow')).toMatchObject({ status: 'error', error: { message: expect.stringMatching(/^Cancelled/) } });
    engine.setInput('k', 2);
    await idle(engine);
    expect(engine.state('slow')).toMatchObject({ status: 'ok', value: 2 });
    engine.dispose();
  });
});

describe('engine: blocked chains through live and settled cells', () => {
  it('names the failed cell even through an unobserved settled twin', async () => {
    const k = slider({ name: 'k', min: 0, max: 10, value: 1 });
    const check = cell({
      name: 'check',
      hidden: true,
      inputs: { k },
      run: ({ k }) => {
        if (k === 0) throw new Error('k is zero');
        return k;
      },
    });
    const cheap = cell({ name: 'cheap', inputs: { check }, run: ({ check }) => check * 2 });
    const heavy = cell({ name: 'heavy', inputs: { cheap }, schedule: 'settled', run: ({ cheap }) => cheap + 1 });
    const engine = createEngine({ id: 't', title: 't', items: [k, check, cheap, heavy] });
    await idle(engine);
    engine.setInput('k', 0);
    await idle(engine);
    expect(engine.state('cheap')).toMatchObject({ status: 'blocked', blockedBy: 'check' });
    expect(engine.state('heavy')).toMatchObject({ status: 'blocked', blockedBy: 'check' });
    engine.dispose();
  });
});

describe('engine: big input values', () => {
  it('never serialises a file into messages (a 100 MB file would freeze the page)', async () => {
    const { fileInput } = await import('../../src/runtime/index.ts');
    const file = fileInput({ name: 'file', accept: '.csv' });
    const size = cell({
      name: 'size',
      inputs: { file },
      run: ({ file }) => {
        if (file && file.bytes.length > 10) throw new Error('too big');
        return file?.bytes.length ?? 0;
      },
    });
    const engine = createEngine({ id: 't', title: 't', items: [file, size] });
    engine.setInput('file', { name: 'big.csv', bytes: new Uint8Array(1000) });
    await idle(engine);
    expect(engine.state('size').error).toMatchObject({ message: 'too big', trigger: 'file = "big.csv"' });
    engine.dispose();
  });
});

describe('engine: notebookInputs', () => {
  it('holds every persisted input value and follows changes', async () => {
    const { notebookInputs, hostValue, fileInput } = await import('../../src/runtime/index.ts');
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const other = slider({ name: 'other', min: 0, max: 1, value: 0 });
    const service = hostValue({ name: 'service', value: 'x' });
    const file = fileInput({ name: 'file', accept: '.csv' });
    const record = cell({ name: 'record', inputs: { notebookInputs, service, file }, run: ({ notebookInputs }) => notebookInputs });
    const engine = createEngine({ id: 't', title: 't', items: [k, other, service, file, record] });
    await idle(engine);
    expect(engine.state('record').value).toEqual({ k: 4, other: 0 });
    engine.setInput('other', 1);
    await idle(engine);
    expect(engine.state('record').value).toEqual({ k: 4, other: 1 });
    engine.dispose();
  });
});
