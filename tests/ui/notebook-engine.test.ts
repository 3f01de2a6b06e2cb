// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/tb-notebook.ts';
import { cell, createEngine, slider, text, webStorageStore, type Notebook } from '../../src/runtime/index.ts';
import type { TbNotebook } from '../../src/ui/tb-notebook.ts';
import { idle, memoryStorage } from '../runtime/helpers.ts';
import { $, $$, settle } from './helpers.ts';

// The shell on a real engine: input-level errors, on-demand frames, suggestions.

afterEach(() => document.body.replaceChildren());

const asOf = text({
  name: 'asOf',
  title: 'As-of date',
  check: (t) => {
    if (t !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(t)) throw new Error('expected YYYY-MM-DD, e.g. 2024-12-31, or empty');
  },
});
const k = slider({ name: 'k', title: 'Clusters (k)', min: 2, max: 10, value: 4 });
const dates = cell({ name: 'dates', title: 'Dates', inputs: { asOf }, run: ({ asOf }) => `as of ${asOf || 'the data'}` });
const report = cell({ name: 'report', title: 'Report', inputs: { dates, k }, run: ({ dates, k }) => `${dates}, k = ${k}` });
const advice = cell({
  name: 'advice',
  title: 'Advice',
  inputs: { k },
  run: ({ k }) => k,
  suggest: (current) => (current === 3 ? [] : [{ input: k, value: 3, label: 'Use k = 3', reason: 'the knee' }]),
});
const bootstrap = cell({ name: 'bootstrap', title: 'Bootstrap', trigger: 'demand', inputs: { report }, run: ({ report }) => `stable: ${report}` });
const notebook: Notebook = { id: 'ui', title: 'UI', items: [asOf, k, dates, report, advice, bootstrap] };

async function page(options: Parameters<typeof createEngine>[1] = {}) {
  const engine = createEngine(notebook, options);
  const el = document.createElement('tb-notebook') as TbNotebook;
  el.engine = engine;
  document.body.append(el);
  await idle(engine);
  await settle(el);
  return { el, engine };
}

describe('tb-notebook on a real engine', () => {
  it('shows an invalid value at its input and leaves the cells as they were (issue 7 point 3)', async () => {
    const { el, engine } = await page();
    const field = $<HTMLInputElement>(el, '[data-input=asOf] input');
    field.value = '31/12/2024';
    field.dispatchEvent(new Event('change'));
    await idle(engine);
    await settle(el);
    expect($(el, '[data-input=asOf] .problem').textContent).toBe('invalid asOf: "31/12/2024" (expected YYYY-MM-DD, e.g. 2024-12-31, or empty)');
    expect(field.value).toBe(''); // the control shows the value in force
    expect($$(el, 'tb-cell-frame').map((f) => (f as HTMLElementTagNameMap['tb-cell-frame']).state?.status)).toEqual(['ok', 'ok', 'ok', 'idle']);
    field.value = '2024-12-31';
    field.dispatchEvent(new Event('change'));
    await idle(engine);
    await settle(el);
    expect(el.shadowRoot!.querySelector('[data-input=asOf] .problem')).toBeNull();
    expect(engine.state(report).value).toBe('as of 2024-12-31, k = 4');
    engine.dispose();
  });

  it('reports a refused stored value once, at its input', async () => {
    const storage = memoryStorage();
    storage.setItem('tierbook:ui:inputs', JSON.stringify({ kind: 'tierbook-inputs', version: 1, values: { k: 2.5 } }));
    const { el, engine } = await page({ store: webStorageStore(storage) });
    expect($(el, '[data-input=k] .problem').textContent).toBe('invalid k: 2.5 (expected a whole number from 2 to 10); the default is used instead.');
    engine.dispose();
  });

  it('applies a suggestion in one click', async () => {
    const { el, engine } = await page();
    const button = $<HTMLButtonElement>($(el, '#cell-advice'), 'button.suggest');
    expect(button.textContent?.replace(/\s+/g, ' ').trim()).toBe('Use k = 3 (the knee)');
    button.click();
    await idle(engine);
    await settle(el);
    expect(engine.getInput(k)).toBe(3);
    expect($(el, '#cell-advice').shadowRoot!.querySelector('button.suggest')).toBeNull();
    engine.dispose();
  });

  it('runs an on-demand cell from its frame, then marks it out of date with what changed', async () => {
    const { el, engine } = await page();
    const frame = $(el, '#cell-bootstrap');
    expect($(frame, '[part=status]').textContent).toContain('Not run');
    $<HTMLButtonElement>(frame, 'button.run').click();
    await idle(engine);
    await settle(el);
    expect(engine.state(bootstrap).value).toBe('stable: as of the data, k = 4');
    expect($(frame, '[part=status]').textContent).toContain('OK');
    engine.setInput(k, 6);
    await idle(engine);
    await settle(el);
    expect($(frame, '.chip.out-of-date').textContent).toBe('Out of date');
    expect($(frame, '.note.stale li').textContent?.replace(/\s+/g, ' ').trim()).toBe('Clusters (k) 4 → 6');
    expect($(frame, 'button.run').textContent?.trim()).toBe('Run again');
    engine.dispose();
  });
});
