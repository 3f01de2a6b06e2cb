import { describe, expect, it } from 'vitest';
import { cell, createEngine, fileInput, hostValue, notebookInputs, sampled, slider, weights, type Notebook } from '../../src/runtime/index.ts';
import { counting, idle, sleep } from './helpers.ts';

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
    expect(engine.state(both).value).toBe(30);

    engine.setInput(a, 5);
    await idle(engine);
    expect(calls).toEqual({ fromA: 2, fromB: 1, both: 2 });
    expect(engine.state(both).value).toBe(70);
    expect(await engine.value(both)).toBe(70);
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
    engine.setInput(k, 2);
    await idle(engine);
    await sleep(200);
    expect(engine.state(slow).value).toBe(2);
    expect(engine.state(after).value).toBe(2);
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
    engine.setInput(k, 3);
    await idle(engine);
    expect(aborted).toContain(1);
    expect(engine.state(work).value).toBe(3);
    engine.dispose();
  });
});

describe('engine: failures are values', () => {
  it('shows an error in its cell, blocks dependents with the root failure, spares the rest, and recovers', async () => {
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
    expect(engine.state(thrice).value).toBeCloseTo(3);

    engine.setInput(k, 0);
    await idle(engine);
    expect(engine.state(inverse)).toMatchObject({
      status: 'error',
      error: { message: 'k must not be 0', cell: 'inverse', trigger: 'k = 0' },
    });
    for (const blocked of [twice, thrice]) {
      expect(engine.state(blocked)).toMatchObject({
        status: 'blocked',
        blockedBy: 'inverse',
        error: { message: 'k must not be 0', cell: 'inverse' },
      });
    }
    await expect(engine.value(thrice)).rejects.toMatchObject({ message: 'k must not be 0', cell: 'inverse' });

    engine.setInput(other, 5);
    await idle(engine);
    expect(engine.state(unrelated)).toMatchObject({ status: 'ok', value: 6 });

    engine.setInput(k, 4);
    await idle(engine);
    expect(engine.state(inverse)).toMatchObject({ status: 'ok', value: 0.25 });
    expect(engine.state(thrice)).toMatchObject({ status: 'ok', value: 1.5 });
    expect(engine.state(thrice).error).toBeUndefined();
    engine.dispose();
  });

  it('carries the original cause and the origin cell down the graph, through hidden and sampled edges', async () => {
    const k = slider({ name: 'k', min: 0, max: 10, value: 1 });
    const cause = new RangeError('k is zero');
    const check = cell({
      name: 'check',
      hidden: true,
      inputs: { k },
      run: ({ k }) => {
        if (k === 0) throw cause;
        return k;
      },
    });
    const cheap = cell({ name: 'cheap', inputs: { check }, run: ({ check }) => check * 2 });
    const heavy = cell({ name: 'heavy', inputs: { cheap: sampled(cheap) }, run: ({ cheap }) => cheap + 1 });
    const engine = createEngine({ id: 't', title: 't', items: [k, check, cheap, heavy] });
    await idle(engine);
    engine.setInput(k, 0);
    await idle(engine);
    for (const node of [cheap, heavy]) {
      const s = engine.state(node);
      expect(s).toMatchObject({ status: 'blocked', blockedBy: 'check', error: { cell: 'check', message: 'k is zero', trigger: 'k = 0' } });
      expect(s.error?.cause).toBe(cause); // the very error thrown, not a re-wrapped message
    }
    const rejection = await engine.value(heavy).catch((e: unknown) => e);
    expect(rejection).toMatchObject({ name: 'CellError', cell: 'check' });
    expect((rejection as Error).cause).toBe(cause);
    engine.dispose();
  });

  it('refuses an invalid input value with a message naming the input, changing nothing', () => {
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const engine = createEngine({ id: 't', title: 't', items: [k] });
    expect(() => engine.setInput(k, 99)).toThrow('invalid k: 99 (expected a whole number from 2 to 10)');
    expect(() => engine.setInput(k, 2.5)).toThrow('invalid k: 2.5 (expected a whole number from 2 to 10)');
    expect(() => engine.setInput('nope', 1)).toThrow('unknown input "nope"');
    expect(engine.getInput(k)).toBe(4);
    engine.dispose();
  });

  it('refuses two different nodes with the same name', () => {
    const a = slider({ name: 'x', min: 0, max: 1, value: 0 });
    const b = slider({ name: 'x', min: 0, max: 1, value: 1 });
    expect(() => createEngine({ id: 't', title: 't', items: [a, b] })).toThrow('two different nodes are named "x"');
  });
});

