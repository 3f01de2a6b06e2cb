import { describe, expect, it } from 'vitest';
import { cell, createEngine, ifRun, select, slider, weights } from '../../src/runtime/index.ts';
import { counting, idle, sleep } from './helpers.ts';

function notebook(runMs = 0) {
  const { calls, count } = counting();
  const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
  const method = select({ name: 'method', options: ['fast', 'slow'] as const, value: 'fast' });
  const keys = cell({ name: 'keys', hidden: true, inputs: {}, run: () => ['a', 'b'] as readonly string[] });
  const w = weights({ name: 'w', keys });
  const prepared = cell({ name: 'prepared', inputs: { k, w }, run: ({ k, w }) => (count('prepared'), k * (w.a ?? 1)) });
  const lanes: string[] = [];
  const progress: number[] = [];
  const bootstrap = cell({
    name: 'bootstrap',
    title: 'Bootstrap',
    trigger: 'demand',
    inputs: { prepared, method },
    run: async ({ prepared, method }, { signal, lane, progress: report }) => {
      count('bootstrap');
      lanes.push(lane);
      for (let step = 1; step <= 4; step++) {
        if (signal.aborted) {
          const error = new Error('cancelled');
          error.name = 'AbortError';
          throw error;
        }
        report(step / 4, `replicate ${step}`);
        progress.push(step / 4);
        await sleep(runMs / 4);
      }
      return `${method}:${prepared}`;
    },
  });
  const summary = cell({ name: 'summary', inputs: { bootstrap }, run: ({ bootstrap }) => (count('summary'), bootstrap.toUpperCase()) });
  const nb = { id: 'd', title: 'd', items: [k, method, w, prepared, bootstrap, summary] };
  return { nb, calls, lanes, progress, k, w, method, bootstrap, summary, prepared };
}

