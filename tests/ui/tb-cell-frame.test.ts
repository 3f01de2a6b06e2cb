// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import '../../src/ui/tb-cell-frame.ts';
import type { CellState } from '../../src/runtime/state.ts';
import { $, $$, XSS, mount, record, settle } from './helpers.ts';

afterEach(() => document.body.replaceChildren());

const state = (s: Partial<CellState>): CellState => ({ status: 'ok', hasValue: false, version: 0, ...s });

describe('tb-cell-frame', () => {
  it('shows title, a worded status chip and the run time', async () => {
    const el = await mount('tb-cell-frame', {
      name: 'km',
      heading: 'k-means',
      state: state({ status: 'ok', ms: 42.4 }),
    });
    expect($(el, 'h3').textContent).toBe('k-means');
    const chip = $(el, '[part=status]');
    expect(chip.textContent?.trim()).toContain('OK');
    expect(chip.classList.contains('status-ok')).toBe(true);
    expect($(el, '.ms').textContent).toBe('42 ms');
  });

  it('gives every status its own class and words', async () => {
    const el = await mount('tb-cell-frame', { heading: 'x' });
    const seen = new Map<string, string>();
    for (const status of ['pending', 'running', 'ok', 'error', 'blocked', 'idle'] as const) {
      el.state = state({ status });
      await settle(el);
      const chip = $(el, '[part=status]');
      seen.set(chip.className, chip.textContent!.trim());
    }
    expect(seen.size).toBe(6);
    expect(new Set(seen.values()).size).toBe(6);
  });

  it('shows an error message and its trigger as text', async () => {
    const el = await mount('tb-cell-frame', {
      name: 'km',
      heading: 'k-means',
      state: state({
        status: 'error',
        error: { message: `k must be at least 2 ${XSS}`, cell: 'km', trigger: 'k = 0', cause: null },
      }),
    });
    expect($(el, '.problem .message').textContent).toBe(`k must be at least 2 ${XSS}`);
    expect($(el, '.problem').textContent).toContain('After k = 0');
    expect($(el, '.problem').getAttribute('role')).toBe('alert');
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect($(el, '.view').hidden).toBe(true);
  });

  it('links a blocked cell to the failed cell and shows the root failure it carries', async () => {
    const el = await mount('tb-cell-frame', {
      heading: 'PCA',
      state: state({ status: 'blocked', blockedBy: 'km', error: { message: `no numeric column ${XSS}`, cell: 'km', cause: null } }),
      upstream: { title: 'k-means', href: '#cell-km' },
    });
    const link = $<HTMLAnchorElement>(el, '.problem a');
    expect(link.getAttribute('href')).toBe('#cell-km');
    expect(link.textContent).toBe('k-means');
    expect($(el, '.problem .blocked-by').textContent).toBe('Blocked by k-means');
    expect($(el, '.problem .cause').textContent).toBe(`no numeric column ${XSS}`);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('shows a progress bar while running with progress', async () => {
    const el = await mount('tb-cell-frame', {
      heading: 'Sweep',
      state: state({ status: 'running', progress: { fraction: 0.25, message: 'k = 4' } }),
    });
    expect($<HTMLProgressElement>(el, 'progress').value).toBe(0.25);
    expect($(el, '.progress-text').textContent).toBe('25.0% · k = 4');
    expect($(el, '.view').classList.contains('stale')).toBe(true);
  });

  it('collapses with aria-expanded and fires tb-toggle', async () => {
    const el = await mount('tb-cell-frame', { heading: 'Table', state: state({}) });
    const toggles = record<{ collapsed: boolean }>(el, 'tb-toggle');
    const button = $<HTMLButtonElement>(el, 'button.toggle');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    button.click();
    await settle(el);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect($(el, '#body').hidden).toBe(true);
    expect(toggles).toEqual([{ collapsed: true }]);
  });
});

describe('tb-cell-frame cancel', () => {
  it('offers Cancel only while running and when cancellable', async () => {
    const el = await mount('tb-cell-frame', {
      name: 'sweep',
      heading: 'Sweep',
      state: state({ status: 'running' }),
    });
    expect(el.shadowRoot!.querySelector('button.cancel')).toBeNull();
    el.cancellable = true;
    await settle(el);
    const cancels = record<{ name: string }>(el, 'tb-cancel');
    $<HTMLButtonElement>(el, 'button.cancel').click();
    expect(cancels).toEqual([{ name: 'sweep' }]);
    el.state = state({ status: 'ok' });
    await settle(el);
    expect(el.shadowRoot!.querySelector('button.cancel')).toBeNull();
  });
});

describe('tb-cell-frame on demand', () => {
  it('offers Run before the first run and fires tb-run', async () => {
    const el = await mount('tb-cell-frame', { name: 'comparison', heading: 'Compare', onDemand: true, state: state({ status: 'idle', waitingFor: 'comparison' }) });
    expect($(el, '.note.idle').textContent).toContain('Not run yet');
    const runs = record<{ name: string }>(el, 'tb-run');
    const button = $<HTMLButtonElement>(el, 'button.run');
    expect(button.textContent?.trim()).toBe('Run');
    button.click();
    expect(runs).toEqual([{ name: 'comparison' }]);
    el.state = state({ status: 'running' });
    el.cancellable = true;
    await settle(el);
    expect(el.shadowRoot!.querySelector('button.run')).toBeNull();
    expect(el.shadowRoot!.querySelector('button.cancel')).toBeTruthy();
  });

  it('keeps an out-of-date result visible and says what changed, as text', async () => {
    const el = await mount('tb-cell-frame', {
      name: 'comparison',
      heading: 'Compare',
      onDemand: true,
      state: state({
        status: 'ok',
        hasValue: true,
        value: 1,
        stale: { cell: 'comparison', changes: [{ input: 'k', title: 'Number of clusters (k)', before: '4', after: `5 ${XSS}` }] },
        notice: 'Cancelled; the result of the previous run is kept.',
      }),
    });
    expect($(el, '.chip.out-of-date').textContent).toBe('Out of date');
    expect($(el, '.note.stale li').textContent?.replace(/\s+/g, ' ').trim()).toBe(`Number of clusters (k) 4 → 5 ${XSS}`);
    expect($(el, '.note.notice').textContent).toBe('Cancelled; the result of the previous run is kept.');
    expect($(el, '.view').hidden).toBe(false);
    expect($(el, '.view').classList.contains('stale')).toBe(true);
    expect($(el, 'button.run').textContent?.trim()).toBe('Run again');
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('shows suggestions as buttons and fires tb-suggest with the index', async () => {
    const el = await mount('tb-cell-frame', {
      name: 'chooseK',
      heading: 'Choosing k',
      state: state({ status: 'ok' }),
      suggestions: [{ label: 'Use k = 3', reason: 'the knee of the inertia curve' }, { label: 'Use k = 5' }],
    });
    const picks = record<{ index: number }>(el, 'tb-suggest');
    const buttons = $$<HTMLButtonElement>(el, 'button.suggest');
    expect(buttons.map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual(['Use k = 3 (the knee of the inertia curve)', 'Use k = 5']);
    buttons[1].click();
    expect(picks).toEqual([{ index: 1 }]);
  });
});