describe('engine: sampled edges', () => {
  it('runs each cell once per change: a load, a drag of several live steps, and a release', async () => {
    const { calls, count } = counting();
    const w = slider({ name: 'w', min: 0, max: 5, step: 0.1, value: 1 });
    const k = slider({ name: 'k', min: 2, max: 10, value: 3 });
    const prepared = cell({ name: 'prepared', inputs: { w }, run: ({ w }) => (count('prepared'), w * 10) });
    const projection = cell({ name: 'projection', inputs: { prepared }, run: ({ prepared }) => (count('projection'), prepared + 1) });
    const clustering = cell({
      name: 'clustering',
      inputs: { prepared: sampled(prepared), k: sampled(k) },
      run: async ({ prepared, k }) => (count('clustering'), await sleep(5), `${prepared}/${k}`),
    });
    const scatter = cell({
      name: 'scatter',
      inputs: { projection, clustering },
      run: ({ projection, clustering }) => (count('scatter'), `${projection}:${clustering}`),
    });
    // The pause-commit (tested below) is set far beyond the test's length: how many times each cell
    // runs must not depend on how fast a loaded machine gets from one drag step to the next.
    const engine = createEngine({ id: 't', title: 't', items: [w, k, prepared, projection, clustering, scatter] }, { debounceMs: 60_000 });
    await idle(engine);
    expect(calls).toEqual({ prepared: 1, projection: 1, clustering: 1, scatter: 1 }); // load

    const before = { ...calls };
    const steps = [1.1, 1.2, 1.3, 1.4, 1.5];
    for (const v of steps) {
      engine.setInput(w, v, 'live');
      await idle(engine); // each step is computed before the next (a slow, careful drag)
    }
    expect(calls.prepared - before.prepared).toBe(steps.length);
    expect(calls.projection - before.projection).toBe(steps.length);
    expect(calls.clustering).toBe(before.clustering); // waits for the release
    expect(engine.state(scatter).value).toBe('16:10/3'); // the live projection with the settled clustering

    const dragged = { ...calls };
    engine.setInput(w, 1.5, 'commit'); // release where the drag ended
    await idle(engine);
    expect(calls.prepared).toBe(dragged.prepared); // nothing to recompute for the same value
    expect(calls.projection).toBe(dragged.projection);
    expect(calls.clustering - dragged.clustering).toBe(1);
    expect(engine.state(scatter).value).toBe('16:15/3');

    // A slider read only through a sampled edge: a drag of k runs nothing until it is released.
    const settled = { ...calls };
    engine.setInput(k, 4, 'live');
    engine.setInput(k, 5, 'live');
    await idle(engine);
    expect(calls).toEqual(settled);
    engine.setInput(k, 5, 'commit');
    await idle(engine);
    expect(calls.clustering - settled.clustering).toBe(1);
    expect(calls.prepared).toBe(settled.prepared);
    engine.dispose();
  });

  it('never lets a reader of two latches see a new table with an old matrix, also behind another latch', async () => {
    const file = slider({ name: 'file', min: 0, max: 10, value: 1 });
    const rate = slider({ name: 'rate', min: 0, max: 10, value: 1 });
    // Like the notebook: the import options are read sampled, the table and matrix follow them.
    const spec = cell({ name: 'spec', hidden: true, inputs: { rate }, run: ({ rate }) => ({ rate }) });
    const table = cell({ name: 'table', inputs: { file, spec: sampled(spec) }, run: async ({ file }) => (await sleep(5), { file }) });
    const prepared = cell({ name: 'prepared', inputs: { table }, run: async ({ table }) => (await sleep(30), { from: table.file }) });
    const seen: string[] = [];
    const profiles = cell({
      name: 'profiles',
      inputs: { table: sampled(table), prepared: sampled(prepared) },
      run: ({ table, prepared }) => (seen.push(`${table.file}/${prepared.from}`), table.file === prepared.from),
    });
    const engine = createEngine({ id: 't', title: 't', items: [file, rate, spec, table, prepared, profiles] });
    await idle(engine);
    engine.setInput(file, 2);
    await idle(engine);
    engine.setInput(file, 3);
    await idle(engine);
    engine.setInput(rate, 2);
    await idle(engine);
    expect(seen).toEqual(['1/1', '2/2', '3/3', '3/3']);
    engine.dispose();
  });

  it('treats the same weights sent again as a new object as no change (a release after a paused drag)', async () => {
    const { calls, count } = counting();
    const keys = cell({ name: 'keys', hidden: true, inputs: {}, run: () => ['a', 'b'] as readonly string[] });
    const w = weights({ name: 'w', keys });
    const prepared = cell({ name: 'prepared', inputs: { w }, run: ({ w }) => (count('prepared'), w) });
    const clustering = cell({ name: 'clustering', inputs: { prepared: sampled(prepared) }, run: ({ prepared }) => (count('clustering'), prepared) });
    const engine = createEngine({ id: 't', title: 't', items: [w, prepared, clustering] }, { debounceMs: 20 });
    await idle(engine);
    engine.setInput(w, { a: 1, b: 2 }, 'live');
    await sleep(60); // the pause commits the drag
    await idle(engine);
    const before = { ...calls };
    engine.setInput(w, { b: 2, a: 1 }, 'commit'); // the release: equal weights, a new object
    await idle(engine);
    expect(calls).toEqual(before);
    expect(engine.state(clustering).value).toEqual({ b: 2 });
    engine.dispose();
  });

  it('counts a pause in the drag as a release', async () => {
    const { calls, count } = counting();
    const w = slider({ name: 'w', min: 0, max: 100, value: 0 });
    const expensive = cell({ name: 'expensive', inputs: { w: sampled(w) }, run: ({ w }) => (count('e'), w) });
    const engine = createEngine({ id: 't', title: 't', items: [w, expensive] }, { debounceMs: 30 });
    await idle(engine);
    engine.setInput(w, 7, 'live');
    engine.setInput(w, 8, 'live');
    await sleep(80);
    await idle(engine);
    expect(engine.state(expensive).value).toBe(8);
    expect(calls.e).toBe(2);
    engine.dispose();
  });

  it('reads values for the committed inputs, settling a drag in progress first', async () => {
    const w = slider({ name: 'w', min: 0, max: 100, value: 1 });
    const live = cell({ name: 'live', inputs: { w }, run: ({ w }) => w * 2 });
    const settled = cell({ name: 'settled', inputs: { live: sampled(live) }, run: ({ live }) => live + 1 });
    const engine = createEngine({ id: 't', title: 't', items: [w, live, settled] }, { debounceMs: 10_000 });
    await idle(engine);
    engine.setInput(w, 20, 'live');
    expect(await engine.value(settled)).toBe(41);
    expect(engine.inputValues().w).toBe(20);
    engine.dispose();
  });
});

