import { describe, expect, it } from 'vitest';
import { cell, createEngine, slider, type Notebook } from '../../src/runtime/index.ts';
import { idle } from './helpers.ts';

/** A paint the test releases by hand, so the order of runs around it can be read. */
function manualPaint() {
  const waiting: (() => void)[] = [];
  return {
    afterPaint: () => new Promise<void>((resolve) => waiting.push(resolve)),
    paint: () => waiting.splice(0).forEach((resolve) => resolve()),
    pending: () => waiting.length,
  };
}

function notebook(order: string[]) {
  const k = slider({ name: 'k', min: 1, max: 10, value: 2 });
  const chart = cell({ name: 'chart', inputs: { k }, run: ({ k }) => (order.push(`chart ${k}`), k) });
  const table = cell({ name: 'table', deferred: true, inputs: { chart }, run: ({ chart }) => (order.push(`table ${chart}`), chart * 10) });
  const nb: Notebook = { id: 'd', title: 'd', items: [k, chart, table] };
  return { nb, k, chart, table };
}

describe('engine: deferred cells', () => {
  it('run after the page has painted what changed, with the same results', async () => {
    const order: string[] = [];
    const { nb, k, table } = notebook(order);
    const page = manualPaint();
    const engine = createEngine(nb, { afterPaint: page.afterPaint });
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['chart 2']);
    expect(page.pending()).toBe(1);
    page.paint();
    await idle(engine);
    expect(order).toEqual(['chart 2', 'table 2']);
    engine.setInput(k, 3);
    await new Promise((r) => setTimeout(r, 20));
    expect(order).toEqual(['chart 2', 'table 2', 'chart 3']);
    page.paint();
    await idle(engine);
    expect(engine.state(table).value).toBe(30);
    engine.dispose();
  });

  it('do not run for a change superseded while they waited', async () => {
    const order: string[] = [];
    const { nb, k, table } = notebook(order);
    const page = manualPaint();
    const engine = createEngine(nb, { afterPaint: page.afterPaint });
    await new Promise((r) => setTimeout(r, 20));
    engine.setInput(k, 5);
    await new Promise((r) => setTimeout(r, 20));
    page.paint();
    await new Promise((r) => setTimeout(r, 20));
    page.paint();
    await idle(engine);
    expect(order.filter((o) => o.startsWith('table'))).toEqual(['table 5']);
    expect(engine.state(table).value).toBe(50);
    engine.dispose();
  });

  it('run at once headless (no afterPaint)', async () => {
    const order: string[] = [];
    const { nb, table } = notebook(order);
    const engine = createEngine(nb, { live: false });
    expect(await engine.value(table)).toBe(20);
    expect(order).toEqual(['chart 2', 'table 2']);
    engine.dispose();
  });
});
