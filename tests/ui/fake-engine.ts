import type { AnyNode, CellNode, ControlSpec, InputNode } from '../../src/runtime/node.ts';
import { lockRefusal } from '../../src/runtime/locks.ts';
import type {
  CellState,
  InputListener,
  LockListener,
  InputPhase,
  Notebook,
  NotebookEngine,
  StateListener,
} from '../../src/runtime/state.ts';

type Ref = { readonly name: string } | string;
const nameOf = (ref: Ref): string => (typeof ref === 'string' ? ref : ref.name);

export function inputNode(
  name: string,
  control: ControlSpec,
  defaultValue: unknown,
  extra: Partial<InputNode<unknown>> = {},
): InputNode<unknown> {
  return {
    kind: 'input',
    name,
    title: extra.title ?? name,
    defaultValue,
    control,
    role: 'setting',
    parse: (t) => t,
    format: (v) => String(v),
    validate: () => undefined,
    normalize: (v) => v,
    ...extra,
  };
}

export function cellNode(name: string, extra: Partial<CellNode<unknown>> = {}): CellNode<unknown> {
  return {
    kind: 'cell',
    name,
    title: extra.title ?? name,
    inputs: {},
    run: () => undefined,
    trigger: 'change',
    hidden: false,
    ...extra,
  };
}

export interface FakeEngine extends NotebookEngine {
  readonly calls: { name: string; value: unknown; phase: InputPhase | undefined }[];
  /** Pushes a state for a cell and tells listeners. */
  emit(name: string, state: Partial<CellState>): void;
  listeners(): number;
  /** Names passed to `cancel` and `run`. */
  readonly cancelled: string[];
  readonly runs: string[];
  /** Makes `setInput` refuse values for `name` with this message. */
  refuse(name: string, message: string): void;
}

/** A tiny in-memory engine: inputs are a map, states are set by the test. */
export function fakeEngine(notebook: Notebook, extraNodes: AnyNode[] = []): FakeEngine {
  const nodes = [...extraNodes, ...notebook.items.filter((i): i is AnyNode => i.kind !== 'prose')];
  const inputs = new Map<string, unknown>(
    nodes.filter((n): n is InputNode<unknown> => n.kind === 'input').map((n) => [n.name, n.defaultValue]),
  );
  const states = new Map<string, CellState>();
  const stateListeners = new Set<StateListener>();
  const inputListeners = new Set<InputListener>();
  const refusals = new Map<string, string>();
  const locked = new Set<string>();
  const lockListeners = new Set<LockListener>();
  const calls: FakeEngine['calls'] = [];
  const cancelled: string[] = [];
  const runs: string[] = [];
  const engine: FakeEngine = {
    notebook,
    nodes,
    calls,
    cancelled,
    runs,
    refused: [],
    addCell: () => () => undefined,
    node: (name: string) => nodes.find((n) => n.name === name),
    cancel: (ref: Ref) => void cancelled.push(nameOf(ref)),
    run: async (ref: Ref) => void runs.push(nameOf(ref)),
    runAll: async (refs: readonly Ref[]) => void runs.push(...refs.map(nameOf)),
    getInput: ((ref: Ref) => inputs.get(nameOf(ref))) as NotebookEngine['getInput'],
    inputValues: () => Object.fromEntries(inputs),
    setInput: ((ref: Ref, value: unknown, phase?: InputPhase) => {
      const name = nameOf(ref);
      calls.push({ name, value, phase });
      const refusal = refusals.get(name) ?? (locked.has(name) && inputs.get(name) !== value ? lockRefusal(name, value, inputs.get(name)) : undefined);
      if (refusal) throw new Error(refusal);
      inputs.set(name, value);
      for (const l of inputListeners) l(name, value, phase ?? 'commit');
    }) as NotebookEngine['setInput'],
    setInputs(values) {
      for (const [k, v] of Object.entries(values)) engine.setInput(k, v, 'commit');
    },
    act: async (action) => ({ action: action.name, changed: [], notes: [] }),
    reset: async () => ({ action: 'reset', changed: [], notes: [] }),
    lock(ref, on = true) {
      const name = nameOf(ref);
      if (locked.has(name) === on) return;
      if (on) locked.add(name);
      else locked.delete(name);
      for (const l of lockListeners) l(name, on);
    },
    isLocked: (ref) => locked.has(nameOf(ref)),
    lockedInputs: () => [...locked],
    onLock(listener) {
      lockListeners.add(listener);
      return () => lockListeners.delete(listener);
    },
    state: ((ref: Ref) => states.get(nameOf(ref)) ?? { status: 'pending', hasValue: false, version: 0 }) as NotebookEngine['state'],
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onInput(listener) {
      inputListeners.add(listener);
      return () => inputListeners.delete(listener);
    },
    onCommit: () => () => undefined,
    value: (async (ref: Ref) => states.get(nameOf(ref))?.value ?? inputs.get(nameOf(ref))) as NotebookEngine['value'],
    dispose() {},
    emit(name, partial) {
      const state: CellState = { status: 'ok', hasValue: false, version: 0, ...partial };
      states.set(name, state);
      for (const l of stateListeners) l(name, state);
    },
    listeners: () => stateListeners.size + inputListeners.size,
    refuse(name, message) {
      refusals.set(name, message);
    },
  };
  return engine;
}