describe('engine: runs dropped for newer inputs', () => {
  it('never shows a hidden cell as failed when its run was dropped because its inputs changed', async () => {
    const k = slider({ name: 'k', min: 0, max: 10, value: 1 });
    const sweep = cell({
      name: 'sweep',
      hidden: true,
      inputs: { k },
      run: ({ k }, { signal }) =>
        new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => resolve(k), 60);
          signal.addEventListener('abort', () => {
            clearTimeout(timer);
            const error = new Error('aborted');
            error.name = 'AbortError';
            reject(error);
          });
        }),
    });
    const chart = cell({ name: 'chart', inputs: { sweep }, run: ({ sweep }) => sweep * 10 });
    const engine = createEngine({ id: 't', title: 't', items: [k, sweep, chart] });
    const seen: string[] = [];
    engine.onState((name, s) => name === 'sweep' && seen.push(s.status));
    await sleep(20);
    engine.setInput(k, 2);
    await idle(engine);
    expect(engine.state(chart).value).toBe(20);
    expect(seen).not.toContain('error');
    expect(engine.state(sweep)).toMatchObject({ status: 'ok', value: 2 });
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
    expect(engine.state(slow).status).toBe('running');
    engine.cancel(slow);
    await idle(engine);
    expect(engine.state(slow)).toMatchObject({ status: 'error', error: { message: expect.stringMatching(/^Cancelled/) } });
    engine.setInput(k, 2);
    await idle(engine);
    expect(engine.state(slow)).toMatchObject({ status: 'ok', value: 2 });
    engine.dispose();
  });
});