describe('on-demand cells', () => {
  it('neither runs on load nor on an input change; runs when asked, in the background lane, with progress', async () => {
    const t = notebook();
    const engine = createEngine(t.nb);
    await idle(engine);
    expect(t.calls.bootstrap).toBeUndefined();
    expect(engine.state(t.bootstrap)).toMatchObject({ status: 'idle', waitingFor: 'bootstrap', hasValue: false });
    expect(engine.state(t.summary)).toMatchObject({ status: 'idle', waitingFor: 'bootstrap' });
    await expect(engine.value(t.summary)).rejects.toThrow('summary needs "Bootstrap", which runs only when asked: run it first');

    engine.setInput(t.k, 5);
    await idle(engine);
    expect(t.calls.bootstrap).toBeUndefined();

    await engine.run(t.bootstrap);
    await idle(engine);
    expect(t.calls.bootstrap).toBe(1);
    expect(t.lanes).toEqual(['background']);
    expect(t.progress).toEqual([0.25, 0.5, 0.75, 1]);
    expect(engine.state(t.bootstrap)).toMatchObject({ status: 'ok', value: 'fast:5', stale: undefined });
    expect(engine.state(t.summary)).toMatchObject({ status: 'ok', value: 'FAST:5' });
    expect(await engine.value(t.bootstrap)).toBe('fast:5');
    engine.dispose();
  });

  it('keeps its last output when an input changes, marked stale with what changed, until it runs again', async () => {
    const t = notebook();
    const engine = createEngine(t.nb);
    await engine.run(t.bootstrap);
    await idle(engine);
    engine.setInput(t.k, 6);
    engine.setInput(t.w, { a: 2 });
    engine.setInput(t.method, 'slow');
    await idle(engine);
    expect(t.calls.bootstrap).toBe(1);
    const state = engine.state(t.bootstrap);
    expect(state).toMatchObject({ status: 'ok', value: 'fast:4' });
    expect(state.stale?.cell).toBe('bootstrap');
    expect(state.stale?.changes).toEqual([
      { input: 'k', title: 'k', before: '4', after: '6' },
      { input: 'w', title: 'w', before: '(none)', after: 'a=2' },
      { input: 'method', title: 'method', before: 'fast', after: 'slow' },
    ]);
    // Downstream cells show the same staleness: they were computed from the stale result.
    expect(engine.state(t.summary)).toMatchObject({ status: 'ok', value: 'FAST:4', stale: { cell: 'bootstrap' } });

    // Changing the inputs back makes it current again without a run.
    engine.setInput(t.k, 4);
    engine.setInput(t.w, {});
    engine.setInput(t.method, 'fast');
    await idle(engine);
    expect(engine.state(t.bootstrap).stale).toBeUndefined();

    engine.setInput(t.k, 7);
    await engine.run(t.bootstrap);
    await idle(engine);
    expect(t.calls.bootstrap).toBe(2);
    expect(engine.state(t.bootstrap)).toMatchObject({ status: 'ok', value: 'fast:7', stale: undefined });
    engine.dispose();
  });

  it('stops on Cancel, keeping the previous result; an input change during a run does not restart it', async () => {
    const t = notebook(200);
    const engine = createEngine(t.nb);
    await engine.run(t.bootstrap);
    const first = engine.run(t.bootstrap);
    await sleep(60);
    expect(engine.state(t.bootstrap).status).toBe('running');
    engine.cancel(t.bootstrap);
    await first;
    await idle(engine);
    expect(engine.state(t.bootstrap)).toMatchObject({ status: 'ok', value: 'fast:4', notice: 'Cancelled; the result of the previous run is kept.' });
    expect(t.progress.filter((p) => p === 1)).toHaveLength(1); // the cancelled run never finished

    const second = engine.run(t.bootstrap);
    await sleep(60);
    engine.setInput(t.k, 9); // the run keeps going on the inputs it started with
    await sleep(20);
    expect(engine.state(t.bootstrap).status).toBe('running');
    await second;
    await idle(engine);
    expect(t.calls.bootstrap).toBe(3);
    expect(engine.state(t.bootstrap)).toMatchObject({ status: 'ok', value: 'fast:4', stale: { changes: [{ input: 'k', before: '4', after: '9' }] } });
    engine.dispose();
  });

  it('reads settled values: a drag in progress is released before it runs', async () => {
    const t = notebook();
    const engine = createEngine(t.nb, { debounceMs: 10_000 });
    await idle(engine);
    engine.setInput(t.k, 8, 'live');
    await engine.run(t.bootstrap);
    expect(engine.state(t.bootstrap).value).toBe('fast:8');
    expect(engine.inputValues().k).toBe(8);
    engine.dispose();
  });

  it('shows a failing run as its error and runs again when asked', async () => {
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const cause = new Error('too few customers for 100 replicates');
    let fail = true;
    const job = cell({
      name: 'job',
      trigger: 'demand',
      inputs: { k },
      run: ({ k }) => {
        if (fail) throw cause;
        return k;
      },
    });
    const engine = createEngine({ id: 'f', title: 'f', items: [k, job] });
    await engine.run(job);
    expect(engine.state(job)).toMatchObject({ status: 'error', error: { cell: 'job', message: 'too few customers for 100 replicates' } });
    expect(engine.state(job).error?.cause).toBe(cause);
    fail = false;
    await engine.run(job);
    expect(engine.state(job)).toMatchObject({ status: 'ok', value: 4 });
    engine.dispose();
  });
});

