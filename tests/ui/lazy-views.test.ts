// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/tb-notebook.ts';
import type { Notebook } from '../../src/runtime/state.ts';
import type { TbNotebook } from '../../src/ui/tb-notebook.ts';
import type { TbCellFrame } from '../../src/ui/tb-cell-frame.ts';
import { lazyModule, ModulePending } from '../../src/ui/lazy-module.ts';
import { plotForwarder, plotModule } from '../../src/ui/charts/plot-loader.ts';
import { cellNode, fakeEngine } from './fake-engine.ts';
import { $, settle } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

/** A module whose load the test finishes by hand. */
function controlled() {
  let finish: (m: { draw: (v: unknown) => string }) => void = () => {};
  let loads = 0;
  const module = lazyModule('the test charts', () => {
    loads++;
    return new Promise<{ draw: (v: unknown) => string }>((resolve) => (finish = resolve));
  });
  return { module, finish: (m: { draw: (v: unknown) => string }) => finish(m), loads: () => loads };
}

describe('lazyModule', () => {
  it('throws ModulePending until the module is there, loading it once', async () => {
    const { module, finish, loads } = controlled();
    expect(module.loaded).toBe(false);
    let pending: unknown;
    try {
      module.get();
    } catch (error) {
      pending = error;
    }
    expect(pending).toBeInstanceOf(ModulePending);
    expect((pending as ModulePending).message).toBe('the test charts is still loading');
    expect(() => module.get()).toThrow(ModulePending);
    expect(loads()).toBe(1);
    finish({ draw: (v) => `chart of ${String(v)}` });
    await (pending as ModulePending).ready;
    expect(module.get().draw(3)).toBe('chart of 3');
    expect(module.loaded).toBe(true);
  });

  it('rethrows a failed load to the view that needs it', async () => {
    const module = lazyModule('the test charts', () => Promise.reject(new Error('Failed to fetch dynamically imported module')));
    await expect(module.load()).rejects.toThrow('Failed to fetch');
    expect(() => module.get()).toThrow('Failed to fetch');
  });
});

describe('a view that needs a module still loading', () => {
  it('shows its cell as pending, then draws the view once the module arrives', async () => {
    const { module, finish } = controlled();
    const chart = cellNode('chart', {
      title: 'Chart',
      view: (value, { document }) => {
        const div = document.createElement('div');
        div.className = 'drawn';
        div.textContent = module.get().draw(value);
        return div;
      },
    });
    const text = cellNode('text', { title: 'Text', view: (value) => `value ${String(value)}` });
    const notebook: Notebook = { id: 'lazy', title: 'Lazy views', items: [chart, text] };
    const engine = fakeEngine(notebook);
    const el = document.createElement('tb-notebook') as TbNotebook;
    el.engine = engine;
    document.body.append(el);
    engine.emit('chart', { status: 'ok', hasValue: true, value: 7, version: 1 });
    engine.emit('text', { status: 'ok', hasValue: true, value: 8, version: 1 });
    await settle(el);
    const frame = $<TbCellFrame>(el, '#cell-chart');
    // Waiting: the frame says pending and draws nothing; a view without the module is not held up.
    expect(frame.state?.status).toBe('pending');
    expect(frame.querySelector('.drawn')).toBeNull();
    expect($<TbCellFrame>(el, '#cell-text').state?.status).toBe('ok');
    expect($<TbCellFrame>(el, '#cell-text').textContent).toContain('value 8');
    finish({ draw: (v) => `chart of ${String(v)}` });
    await module.load();
    await settle(el);
    expect(frame.state?.status).toBe('ok');
    expect(frame.querySelector('.drawn')?.textContent).toBe('chart of 7');
  });
});

describe('plotForwarder', () => {
  it('calls the loaded Plot function of the same name', async () => {
    await plotModule.load();
    const ruleX = plotForwarder('ruleX') as (data: number[]) => unknown;
    const plot = await import('@observablehq/plot');
    expect(ruleX([1, 2])).toBeInstanceOf(plot.RuleX);
  });
});
