// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../src/ui/tb-notebook.ts';
import type { Node } from '../../src/runtime/node.ts';
import type { Notebook } from '../../src/runtime/state.ts';
import type { TbNotebook } from '../../src/ui/tb-notebook.ts';
import { cellNode, fakeEngine, inputNode } from './fake-engine.ts';
import { $, $$, XSS, key, settle } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

const featureList = cellNode('featureList', { title: 'Feature list', hidden: true });
const k = inputNode('k', { kind: 'slider', min: 2, max: 12, step: 1, integer: true, unit: 'clusters' }, 6, {
  title: 'Clusters (k)',
  description: 'How many clusters k-means looks for.',
});
const scaling = inputNode('scaling', { kind: 'select', options: ['zscore', 'minmax'] }, 'zscore', {
  title: 'Scaling',
});
const features = inputNode(
  'features',
  { kind: 'multiselect', options: featureList as Node<readonly string[]> },
  ['margin'],
  {
    title: 'Features',
  },
);
const weights = inputNode(
  'weights',
  { kind: 'weights', keys: features as Node<readonly string[]>, min: 0, max: 3, step: 0.5 },
  {},
  { title: 'Weights' },
);
const file = inputNode('file', { kind: 'file', accept: '.csv' }, null, { title: 'Data file' });
const host = inputNode('host', { kind: 'hidden' }, {});
const viewSpy = vi.fn((value: unknown, { document }: { document: Document; width: number }) => {
  const div = document.createElement('div');
  div.className = 'km-view';
  div.textContent = `k-means found ${String(value)}`;
  return div;
});
const km = cellNode('km', { title: 'k-means', view: viewSpy, description: 'Clusters customers.' });
const pca = cellNode('pca', { title: 'PCA', view: () => `note ${XSS}` });
const summary = cellNode('summary', { title: 'Summary' });

const notebook: Notebook = {
  id: 'test',
  title: 'Segmentation test',
  description: 'A notebook for the shell tests.',
  items: [
    { kind: 'prose', id: 'intro', title: '1. Data', text: `First paragraph ${XSS}.\n\nSecond paragraph.` },
    file,
    host,
    featureList,
    { kind: 'prose', id: 'cluster', title: '2. Clusters', text: 'Pick k.' },
    features,
    weights,
    scaling,
    k,
    km,
    pca,
    summary,
  ],
};

async function page() {
  const engine = fakeEngine(notebook);
  engine.emit('featureList', {
    status: 'ok',
    hasValue: true,
    value: ['margin', 'cts', 'orders'],
    version: 1,
  });
  const el = document.createElement('tb-notebook') as TbNotebook;
  el.engine = engine;
  document.body.append(el);
  await settle(el);
  return { el, engine };
}