describe('ifRun edges: an on-demand result when current, else null', () => {
  function withExport(runMs = 0) {
    const t = notebook(runMs);
    const { calls, count } = counting();
    const exported = cell({
      name: 'exported',
      hidden: true,
      inputs: { prepared: t.prepared, bootstrap: ifRun(t.bootstrap) },
      run: ({ prepared, bootstrap }) => (count('exported'), { prepared, bootstrap }),
    });
    return { ...t, exported, exportCalls: calls, nb: { ...t.nb, items: [...t.nb.items, exported] } };
  }

  it('reads null before the cell has run, its value once it has, and null again once it is out of date', async () => {
    const t = withExport();
    const engine = createEngine(t.nb);
    await idle(engine);
    // never held idle by the cell it reads through ifRun
    expect(await engine.value(t.exported)).toEqual({ prepared: 4, bootstrap: null });
    await engine.run(t.bootstrap);
    expect(await engine.value(t.exported)).toEqual({ prepared: 4, bootstrap: 'fast:4' });
    engine.setInput(t.method, 'slow');
    await idle(engine);
    expect(engine.state(t.bootstrap).stale).toBeDefined();
    const state = await engine.value(t.exported);
    expect(state).toEqual({ prepared: 4, bootstrap: null });
    expect(engine.state(t.exported).stale).toBeUndefined(); // not marked stale by it
    engine.setInput(t.method, 'fast'); // back to the values it ran with: current again, without a run
    await idle(engine);
    expect(await engine.value(t.exported)).toEqual({ prepared: 4, bootstrap: 'fast:4' });
    expect(t.calls.bootstrap).toBe(1);
    engine.dispose();
  });

  it('reads null for a failed run and never blocks the reader', async () => {
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const job = cell({ name: 'job', trigger: 'demand', inputs: { k }, run: (): number => { throw new Error('no'); } });
    const reader = cell({ name: 'reader', inputs: { k, job: ifRun(job) }, run: ({ k, job }) => `${k}:${job}` });
    const engine = createEngine({ id: 'f', title: 'f', items: [k, job, reader] });
    await engine.run(job);
    await idle(engine);
    expect(engine.state(job).status).toBe('error');
    expect(engine.state(reader)).toMatchObject({ status: 'ok', value: '4:null' });
    engine.dispose();
  });

  it('is refused on a cell that is not on demand, naming both', () => {
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const plain = cell({ name: 'plain', inputs: { k }, run: ({ k }) => k });
    const reader = cell({ name: 'reader', inputs: { plain: ifRun(plain as never) }, run: () => 1 });
    expect(() => createEngine({ id: 'f', title: 'f', items: [k, plain, reader] })).toThrow('cell "reader": ifRun(plain) reads on-demand cells only');
  });
});

describe('runAll: a section of on-demand cells run in order', () => {
  function section(runMs: number) {
    const k = slider({ name: 'k', min: 2, max: 10, value: 4 });
    const order: string[] = [];
    const job = (name: string, fail = false) =>
      cell({
        name,
        trigger: 'demand',
        inputs: { k },
        run: async ({ k }, { signal }) => {
          order.push(name);
          await sleep(runMs);
          if (signal.aborted) {
            const error = new Error('cancelled');
            error.name = 'AbortError';
            throw error;
          }
          if (fail) throw new Error(`${name} failed`);
          return `${name}:${k}`;
        },
      });
    const a = job('a');
    const b = job('b', true);
    const c = job('c');
    return { order, a, b, c, nb: { id: 's', title: 's', items: [k, a, b, c] } };
  }

  it('runs every cell one after another; a failure moves on to the next', async () => {
    const s = section(5);
    const engine = createEngine(s.nb);
    await engine.runAll([s.a, s.b, 'c']);
    expect(s.order).toEqual(['a', 'b', 'c']);
    expect(engine.state(s.a)).toMatchObject({ status: 'ok', value: 'a:4' });
    expect(engine.state(s.b)).toMatchObject({ status: 'error' });
    expect(engine.state(s.c)).toMatchObject({ status: 'ok', value: 'c:4' });
    engine.dispose();
  });

  it('stops the rest when the cell running is cancelled', async () => {
    const s = section(80);
    const engine = createEngine(s.nb);
    const all = engine.runAll([s.a, s.b, s.c]);
    await sleep(20);
    expect(engine.state(s.a).status).toBe('running');
    engine.cancel(s.a);
    await all;
    await idle(engine);
    expect(s.order).toEqual(['a']);
    expect(engine.state(s.a)).toMatchObject({ status: 'idle', notice: 'Cancelled.' });
    expect(engine.state(s.c).status).toBe('idle');
    engine.dispose();
  });
});
