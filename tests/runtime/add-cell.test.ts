import { describe, expect, it } from 'vitest';
import { cell, createEngine, sampled, slider, type Notebook } from '../../src/runtime/index.ts';
import { idle } from './helpers.ts';

function notebook() {
  const a = slider({ name: 'a', min: 0, max: 10, value: 1 });
  const double = cell({ name: 'double', inputs: { a }, run: ({ a }) => a * 2 });
  const hiddenSum = cell({
    name: 'hiddenSum',
    hidden: true,
    inputs: { a, double },
    run: ({ a, double }) => a + double,
  });
  const nb: Notebook = { id: 't', title: 't', items: [a, double] };
  return { a, double, hiddenSum, nb };
}

describe('engine: cells added at run time (user-defined cells)', () => {
  it('runs an added cell on the current values and again on every change upstream, then removes it', async () => {
    const { a, double, nb } = notebook();
    const engine = createEngine(nb);
    const runs: number[] = [];
    const mine = cell({
      name: 'mine',
      inputs: { double },
      run: ({ double }) => (runs.push(double), double + 1),
    });
    const remove = engine.addCell(mine);
    await idle(engine);
    expect(engine.state(mine).value).toBe(3);
    expect(await engine.value(mine)).toBe(3);
    engine.setInput(a, 4);
    await idle(engine);
    expect(engine.state(mine).value).toBe(9);
    remove();
    engine.setInput(a, 5);
    await idle(engine);
    expect(runs).toEqual([2, 8]);
    expect(engine.node('mine')).toBeUndefined();
    await expect(engine.value(mine)).rejects.toThrow(/unknown node "mine"/);
    engine.dispose();
  });

  it('computes a hidden cell of the notebook it reads; its failure is its own, shown in its state', async () => {
    const { hiddenSum, nb } = notebook();
    const engine = createEngine(nb);
    // the hidden cell is not in the items: it becomes known to the engine only through the notebook's nodes
    const withHidden = createEngine({ ...nb, items: [...nb.items, hiddenSum] });
    const failing = cell({
      name: 'failing',
      inputs: { hiddenSum },
      run: ({ hiddenSum }): number => {
        throw new Error(`no ${hiddenSum}`);
      },
    });
    withHidden.addCell(failing);
    await idle(withHidden);
    expect(withHidden.state(failing)).toMatchObject({
      status: 'error',
      error: { cell: 'failing', message: 'no 3' },
    });
    expect(() => engine.addCell(failing)).toThrow(
      '"failing" reads "hiddenSum", which is not a node of notebook "t"',
    );
    engine.dispose();
    withHidden.dispose();
  });

  it('refuses a taken name and sampled or on-demand cells', () => {
    const { double, nb } = notebook();
    const engine = createEngine(nb);
    expect(() => engine.addCell(cell({ name: 'double', inputs: {}, run: () => 1 }))).toThrow(
      'a cell or input named "double" already exists',
    );
    expect(() => engine.addCell(cell({ name: 'x', inputs: { d: sampled(double) }, run: () => 1 }))).toThrow(
      /directly, not sampled/,
    );
    expect(() => engine.addCell(cell({ name: 'y', trigger: 'demand', inputs: {}, run: () => 1 }))).toThrow(
      /runs on change/,
    );
    engine.dispose();
  });
});
