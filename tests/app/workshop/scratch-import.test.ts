// @vitest-environment jsdom
// A scenario file carries the analyst's scratch cells; importing one never runs them before the
// person confirms (the scratch panel's own question), and declining keeps the scenarios only.
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, slider, type Notebook } from '../../../src/runtime/index.ts';
import '../../../src/app/workshop/tb-workshop-panel.ts';
import { scenariosFileText } from '../../../src/app/workshop/scenario-file.ts';
import { createScratchPanel } from '../../../src/ui/scratch/scratch-panel.ts';
import { scratchStorageKey } from '../../../src/ui/scratch/scratch-model.ts';
import type { ScratchEvaluator } from '../../../src/ui/scratch/sandbox.ts';
import { memoryStorage } from '../../runtime/helpers.ts';
import { testHost } from './host.ts';
import { $, $$, XSS, settle } from '../../ui/helpers.ts';

afterEach(() => document.body.replaceChildren());

const k = slider({ name: 'k', title: 'Clusters (k)', min: 2, max: 8, value: 4 });
const nb: Notebook = { id: 'panel', title: 'panel', items: [k] };
const AT = '2025-03-04T10:00:00.000Z';
const CELLS = [
  { name: 'kTimes100', expression: 'k * 100' },
  { name: 'hostile', expression: `"${XSS.replaceAll('"', "'")}"` },
];
const SCENARIO = { id: 's1', name: 'Base', savedAt: AT, inputs: { k: 5 }, data: { source: 'orders.csv', fingerprint: null }, compare: false, chosen: false };
const DECISION = { id: 'd1', section: 'one', sectionTitle: 'One', kind: 'decision' as const, text: 'k = 5', at: AT, scenario: null };

async function setup(answer: boolean) {
  const engine = createEngine(nb);
  const storage = memoryStorage();
  const runs: string[] = [];
  const asked: string[] = [];
  // Records every expression it is asked to run: none may run before a yes.
  const evaluator: ScratchEvaluator = {
    evaluate: (expression, values) => (runs.push(expression), Promise.resolve(expression === 'k * 100' ? Number(values.k) * 100 : expression)),
    dispose: () => undefined,
  };
  const scratch = createScratchPanel(document, engine, { storage, evaluator, download: () => undefined, confirm: (message) => (asked.push(message), answer) });
  const downloads: { name: string; text: string }[] = [];
  const el = document.createElement('tb-workshop-panel');
  el.host = testHost(engine, storage, downloads);
  el.scratch = scratch;
  el.load();
  document.body.append(el, scratch.element);
  await settle(el);
  return { el, engine, storage, scratch, runs, asked, downloads };
}

async function importText(el: HTMLElement, text: string, name = 'room.json') {
  const input = $<HTMLInputElement>(el, '#import-scenarios');
  Object.defineProperty(input, 'files', { configurable: true, value: [{ name, text: () => Promise.resolve(text) }] });
  input.dispatchEvent(new Event('change'));
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
  await settle(el);
}

const fileWithCells = scenariosFileText('panel', [SCENARIO], [DECISION], AT, CELLS);

describe('scratch cells in the scenario file', () => {
  it('declined: imports the scenarios and decisions only, lists the code as text first, and runs nothing', async () => {
    const { el, engine, storage, scratch, runs, asked } = await setup(false);
    await importText(el, fileWithCells);
    expect(el.state.scenarios.map((s) => s.name)).toEqual(['Base']);
    expect(el.decisions().map((d) => d.text)).toEqual(['k = 5']);
    expect(asked).toHaveLength(1);
    expect(asked[0]).toContain('room.json holds 2 scratch cells with code that will run in the sandbox:');
    expect(asked[0]).toContain('kTimes100 = k * 100');
    expect(scratch.cells()).toEqual([]);
    expect(engine.node('kTimes100')).toBeUndefined();
    expect(storage.getItem(scratchStorageKey(nb.id))).toBeNull();
    expect($$(scratch.element, '.tb-scratch-cell')).toHaveLength(0);
    expect(runs).toEqual([]);
    expect($(el, 'output').textContent).toBe('Imported 1 scenario from room.json. Its 2 scratch cells were not added (not confirmed).');
    engine.dispose();
  });

  it('confirmed: adds the cells through the scratch panel, which runs them and keeps them; markup stays text', async () => {
    const { el, engine, storage, scratch, runs, asked } = await setup(true);
    await importText(el, fileWithCells);
    expect(asked).toHaveLength(1);
    expect(scratch.cells()).toEqual(CELLS);
    expect(JSON.parse(storage.getItem(scratchStorageKey(nb.id)) ?? '[]')).toEqual(CELLS);
    expect(await engine.value(engine.node('kTimes100')!)).toBe(400);
    expect(runs).toContain('k * 100');
    expect($$(scratch.element, 'img')).toHaveLength(0);
    expect($(el, 'output').textContent).toBe('Imported 1 scenario from room.json. Added 2 scratch cells.');
    // a second import of the same file asks nothing: the cells are here
    await importText(el, fileWithCells);
    expect(asked).toHaveLength(1);
    expect($(el, 'output').textContent).toBe('Imported 0 scenarios from room.json (1 already here). Its 2 scratch cells are already here.');
    engine.dispose();
  });

  it('a cell whose name the notebook already uses: nothing is asked or added, the scenarios still come in', async () => {
    const { el, engine, scratch, asked } = await setup(true);
    await importText(el, scenariosFileText('panel', [SCENARIO], [], AT, [{ name: 'k', expression: '1' }]));
    expect(asked).toEqual([]);
    expect(scratch.cells()).toEqual([]);
    expect(el.state.scenarios).toHaveLength(1);
    expect($(el, 'output').textContent).toBe('Imported 1 scenario from room.json. Its scratch cells were not added: room.json: invalid scratch cell name: "k" is already a cell or input of this notebook');
    expect($(el, 'output').dataset.tone).toBe('warn');
    engine.dispose();
  });

  it('without the scratch panel, the cells are reported and not added', async () => {
    const { el, engine, asked } = await setup(true);
    el.scratch = undefined;
    await importText(el, fileWithCells);
    expect(asked).toEqual([]);
    expect($(el, 'output').textContent).toBe('Imported 1 scenario from room.json. Its 2 scratch cells were not added: scratch cells are not available on this page.');
    engine.dispose();
  });

  it('exports the scratch cells kept in this browser with the scenarios', async () => {
    const { el, engine, scratch, downloads } = await setup(true);
    await scratch.offer(CELLS, 'mine.json');
    $<HTMLButtonElement>(el, '#export-scenarios').click();
    await settle(el);
    expect(JSON.parse(downloads[0].text).scratch).toEqual(CELLS);
    expect($(el, 'output').textContent).toBe('Exported 0 scenarios, 0 decisions and 2 scratch cells.');
    engine.dispose();
  });
});
