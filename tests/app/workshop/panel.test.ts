// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine, slider, type Notebook } from '../../../src/runtime/index.ts';
import '../../../src/app/workshop/tb-workshop-panel.ts';
import { workshopStore } from '../../../src/app/workshop/workshop-store.ts';
import { readScenariosFile } from '../../../src/app/workshop/scenario-file.ts';
import { memoryStorage } from '../../runtime/helpers.ts';
import { testHost } from './host.ts';
import { $, $$, XSS, settle } from '../../ui/helpers.ts';

afterEach(() => document.body.replaceChildren());

const k = slider({ name: 'k', title: 'Clusters (k)', min: 2, max: 8, value: 4 });
const nb: Notebook = { id: 'panel', title: 'panel', items: [k] };

async function panel() {
  const engine = createEngine(nb);
  const storage = memoryStorage();
  const downloads: { name: string; text: string }[] = [];
  const el = document.createElement('tb-workshop-panel');
  el.host = testHost(engine, storage, downloads, { id: 'one', title: `1. ${XSS}` });
  el.load();
  document.body.append(el);
  await settle(el);
  return { el, engine, storage, downloads };
}

const submit = async (el: HTMLElement, form: string) => {
  $(el, form).dispatchEvent(new Event('submit', { cancelable: true }));
  await new Promise((r) => setTimeout(r, 0));
  await settle(el);
};

describe('the workshop panel', () => {
  it('saves scenarios and records decisions, showing names and text as text, and keeps them in storage', async () => {
    const { el, engine, storage } = await panel();
    $<HTMLInputElement>(el, '#scenario-name').value = XSS;
    await submit(el, 'form.save');
    engine.setInput('k', 6);
    $<HTMLInputElement>(el, '#scenario-name').value = 'Ops: k = 6';
    await submit(el, 'form.save');
    $<HTMLTextAreaElement>(el, '#decision-text').value = `Gold ${XSS}`;
    await submit(el, 'form.decide');
    expect($$(el, 'img')).toHaveLength(0);
    expect($$(el, 'tr[data-scenario] th').map((th) => th.textContent?.trim())).toEqual([XSS, 'Ops: k = 6']);
    expect($(el, 'li[data-decision] p').textContent).toBe(`Gold ${XSS}`);
    expect(el.state.scenarios.map((s) => s.inputs)).toEqual([{ k: 4 }, { k: 6 }]);
    expect(el.decisions()[0]).toMatchObject({ section: 'one', sectionTitle: `1. ${XSS}`, kind: 'decision' });
    const reloaded = workshopStore(storage, nb.id).load().state;
    expect(reloaded.scenarios).toHaveLength(2);
    expect(reloaded.decisions).toHaveLength(1);
    engine.dispose();
  });

  it('refuses a duplicate name in words, and chooses a scenario through the engine', async () => {
    const { el, engine } = await panel();
    $<HTMLInputElement>(el, '#scenario-name').value = 'Base';
    await submit(el, 'form.save');
    $<HTMLInputElement>(el, '#scenario-name').value = 'Base';
    await submit(el, 'form.save');
    expect($(el, 'output').textContent).toBe('a scenario named "Base" exists: choose another name, or delete that one first');
    engine.setInput('k', 7);
    $<HTMLButtonElement>(el, 'button.choose').click();
    await new Promise((r) => setTimeout(r, 0));
    await settle(el);
    expect(engine.getInput('k')).toBe(4);
    expect(el.state.scenarios[0].chosen).toBe(true);
    engine.dispose();
  });

  it('exports one file that reads back with its scenarios and decisions', async () => {
    const { el, engine, downloads } = await panel();
    $<HTMLInputElement>(el, '#scenario-name').value = 'Base';
    await submit(el, 'form.save');
    $<HTMLTextAreaElement>(el, '#decision-text').value = 'k = 4';
    await submit(el, 'form.decide');
    $<HTMLButtonElement>(el, '#export-scenarios').click();
    expect(downloads[0].name).toBe('tierbook-scenarios-panel.json');
    const read = readScenariosFile(downloads[0].text, downloads[0].name, 'panel', new Map([['k', k]]));
    expect(read.scenarios.map((s) => s.name)).toEqual(['Base']);
    expect(read.decisions.map((d) => d.text)).toEqual(['k = 4']);
    engine.dispose();
  });
});
