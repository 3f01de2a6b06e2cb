import { describe, expect, it } from 'vitest';
import { cell, createEngine, hostValue, slider, stateValue, type Notebook } from '../../../src/runtime/index.ts';
import { audienceLink, presenterLink, readMessage, roomInputs, type Channel } from '../../../src/app/workshop/audience.ts';
import { idle, sleep } from '../../runtime/helpers.ts';

/** Two linked channels, as two windows' BroadcastChannels of one name (asynchronous delivery). */
function channelPair(): [Channel, Channel] {
  const make = () => {
    const listeners = new Set<(e: MessageEvent) => void>();
    return {
      listeners,
      other: null as null | { listeners: Set<(e: MessageEvent) => void> },
      postMessage(message: unknown) {
        const data = structuredClone(message);
        for (const l of this.other?.listeners ?? []) setTimeout(() => l(new MessageEvent('message', { data })), 0);
      },
      addEventListener: (_: 'message', l: (e: MessageEvent) => void) => void listeners.add(l),
      removeEventListener: (_: 'message', l: (e: MessageEvent) => void) => void listeners.delete(l),
      close: () => listeners.clear(),
    };
  };
  const a = make();
  const b = make();
  a.other = b;
  b.other = a;
  return [a, b];
}

function notebook(): Notebook {
  const k = slider({ name: 'k', min: 2, max: 8, value: 4 });
  const seed = slider({ name: 'seed', min: 0, max: 99, value: 1 });
  const host = hostValue({ name: 'host', value: 'inline' });
  const memo = stateValue<string>({ name: 'memo', value: '', check: (v) => (typeof v === 'string' ? undefined : 'expected text') });
  const out = cell({ name: 'out', inputs: { k, seed }, run: ({ k, seed }) => JSON.stringify({ k, seed, labels: Array.from({ length: 6 }, (_, i) => (i * seed) % k) }) });
  return { id: 'w', title: 'w', items: [k, seed, host, memo, out] };
}

const until = async (check: () => boolean, ms = 2000) => {
  for (let t = 0; t < ms && !check(); t += 10) await sleep(10);
  expect(check()).toBe(true);
};

describe('the workshop messages', () => {
  it('are read only when well formed; anything else is ignored', () => {
    expect(readMessage({ kind: 'slide', slide: 3 })).toEqual({ kind: 'slide', slide: 3 });
    expect(readMessage({ kind: 'slide', slide: -1 })).toBeNull();
    expect(readMessage({ kind: 'input', name: 'k', value: 5, phase: 'live' })).toEqual({ kind: 'input', name: 'k', value: 5, phase: 'live' });
    expect(readMessage({ kind: 'input', name: 'k', value: 5, phase: 'now' })).toBeNull();
    expect(readMessage({ kind: 'state', slide: 0, inputs: [], locks: [], file: null })).toBeNull();
    expect(readMessage({ kind: 'eval', code: 'alert(1)' })).toBeNull();
    expect(readMessage('hello')).toBeNull();
  });
});

describe('presenter and audience windows', () => {
  it('the audience takes the state on opening, then follows inputs, locks and sections, computing the same results', async () => {
    const [p, a] = channelPair();
    const presenter = createEngine(notebook(), { debounceMs: 5 });
    presenter.setInput('k', 6);
    presenter.lock('k');
    let presenterSlide = 2;
    const link = presenterLink(presenter, p, { slide: () => presenterSlide, file: () => null });
    const audience = createEngine(notebook(), { debounceMs: 5 });
    const slides: number[] = [];
    const problems: string[] = [];
    const files: unknown[] = [];
    audienceLink(audience, a, { slide: (i) => slides.push(i), file: async (f) => void files.push(f), problem: (m) => problems.push(m) });
    await until(() => audience.getInput('k') === 6);
    expect(audience.isLocked('k')).toBe(true);
    expect(slides).toEqual([2]);
    expect(files).toEqual([null]);

    presenterSlide = 3;
    link.slide(3);
    presenter.setInput('seed', 7, 'live');
    await until(() => audience.getInput('seed') === 7);
    presenter.setInput('seed', 7, 'commit');
    presenter.lock('k', false);
    presenter.setInput('k', 5);
    await until(() => audience.getInput('k') === 5);
    await idle(presenter);
    await idle(audience);
    expect(slides.at(-1)).toBe(3);
    expect(audience.isLocked('k')).toBe(false);
    expect(roomInputs(audience)).toEqual(roomInputs(presenter));
    expect(await audience.value(audience.node('out') as never)).toBe(await presenter.value(presenter.node('out') as never));
    expect(problems).toEqual([]);
    link.close();
    presenter.dispose();
    audience.dispose();
  });

  it('never passes host values, and a value the engine refuses is reported, not applied', async () => {
    const [p, a] = channelPair();
    const audience = createEngine(notebook(), { debounceMs: 5 });
    const problems: string[] = [];
    audienceLink(audience, a, { slide: () => {}, file: async () => {}, problem: (m) => problems.push(m) });
    p.postMessage({ kind: 'input', name: 'host', value: 'evil', phase: 'commit' });
    p.postMessage({ kind: 'input', name: 'k', value: 99, phase: 'commit' });
    await until(() => problems.length === 1);
    expect(problems[0]).toMatch(/^invalid k: 99/);
    expect(audience.getInput('host')).toBe('inline');
    expect(audience.getInput('k')).toBe(4);
    audience.dispose();
  });
});