describe('engine: big input values', () => {
  it('never serialises a file into messages (a 100 MB file would freeze the page)', async () => {
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
    engine.setInput(file, { name: 'big.csv', bytes: new Uint8Array(1000) });
    await idle(engine);
    expect(engine.state(size).error).toMatchObject({ message: 'too big', trigger: 'file = "big.csv"' });
    engine.dispose();
  });
});

describe('engine: notebookInputs', () => {
  it('holds every setting and follows changes, leaving out host values and the data file', async () => {
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const other = slider({ name: 'other', min: 0, max: 1, value: 0 });
    const service = hostValue({ name: 'service', value: 'x' });
    const file = fileInput({ name: 'file', accept: '.csv' });
    const record = cell({ name: 'record', inputs: { notebookInputs, service, file }, run: ({ notebookInputs }) => notebookInputs });
    const engine = createEngine({ id: 't', title: 't', items: [k, other, service, file, record] });
    await idle(engine);
    expect(engine.state(record).value).toEqual({ k: 4, other: 0 });
    engine.setInput(other, 1);
    await idle(engine);
    expect(engine.state(record).value).toEqual({ k: 4, other: 1 });
    engine.dispose();
  });

  it('records settled values only: a drag does not recompute it, its release does once', async () => {
    const { calls, count } = counting();
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const record = cell({ name: 'record', inputs: { notebookInputs }, run: ({ notebookInputs }) => (count('record'), notebookInputs) });
    const engine = createEngine({ id: 't', title: 't', items: [k, record] }, { debounceMs: 10_000 });
    await idle(engine);
    engine.setInput(k, 5, 'live');
    engine.setInput(k, 6, 'live');
    await idle(engine);
    expect(calls.record).toBe(1);
    expect(engine.state(record).value).toEqual({ k: 4 });
    engine.setInput(k, 6, 'commit');
    await idle(engine);
    expect(calls.record).toBe(2);
    expect(engine.state(record).value).toEqual({ k: 6 });
    engine.dispose();
  });
});

describe('engine: lazy hidden cells', () => {
  it('computes a hidden cell nobody shows only when it is read', async () => {
    const { calls, count } = counting();
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const shown = cell({ name: 'shown', inputs: { k }, run: ({ k }) => (count('shown'), k) });
    const exported = cell({ name: 'exported', hidden: true, inputs: { shown: sampled(shown) }, run: ({ shown }) => (count('exported'), `k=${shown}`) });
    const engine = createEngine({ id: 't', title: 't', items: [k, shown, exported] });
    await idle(engine);
    expect(calls).toEqual({ shown: 1 });
    expect(engine.state(exported).status).toBe('idle');
    for (const v of [5, 6, 7]) {
      engine.setInput(k, v);
      await idle(engine);
    }
    expect(calls.exported).toBeUndefined(); // three settled changes, no export computed
    expect(await engine.value(exported)).toBe('k=7');
    expect(calls.exported).toBe(1);
    expect(engine.state(exported)).toMatchObject({ status: 'ok', value: 'k=7' });
    engine.dispose();
  });

  it('computes only what is read when asked to (a command writing a few results): no visible cell runs unread', async () => {
    const { calls, count } = counting();
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const model = cell({ name: 'model', hidden: true, inputs: { k }, run: ({ k }) => (count('model'), k * 2) });
    const diagnostics = cell({ name: 'diagnostics', inputs: { model }, run: ({ model }) => (count('diagnostics'), model + 1) });
    const exported = cell({ name: 'exported', hidden: true, inputs: { model }, run: ({ model }) => (count('exported'), `m=${model}`) });
    const engine = createEngine({ id: 't', title: 't', items: [k, model, diagnostics, exported] }, { live: false, onRead: true });
    await idle(engine);
    expect(calls).toEqual({});
    expect(await engine.value(exported)).toBe('m=8');
    await idle(engine);
    expect(calls).toEqual({ model: 1, exported: 1 }); // the visible diagnostics never ran
    expect(engine.state(diagnostics).status).toBe('idle');
    engine.dispose();
  });
});
