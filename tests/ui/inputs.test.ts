// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/tb-select.ts';
import '../../src/ui/tb-multiselect.ts';
import '../../src/ui/tb-weights.ts';
import '../../src/ui/tb-file-picker.ts';
import type { TbFileDetail, TbInputDetail } from '../../src/ui/fire.ts';
import { $, $$, XSS, key, mount, record, settle } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

describe('tb-select', () => {
  it('renders options as text and commits the choice', async () => {
    const el = await mount('tb-select', {
      label: 'Scaling',
      options: ['zscore', 'minmax', XSS],
      value: 'zscore',
    });
    const select = $<HTMLSelectElement>(el, 'select');
    expect([...select.options].map((o) => o.textContent)).toEqual(['zscore', 'minmax', XSS]);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    const events = record<TbInputDetail>(el, 'tb-input');
    select.value = 'minmax';
    select.dispatchEvent(new Event('change'));
    expect(events).toEqual([{ value: 'minmax', phase: 'commit' }]);
  });

  it('says when the value is not among the options', async () => {
    const el = await mount('tb-select', { label: 'Region', options: ['EU', 'US'], value: 'APAC' });
    expect($(el, 'option[disabled]').textContent?.trim()).toBe('APAC (not available)');
  });
});

describe('tb-multiselect', () => {
  it('keeps option order and commits the whole list', async () => {
    const el = await mount('tb-multiselect', { label: 'Features', options: ['a', 'b', 'c'], value: ['c'] });
    const events = record<TbInputDetail>(el, 'tb-input');
    const boxes = $$<HTMLInputElement>(el, 'input[type=checkbox]');
    expect(boxes.map((b) => b.checked)).toEqual([false, false, true]);
    boxes[0].checked = true;
    boxes[0].dispatchEvent(new Event('change'));
    expect(events.at(-1)).toEqual({ value: ['a', 'c'], phase: 'commit' });
    await settle(el);
    expect($(el, '.count').textContent).toBe('2 of 3 selected');
    $$<HTMLButtonElement>(el, 'button')[1].click(); // None
    expect(events.at(-1)).toEqual({ value: [], phase: 'commit' });
  });

  it('says which chosen names are not among the options instead of hiding them', async () => {
    const el = await mount('tb-multiselect', { label: 'Features', options: ['a', 'b'], value: ['a', 'nope', `${XSS}`] });
    expect($(el, '.count').textContent).toBe('1 of 2 selected');
    expect($(el, '.absent').textContent).toBe(`Chosen but not offered here: nope, ${XSS}. Any change of the ticks drops them.`);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });
});

describe('tb-weights', () => {
  it('sends the whole record with the slider phase and resets a key to 1', async () => {
    const el = await mount('tb-weights', {
      keys: ['margin', 'cts'],
      value: { margin: 2 },
      min: 0,
      max: 3,
      step: 0.5,
    });
    const events = record<TbInputDetail>(document, 'tb-input');
    const sliders = $$(el, 'tb-slider');
    expect(sliders).toHaveLength(2);
    const range = $(sliders[1], 'input[type=range]');
    key(range, 'ArrowRight');
    expect(events).toEqual([{ value: { margin: 2, cts: 1.5 }, phase: 'commit' }]);
    const resets = $$<HTMLButtonElement>(el, 'button');
    expect(resets[0].getAttribute('aria-label')).toBe('Reset margin to 1');
    resets[0].click();
    expect(events.at(-1)).toEqual({ value: { margin: 1, cts: 1.5 }, phase: 'commit' });
    (range as HTMLInputElement).value = '2.5';
    range.dispatchEvent(new Event('input'));
    expect(events.at(-1)).toEqual({ value: { margin: 1, cts: 2.5 }, phase: 'live' });
  });
});

describe('tb-file-picker', () => {
  it('reads a dropped file, fires its bytes and shows the name as text', async () => {
    const el = await mount('tb-file-picker', { accept: '.csv' });
    const files = record<TbFileDetail>(el, 'tb-file');
    const file = new File(['id,qty\n1,2\n'], `${XSS}.csv`, { type: 'text/csv' });
    await el.take(file);
    await settle(el);
    expect(files).toHaveLength(1);
    expect(files[0].name).toBe(`${XSS}.csv`);
    expect(new TextDecoder().decode(files[0].bytes)).toBe('id,qty\n1,2\n');
    expect($(el, '.name').textContent).toBe(`${XSS}.csv`);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('takes a dropped file', async () => {
    const el = await mount('tb-file-picker', { accept: '.csv' });
    const files = record<TbFileDetail>(el, 'tb-file');
    const zone = $(el, '.zone');
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [new File(['x'], 'orders.csv')] } });
    zone.dispatchEvent(drop);
    await new Promise((r) => setTimeout(r, 10));
    await settle(el);
    expect(drop.defaultPrevented).toBe(true);
    expect(files.map((f) => f.name)).toEqual(['orders.csv']);
    expect($(el, '.name').textContent).toBe('orders.csv');
  });

  it('has a real button that opens the native picker', async () => {
    const el = await mount('tb-file-picker', { accept: '.csv,.parquet' });
    const input = $<HTMLInputElement>(el, 'input[type=file]');
    expect(input.accept).toBe('.csv,.parquet');
    let opened = false;
    input.addEventListener('click', () => (opened = true));
    $<HTMLButtonElement>(el, 'button').click();
    expect(opened).toBe(true);
  });
});
