import type { AnyNode, CellNode, ControlSpec, InputNode } from '../../src/runtime/node.ts';
import type {
  CellState,
  InputListener,
  InputPhase,
  Notebook,
  NotebookEngine,
  StateListener,
} from '../../src/runtime/state.ts';

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
    persist: true,
    parse: (t) => t,
    format: (v) => String(v),
    validate: () => undefined,
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
    schedule: 'live',
    hidden: false,
    ...extra,
  };
}

export interface FakeEngine extends NotebookEngine {
  readonly calls: { name: string; value: unknown; phase: InputPhase | undefined }[];
  /** Pushes a state for a cell and tells listeners. */
  emit(name: string, state: Partial<CellState>): void;
  listeners(): number;
  /** Names passed to `cancel`. */
  readonly cancelled: string[];
  cancel(name: string): void;
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
  const calls: FakeEngine['calls'] = [];
  const cancelled: string[] = [];
  return {
    notebook,
    nodes,
    calls,
    cancelled,
    cancel: (name) => void cancelled.push(name),
    getInput: (name) => inputs.get(name),
    inputValues: () => Object.fromEntries(inputs),
    setInput(name, value, phase) {
      calls.push({ name, value, phase });
      const refusal = refusals.get(name);
      if (refusal) throw new Error(refusal);
      inputs.set(name, value);
      for (const l of inputListeners) l(name, value);
    },
    setInputs(values) {
      for (const [k, v] of Object.entries(values)) this.setInput(k, v, 'commit');
    },
    reset() {},
    state: (name) => states.get(name) ?? { status: 'pending', hasValue: false, version: 0 },
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onInput(listener) {
      inputListeners.add(listener);
      return () => inputListeners.delete(listener);
    },
    value: async (name) => states.get(name)?.value ?? inputs.get(name),
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
}
