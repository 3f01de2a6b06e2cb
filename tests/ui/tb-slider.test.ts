// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/tb-slider.ts';
import type { TbInputDetail } from '../../src/ui/fire.ts';
import { $, key, mount, record, settle } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

const slider = () =>
  mount('tb-slider', { label: 'Clusters (k)', min: 2, max: 12, step: 1, value: 6, unit: 'clusters' });

describe('tb-slider', () => {
  it('exposes role and ARIA values', async () => {
    const el = await slider();
    const range = $(el, 'input[type=range]');
    expect(range.getAttribute('role')).toBe('slider');
    expect(range.getAttribute('aria-label')).toBe('Clusters (k)');
    expect(range.getAttribute('aria-valuemin')).toBe('2');
    expect(range.getAttribute('aria-valuemax')).toBe('12');
    expect(range.getAttribute('aria-valuenow')).toBe('6');
    expect(range.getAttribute('aria-valuetext')).toBe('6 clusters');
    expect($(el, 'label').textContent).toBe('Clusters (k)');
  });

  it('ArrowRight increments by one step and commits', async () => {
    const el = await slider();
    const events = record<TbInputDetail>(el, 'tb-input');
    const range = $(el, 'input[type=range]');
    const ev = key(range, 'ArrowRight');
    await settle(el);
    expect(ev.defaultPrevented).toBe(true);
    expect(el.value).toBe(7);
    expect(events).toEqual([{ value: 7, phase: 'commit' }]);
    expect(range.getAttribute('aria-valuenow')).toBe('7');
    expect($<HTMLInputElement>(el, 'input.entry').value).toBe('7');
  });

  it('handles ArrowLeft, PageUp, PageDown, Home and End', async () => {
    const el = await slider();
    const range = $(el, 'input[type=range]');
    const events = record<TbInputDetail>(el, 'tb-input');
    key(range, 'ArrowLeft');
    expect(el.value).toBe(5);
    key(range, 'PageUp');
    expect(el.value).toBe(6);
    key(range, 'End');
    expect(el.value).toBe(12);
    key(range, 'ArrowRight'); // at the end: no change, no event
    key(range, 'Home');
    expect(el.value).toBe(2);
    key(range, 'PageDown');
    expect(events.map((e) => e.value)).toEqual([5, 6, 12, 2]);
    expect(events.every((e) => e.phase === 'commit')).toBe(true);
  });

  it('fires live while dragging and commit on release', async () => {
    const el = await slider();
    const events = record<TbInputDetail>(el, 'tb-input');
    const range = $<HTMLInputElement>(el, 'input[type=range]');
    range.value = '8';
    range.dispatchEvent(new Event('input', { bubbles: true }));
    range.value = '9';
    range.dispatchEvent(new Event('input', { bubbles: true }));
    range.dispatchEvent(new Event('change', { bubbles: true }));
    expect(events).toEqual([
      { value: 8, phase: 'live' },
      { value: 9, phase: 'live' },
      { value: 9, phase: 'commit' },
    ]);
  });

  it('keeps the entry box in sync and commits typed values on Enter', async () => {
    const el = await slider();
    const events = record<TbInputDetail>(el, 'tb-input');
    const entry = $<HTMLInputElement>(el, 'input.entry');
    entry.value = '9';
    key(entry, 'Enter');
    await settle(el);
    expect(events).toEqual([{ value: 9, phase: 'commit' }]);
    expect($(el, 'input[type=range]').getAttribute('aria-valuenow')).toBe('9');
    expect($(el, '.note').textContent).toBe('');
  });

  it('clamps out-of-range typed values and says why', async () => {
    const el = await slider();
    const events = record<TbInputDetail>(el, 'tb-input');
    const entry = $<HTMLInputElement>(el, 'input.entry');
    entry.value = '40';
    entry.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.value).toBe(12);
    expect(entry.value).toBe('12');
    expect($(el, '.note').textContent).toContain('above the maximum; set to 12');
    entry.value = '-3';
    entry.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.value).toBe(2);
    expect($(el, '.note').textContent).toContain('below the minimum; set to 2');
    expect(events.map((e) => e.value)).toEqual([12, 2]);
  });

  it('rounds to the step and refuses text that is not a number', async () => {
    const el = await mount('tb-slider', { label: 'Weight', min: 0, max: 3, step: 0.1, value: 1 });
    const entry = $<HTMLInputElement>(el, 'input.entry');
    entry.value = '0.33';
    entry.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.value).toBe(0.3);
    expect($(el, '.note').textContent).toContain('Rounded to 0.3');
    entry.value = '';
    entry.dispatchEvent(new Event('change'));
    await settle(el);
    expect(el.value).toBe(0.3);
    expect($(el, '.note').textContent).toContain('Enter a number from 0 to 3');
    expect(entry.value).toBe('0.3');
  });
});
