// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/ui/tb-notebook.ts';
import { cell, createEngine, select, slider, type Notebook } from '../../../src/runtime/index.ts';
import { keyBelongsToControl, moveSlide, slideMove, slidesOf } from '../../../src/ui/presentation/sections.ts';
import { blocks } from '../../../src/ui/notebook-model.ts';
import type { TbNotebook } from '../../../src/ui/tb-notebook.ts';
import { $, $$, XSS, settle } from '../helpers.ts';
import { idle } from '../../runtime/helpers.ts';

afterEach(() => document.body.replaceChildren());

const k = slider({ name: 'k', title: 'Clusters (k)', min: 2, max: 8, value: 4 });
const scaling = select({ name: 'scaling', title: 'Scaling', options: ['zscore', 'minmax'], value: 'zscore' });
const result = cell({ name: 'result', title: 'Result', inputs: { k, scaling }, run: ({ k, scaling }) => `${k} ${scaling}`, view: (v, { document, presentation, readOnly }) => {
  const p = document.createElement('p');
  p.className = 'result';
  p.textContent = `${v}${presentation ? ' (presented)' : ''}${readOnly ? ' (read-only)' : ''}`;
  return p;
} });
const nb: Notebook = {
  id: 'w',
  title: 'Workshop test',
  items: [
    { kind: 'prose', id: 'intro', text: 'Before any title.' },
    { kind: 'prose', id: 'one', title: '1. Settings', text: 'Choose.' },
    k,
    scaling,
    { kind: 'prose', id: 'two', title: `2. ${XSS}`, text: XSS },
    result,
  ],
};

async function page(props: Partial<TbNotebook> = {}) {
  const engine = createEngine(nb, { debounceMs: 1 });
  const el = document.createElement('tb-notebook');
  Object.assign(el, { engine, presentation: true, ...props });
  document.body.append(el);
  await idle(engine);
  await settle(el);
  return { el, engine };
}

const press = async (el: TbNotebook, key: string, target: EventTarget = document.body) => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
  await settle(el);
};

describe('slides', () => {
  it('start at each titled prose; blocks before the first title join the first section', () => {
    const slides = slidesOf(blocks(nb));
    expect(slides.map((s) => s.id)).toEqual(['one', 'two']);
    expect(slides[0].blocks).toEqual([0, 1, 2]);
    expect(slides[1].blocks).toEqual([3, 4]);
  });

  it('move by keys within the first and last section; keys typed into a control stay with it', () => {
    expect(['ArrowRight', 'PageDown', 'ArrowLeft', 'Home', 'End', 'o', 'x'].map(slideMove)).toEqual(['next', 'next', 'previous', 'first', 'last', 'overview', null]);
    expect(moveSlide(0, 'previous', 3)).toBe(0);
    expect(moveSlide(2, 'next', 3)).toBe(2);
    expect(moveSlide(1, 'last', 3)).toBe(2);
    const input = document.createElement('input');
    expect(keyBelongsToControl([input, document.body])).toBe(true);
    expect(keyBelongsToControl([document.body])).toBe(false);
  });
});

describe('workshop mode of the notebook page', () => {
  it('shows one section at a time with an agenda, moves by keyboard and tells the page', async () => {
    const { el } = await page();
    const moves: number[] = [];
    el.addEventListener('tb-slide', (e) => moves.push((e as CustomEvent<{ index: number }>).detail.index));
    expect($(el, '.agenda [aria-current="step"]').textContent?.trim()).toBe('1. Settings');
    expect($$(el, 'tb-cell-frame')).toHaveLength(0);
    await press(el, 'ArrowRight');
    expect(el.slide).toBe(1);
    expect($$(el, 'tb-cell-frame')).toHaveLength(1);
    expect($(el, '.result').textContent).toBe('4 zscore (presented)');
    await press(el, 'Home');
    await press(el, 'End');
    expect(moves).toEqual([1, 0, 1]);
    // An arrow on a control moves the control, not the slides.
    await press(el, 'Home');
    await press(el, 'ArrowRight', document.createElement('input'));
    expect(el.slide).toBe(0);
  });

  it('opens a jump-to overview with O and closes it with Escape', async () => {
    const { el } = await page();
    await press(el, 'o');
    const items = $$(el, '.overview-item');
    expect(items).toHaveLength(2);
    items[1].click();
    await settle(el);
    expect(el.slide).toBe(1);
    expect($$(el, '.overview')).toHaveLength(0);
    await press(el, 'o');
    await press(el, 'Escape');
    expect($$(el, '.overview')).toHaveLength(0);
  });

  it('renders section titles and prose from the notebook as text', async () => {
    const { el } = await page({ slide: 1 });
    expect($$(el, 'img')).toHaveLength(0);
    expect($(el, 'section.prose h2').textContent).toBe(`2. ${XSS}`);
  });

  it('locks a control: marked, inert, and refused by the engine until unlocked', async () => {
    const { el, engine } = await page();
    const toggle = $<HTMLButtonElement>(el, 'button[data-lock="k"]');
    expect(toggle.getAttribute('aria-pressed')).toBe('false');
    toggle.click();
    await settle(el);
    expect(engine.isLocked('k')).toBe(true);
    const box = $(el, '.lockable[data-input="k"]');
    expect(box.classList.contains('locked')).toBe(true);
    expect(box.querySelector('.lockable-control')?.hasAttribute('inert')).toBe(true);
    expect(box.querySelector('.lock-badge')?.getAttribute('aria-label')).toBe('Clusters (k) is locked');
    el.setInput('k', 6, 'commit');
    await settle(el);
    expect(engine.getInput('k')).toBe(4);
    expect(box.textContent).toContain('invalid k: 6 (locked at 4: unlock k to change it)');
    $<HTMLButtonElement>(el, 'button[data-lock="k"]').click();
    await settle(el);
    el.setInput('k', 6, 'commit');
    expect(engine.getInput('k')).toBe(6);
  });

  it('as the audience window: no lock buttons, no keyboard moves, controls inert, views told they are read-only', async () => {
    const { el, engine } = await page({ readOnly: true });
    engine.lock('k');
    await settle(el);
    expect($$(el, '.lock-toggle')).toHaveLength(0);
    expect($(el, '.lock-badge').textContent).toBe('Locked');
    expect($(el, '.controls').hasAttribute('inert')).toBe(true);
    await press(el, 'ArrowRight');
    expect(el.slide).toBe(0);
    el.slide = 1;
    await settle(el);
    expect($(el, '.result').textContent).toBe('4 zscore (presented) (read-only)');
    expect($(el, '.agenda [aria-current="step"]').textContent?.trim()).toBe(`2. ${XSS}`);
  });
});