describe('tb-notebook', () => {
  it('renders header, prose as text and a table of contents with status dots', async () => {
    const { el, engine } = await page();
    expect($(el, 'h1').textContent).toBe('Segmentation test');
    expect($(el, '.lede').textContent).toBe('A notebook for the shell tests.');
    const paragraphs = $$(el, '#section-intro p').map((p) => p.textContent);
    expect(paragraphs).toEqual([`First paragraph ${XSS}.`, 'Second paragraph.']);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    const toc = $$<HTMLAnchorElement>(el, 'nav.toc a');
    expect(toc.map((a) => a.getAttribute('href'))).toEqual([
      '#section-intro',
      '#section-cluster',
      '#cell-km',
      '#cell-pca',
      '#cell-summary',
    ]);
    expect($(el, 'nav.toc a[href="#cell-km"] .dot').classList.contains('status-pending')).toBe(true);
    engine.emit('km', { status: 'error', error: { message: 'boom', cell: 'km', trigger: 'k = 0', cause: null } });
    await settle(el);
    expect($(el, 'nav.toc a[href="#cell-km"] .dot').classList.contains('status-error')).toBe(true);
    expect($(el, 'nav.toc a[href="#cell-km"] .sr-only').textContent).toBe('(Error)');
    expect($(el, 'slot[name=toolbar]')).toBeTruthy();
  });

  it('draws one control per visible input, with options from other nodes', async () => {
    const { el } = await page();
    expect($$(el, '.control').map((c) => c.dataset.input)).toEqual([
      'file',
      'features',
      'weights',
      'scaling',
      'k',
    ]);
    expect($$(el, '.controls').map((c) => c.getAttribute('aria-label'))).toEqual([
      'Inputs: 1. Data',
      'Inputs: 2. Clusters',
    ]);
    const multi = $(el, 'tb-multiselect');
    expect($$<HTMLInputElement>(multi, 'input[type=checkbox]').map((b) => b.checked)).toEqual([
      true,
      false,
      false,
    ]);
    const w = $(el, 'tb-weights');
    expect($$(w, 'tb-slider')).toHaveLength(1); // keys follow the chosen features
    expect($(el, '[data-input=k] .help').textContent).toBe('How many clusters k-means looks for.');
    expect($$(el, 'tb-cell-frame').map((f) => f.id)).toEqual(['cell-km', 'cell-pca', 'cell-summary']);
  });

  it('sends slider, select, multiselect and weights changes to engine.setInput', async () => {
    const { el, engine } = await page();
    const slider = $(el, 'tb-slider');
    key($(slider, 'input[type=range]'), 'ArrowRight');
    const range = $<HTMLInputElement>(slider, 'input[type=range]');
    range.value = '9';
    range.dispatchEvent(new Event('input'));
    const select = $<HTMLSelectElement>($(el, 'tb-select'), 'select');
    select.value = 'minmax';
    select.dispatchEvent(new Event('change'));
    const boxes = $$<HTMLInputElement>($(el, 'tb-multiselect'), 'input[type=checkbox]');
    boxes[1].checked = true;
    boxes[1].dispatchEvent(new Event('change'));
    await settle(el);
    const weightSliders = $$($(el, 'tb-weights'), 'tb-slider');
    expect(weightSliders).toHaveLength(2);
    key($(weightSliders[1], 'input[type=range]'), 'ArrowRight');
    expect(engine.calls).toEqual([
      { name: 'k', value: 7, phase: 'commit' },
      { name: 'k', value: 9, phase: 'live' },
      { name: 'scaling', value: 'minmax', phase: 'commit' },
      { name: 'features', value: ['margin', 'cts'], phase: 'commit' },
      { name: 'weights', value: { margin: 1, cts: 1.5 }, phase: 'commit' },
    ]);
  });

  it('sends a picked file and shows its name as text', async () => {
    const { el, engine } = await page();
    const picker = $<HTMLElementTagNameMap['tb-file-picker']>(el, 'tb-file-picker');
    await picker.take(new File(['a,b'], `${XSS}.csv`));
    await settle(el);
    expect(engine.calls[0].name).toBe('file');
    expect((engine.calls[0].value as { name: string }).name).toBe(`${XSS}.csv`);
    expect($(picker, '.name').textContent).toBe(`${XSS}.csv`);
    expect(picker.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('shows a value the engine refuses beside the control', async () => {
    const { el, engine } = await page();
    engine.refuse('k', 'invalid k: 7 (must be at most 6)');
    key($($(el, 'tb-slider'), 'input[type=range]'), 'ArrowRight');
    await settle(el);
    expect($(el, '[data-input=k] .problem').textContent).toBe('invalid k: 7 (must be at most 6)');
    // The slider shows the engine's value again, not the refused one.
    expect($<HTMLElementTagNameMap['tb-slider']>(el, 'tb-slider').value).toBe(6);
  });

  it('mounts views, calling them only when the value version changes', async () => {
    const { el, engine } = await page();
    viewSpy.mockClear();
    engine.emit('km', { status: 'ok', hasValue: true, value: 4, version: 1, ms: 12 });
    await settle(el);
    const frame = $(el, '#cell-km');
    expect(frame.querySelector('.km-view')?.textContent).toBe('k-means found 4');
    engine.emit('km', { status: 'running', hasValue: true, value: 4, version: 1 });
    engine.emit('pca', { status: 'ok', hasValue: true, value: 1, version: 1 });
    await settle(el);
    expect(viewSpy).toHaveBeenCalledTimes(1);
    expect(frame.querySelector('.km-view')).toBeTruthy();
    engine.emit('km', { status: 'ok', hasValue: true, value: 5, version: 2 });
    await settle(el);
    expect(viewSpy).toHaveBeenCalledTimes(2);
    expect(frame.querySelector('.km-view')?.textContent).toBe('k-means found 5');
    expect(viewSpy.mock.calls[1][1].width).toBeGreaterThan(0);
    // A string view is text, never HTML.
    expect($(el, '#cell-pca .view-text').textContent).toBe(`note ${XSS}`);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('lets a view redraw its element in place, and calls the view when it cannot', async () => {
    const chart = cellNode('chart', {
      title: 'Chart',
      view: (value, { document }) => {
        const div = document.createElement('div');
        div.className = 'chart-view';
        div.textContent = `drawn ${String(value)}`;
        return div;
      },
      // Redraws numbers in place; a string needs a new view.
      update: (element, value) => {
        if (typeof value !== 'number') return false;
        element.textContent = `updated ${value}`;
        return true;
      },
    });
    const engine = fakeEngine({ ...notebook, items: [...notebook.items, chart] });
    const el = document.createElement('tb-notebook') as TbNotebook;
    el.engine = engine;
    document.body.append(el);
    engine.emit('chart', { status: 'ok', hasValue: true, value: 1, version: 1 });
    await settle(el);
    const first = $(el, '#cell-chart').querySelector('.chart-view');
    expect(first?.textContent).toBe('drawn 1');
    engine.emit('chart', { status: 'ok', hasValue: true, value: 2, version: 2 });
    await settle(el);
    expect($(el, '#cell-chart').querySelector('.chart-view')).toBe(first);
    expect(first?.textContent).toBe('updated 2');
    engine.emit('chart', { status: 'ok', hasValue: true, value: 'text', version: 3 });
    await settle(el);
    const second = $(el, '#cell-chart').querySelector('.chart-view');
    expect(second).not.toBe(first);
    expect(second?.textContent).toBe('drawn text');
    expect(first?.isConnected).toBe(false);
  });

  it('summarises values of cells without a view', async () => {
    const { el, engine } = await page();
    engine.emit('summary', { status: 'ok', hasValue: true, value: [1, 2, 3], version: 1 });
    await settle(el);
    expect($(el, '#cell-summary .summary').textContent).toBe('Array of 3 items');
  });

  it('shows errors in the failing cell and links blocked cells to it', async () => {
    const { el, engine } = await page();
    const failure = { message: `k must be ≥ 2 ${XSS}`, cell: 'km', trigger: 'k = 0', cause: null };
    engine.emit('km', { status: 'error', error: failure });
    engine.emit('pca', { status: 'blocked', blockedBy: 'km', error: failure });
    await settle(el);
    const kmFrame = $(el, '#cell-km');
    expect($(kmFrame, '.problem .message').textContent).toBe(`k must be ≥ 2 ${XSS}`);
    expect($(kmFrame, '.problem').textContent).toContain('k = 0');
    expect(kmFrame.shadowRoot!.querySelector('img')).toBeNull();
    const link = $<HTMLAnchorElement>($(el, '#cell-pca'), '.problem a');
    expect(link.textContent).toBe('k-means');
    expect(link.getAttribute('href')).toBe('#cell-km');
    link.click();
    expect(el.shadowRoot!.activeElement).toBe(kmFrame);
  });

  it('cancels a running cell through the engine', async () => {
    const { el, engine } = await page();
    engine.emit('km', { status: 'running', progress: { fraction: 0.5 } });
    await settle(el);
    $<HTMLButtonElement>($(el, '#cell-km'), 'button.cancel').click();
    expect(engine.cancelled).toEqual(['km']);
  });

  it('offers Run all for a section of on-demand cells, then Cancel while one runs, with what ran', async () => {
    const boot = cellNode('boot', { title: 'Bootstrap', trigger: 'demand' });
    const hold = cellNode('hold', { title: 'Holdout', trigger: 'demand' });
    const engine = fakeEngine({
      id: 'r',
      title: 'r',
      items: [{ kind: 'prose', id: 'robust', title: '7. Robustness', text: 'Trust.', run: [boot, hold] }, boot, hold],
    });
    const el = document.createElement('tb-notebook') as TbNotebook;
    el.engine = engine;
    document.body.append(el);
    await settle(el);
    const bar = $(el, '#section-robust .section-run');
    expect(bar.getAttribute('aria-label')).toBe('Run 7. Robustness');
    expect(bar.querySelector('.section-status')?.textContent).toBe('None of the 2 analyses has run yet: they run only when you ask.');
    bar.querySelector<HTMLButtonElement>('button.run-all')!.click();
    expect(engine.runs).toEqual(['boot', 'hold']);
    engine.emit('boot', { status: 'running', progress: { fraction: 0.45 } });
    await settle(el);
    expect($(el, '#section-robust .section-status').textContent).toBe('Running Bootstrap (1 of 2) · 45%');
    $<HTMLButtonElement>(el, '#section-robust button.cancel-all').click();
    expect(engine.cancelled).toEqual(['boot', 'hold']);
    engine.emit('boot', { status: 'ok', hasValue: true, value: 1, stale: { cell: 'boot', changes: [] } });
    engine.emit('hold', { status: 'error', error: { cell: 'hold', message: 'no', cause: null } });
    await settle(el);
    expect($(el, '#section-robust .section-status').textContent).toBe('2 of 2 run · 1 out of date · 1 failed');
  });

  it('shows the root failure a blocked state carries, without walking the graph, even when the failed cell has no frame', async () => {
    const { el, engine } = await page();
    const failure = { message: 'no numeric column', cell: 'featureList', cause: null };
    // The engine delivers the root failure with every blocked state; the shell reads nothing else.
    engine.emit('km', { status: 'blocked', blockedBy: 'featureList', error: failure });
    engine.emit('pca', { status: 'blocked', blockedBy: 'featureList', error: failure });
    await settle(el);
    const problem = $($(el, '#cell-pca'), '.problem');
    expect(problem.querySelector('.blocked-by')?.textContent).toBe('Blocked by Feature list');
    expect(problem.querySelector('a')).toBeNull(); // the helper is hidden: nothing to link to
    expect(problem.querySelector('.cause')?.textContent).toBe('no numeric column');
  });

  it('unsubscribes from the engine when removed', async () => {
    const { el, engine } = await page();
    expect(engine.listeners()).toBe(2);
    el.remove();
    expect(engine.listeners()).toBe(0);
    document.body.append(el);
    expect(engine.listeners()).toBe(2);
  });

  it('snaps a multiselect back when the engine refuses the new list', async () => {
    const { el, engine } = await page();
    engine.refuse('features', 'invalid features: [] (choose at least one feature)');
    const multi = $<HTMLElementTagNameMap['tb-multiselect']>(el, 'tb-multiselect');
    $$<HTMLButtonElement>(multi, 'button')[1].click(); // None
    await settle(el);
    expect(multi.value).toEqual(['margin']);
    expect($(el, '[data-input=features] .problem').textContent).toContain('choose at least one feature');
  });

  it('announces failures politely and has a presentation layout without contents', async () => {
    const { el, engine } = await page();
    engine.emit('km', { status: 'error', error: { message: 'k too small', cell: 'km', cause: null } });
    await settle(el);
    expect($(el, '[role=status]').textContent).toBe('k-means failed: k too small');
    el.presentation = true;
    await settle(el);
    expect(el.hasAttribute('presentation')).toBe(true);
    expect(el.shadowRoot!.querySelector('nav.toc')).toBeNull();
  });

  it('follows input changes made elsewhere (import, reset)', async () => {
    const { el, engine } = await page();
    engine.setInput('k', 3, 'commit');
    await settle(el);
    expect($<HTMLElementTagNameMap['tb-slider']>(el, 'tb-slider').value).toBe(3);
  });
});

describe('tb-notebook contents tracking', () => {
  it('marks the first section in view as the current location', async () => {
    let report: ((entries: Partial<IntersectionObserverEntry>[]) => void) | undefined;
    class FakeObserver {
      constructor(callback: (entries: Partial<IntersectionObserverEntry>[]) => void) {
        report = callback;
      }
      observe() {}
      disconnect() {}
    }
    vi.stubGlobal('IntersectionObserver', FakeObserver);
    try {
      const { el } = await page();
      const target = $(el, '#cell-km');
      report!([{ target, isIntersecting: true }]);
      await settle(el);
      expect($(el, 'nav.toc a[aria-current]').getAttribute('href')).toBe('#cell-km');
      report!([{ target: $(el, '#section-cluster'), isIntersecting: true }]);
      await settle(el);
      expect($(el, 'nav.toc a[aria-current]').getAttribute('href')).toBe('#section-cluster');
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('tb-notebook opening progressively', () => {
  const manyCells = Array.from({ length: 20 }, (_, i) => cellNode(`c${i}`, { title: `Cell ${i}`, view: (v: unknown) => `value ${String(v)}` }));
  const long: Notebook = { id: 'long', title: 'Long', items: [{ kind: 'prose', id: 'top', title: 'Top', text: 'Start.' }, ...manyCells] };
  const frames = (el: TbNotebook) => $$(el, 'main > tb-cell-frame').map((f) => f.id);
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));
  async function open(progressive: boolean): Promise<TbNotebook> {
    const el = document.createElement('tb-notebook') as TbNotebook;
    el.engine = fakeEngine(long);
    el.progressive = progressive;
    document.body.append(el);
    await settle(el);
    return el;
  }

  it('draws the first blocks at once and the rest a few per task, in document order, until all are there', async () => {
    const el = await open(true);
    const first = frames(el);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(manyCells.length);
    expect(first).toEqual(manyCells.slice(0, first.length).map((c) => `cell-${c.name}`));
    // The contents list names every cell from the start.
    expect($$(el, 'nav.toc a').length).toBe(1 + manyCells.length);
    for (let i = 0; i < 10 && frames(el).length < manyCells.length; i++) {
      await nextTask();
      await settle(el);
    }
    expect(frames(el)).toEqual(manyCells.map((c) => `cell-${c.name}`));
  });

  it('draws everything at once when asked for a block not drawn yet (a contents link, the address #hash)', async () => {
    const el = await open(true);
    expect(frames(el)).not.toContain('cell-c19');
    expect(el.reveal('cell-c19', false)).toBe(true);
    expect(frames(el)).toHaveLength(manyCells.length);
  });

  it('is off unless asked for: the whole page at once', async () => {
    expect(frames(await open(false))).toHaveLength(manyCells.length);
  });
});
