/**
 * Presenter and audience windows of a workshop. The facilitator's window (the presenter) drives
 * a second window on the projector (the audience) over a BroadcastChannel: which section is on
 * screen, every input change (live while a slider moves, then the committed values), the locks,
 * the data file and the on-demand cells run. The audience window runs its own engine on the same
 * notebook and the same data (from this browser's storage), so it computes the same results from
 * the same inputs; it only receives settings, never results or code. Every message is checked
 * before it is used, and input values go through the engine's validation like any other change.
 */
import type { InputNode, NotebookEngine } from '../../runtime/index.ts';
import type { InputPhase } from '../../runtime/state.ts';

/** The channel's name: one workshop per notebook in this browser. */
export const channelName = (notebook: string): string => `tierbook-workshop:${notebook}`;

/** The data file both windows use, named by name and size (the bytes come from this browser's storage). */
export interface FileNote {
  readonly name: string;
  readonly size: number;
}

export type WorkshopMessage =
  | { readonly kind: 'hello' }
  | { readonly kind: 'state'; readonly slide: number; readonly inputs: Readonly<Record<string, unknown>>; readonly locks: readonly string[]; readonly file: FileNote | null }
  | { readonly kind: 'slide'; readonly slide: number }
  | { readonly kind: 'input'; readonly name: string; readonly value: unknown; readonly phase: InputPhase }
  | { readonly kind: 'run'; readonly cell: string };

/** The part of BroadcastChannel used here (tests pass a pair of linked fakes). */
export interface Channel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  close(): void;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isIndex = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v < 1000;
const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 200;

/** A message of the workshop protocol, or null for anything else (ignored, never run). */
export function readMessage(data: unknown): WorkshopMessage | null {
  if (!isRecord(data)) return null;
  switch (data.kind) {
    case 'hello':
      return { kind: 'hello' };
    case 'slide':
      return isIndex(data.slide) ? { kind: 'slide', slide: data.slide } : null;
    case 'run':
      return isName(data.cell) ? { kind: 'run', cell: data.cell } : null;
    case 'input':
      return isName(data.name) && (data.phase === 'live' || data.phase === 'commit') ? { kind: 'input', name: data.name, value: data.value, phase: data.phase } : null;
    case 'state': {
      const file = data.file;
      const fileOk = file === null || (isRecord(file) && typeof file.name === 'string' && typeof file.size === 'number');
      if (!isIndex(data.slide) || !isRecord(data.inputs) || !Array.isArray(data.locks) || !data.locks.every(isName) || !fileOk) return null;
      return { kind: 'state', slide: data.slide, inputs: data.inputs, locks: data.locks as string[], file: file as FileNote | null };
    }
    default:
      return null;
  }
}

/** Inputs the room's settings consist of: settings and action state (not the data file, not host values). */
export function sharedInputs(engine: NotebookEngine): InputNode<unknown>[] {
  return engine.nodes.filter((n): n is InputNode<unknown> => n.kind === 'input' && (n.role === 'setting' || n.role === 'state'));
}

/** The committed settings of the room, by input name. */
export function roomInputs(engine: NotebookEngine): Record<string, unknown> {
  const all = engine.inputValues();
  return Object.fromEntries(sharedInputs(engine).map((i) => [i.name, all[i.name]]));
}

/** After this long without a change, the presenter sends the whole state (past the engine's commit debounce). */
const SETTLE_MS = 700;

export interface PresenterOptions {
  readonly slide: () => number;
  readonly file: () => FileNote | null;
}

/** The presenter's side: answers a new audience window with the whole state and sends every change. */
export function presenterLink(engine: NotebookEngine, channel: Channel, options: PresenterOptions): { slide(index: number): void; run(cell: string): void; close(): void } {
  const shared = new Set(sharedInputs(engine).map((i) => i.name));
  const state = (): WorkshopMessage => ({ kind: 'state', slide: options.slide(), inputs: roomInputs(engine), locks: engine.lockedInputs(), file: options.file() });
  const send = (m: WorkshopMessage) => channel.postMessage(m);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const settle = () => {
    clearTimeout(timer);
    timer = setTimeout(() => send(state()), SETTLE_MS);
  };
  const onMessage = (event: MessageEvent) => {
    if (readMessage(event.data)?.kind === 'hello') send(state());
  };
  channel.addEventListener('message', onMessage);
  const offs = [
    engine.onInput((name, value, phase) => {
      if (shared.has(name)) send({ kind: 'input', name, value, phase });
      settle();
    }),
    engine.onLock(() => send(state())),
  ];
  return {
    slide: (index) => send({ kind: 'slide', slide: index }),
    run: (cell) => send({ kind: 'run', cell }),
    close() {
      clearTimeout(timer);
      for (const off of offs) off();
      channel.removeEventListener('message', onMessage);
    },
  };
}

export interface AudienceOptions {
  /** Show section `index`. */
  readonly slide: (index: number) => void;
  /** The presenter uses another data file: load it from this browser's storage. */
  readonly file: (note: FileNote | null) => Promise<void>;
  /** A message could not be applied (shown in the audience window, in words). */
  readonly problem: (message: string) => void;
}

/** The audience's side: asks for the state, then follows. Values are validated by the engine. */
export function audienceLink(engine: NotebookEngine, channel: Channel, options: AudienceOptions): { close(): void } {
  const shared = new Set(sharedInputs(engine).map((i) => i.name));
  let file: string | undefined;
  const tryTo = (what: () => void) => {
    try {
      what();
    } catch (error) {
      options.problem(error instanceof Error ? error.message : String(error));
    }
  };
  const onMessage = async (event: MessageEvent) => {
    const m = readMessage(event.data);
    if (!m) return;
    if (m.kind === 'slide') options.slide(m.slide);
    else if (m.kind === 'run') tryTo(() => void engine.run(m.cell));
    else if (m.kind === 'input' && shared.has(m.name)) tryTo(() => engine.setInput(m.name, m.value, m.phase));
    else if (m.kind === 'state') {
      const key = m.file ? `${m.file.name}\u0000${m.file.size}` : '';
      if (key !== file) {
        file = key;
        await options.file(m.file);
      }
      // The presenter's locks bind this window too; they are lifted while its values are taken over.
      for (const name of engine.lockedInputs()) engine.lock(name, false);
      const values = Object.fromEntries(Object.entries(m.inputs).filter(([name]) => shared.has(name)));
      tryTo(() => engine.setInputs(values));
      for (const name of m.locks) if (shared.has(name)) tryTo(() => engine.lock(name, true));
      options.slide(m.slide);
    }
  };
  channel.addEventListener('message', onMessage);
  channel.postMessage({ kind: 'hello' } satisfies WorkshopMessage);
  return {
    close() {
      channel.removeEventListener('message', onMessage);
      channel.close();
    },
  };
}
