import { Runtime, type Module } from '@observablehq/runtime';
import type { CellNode, InputNode, RunContext } from './node.ts';
import type {
  CellFailure,
  CellState,
  InputListener,
  InputPhase,
  Notebook,
  NotebookEngine,
  StateListener,
} from './state.ts';
import { collectNodes } from './graph.ts';
import { CellError, failureOf } from './errors.ts';
import { resolveInitialInputs, type InputStore } from './persist.ts';
import { NOTEBOOK_INPUTS } from './inputs.ts';

export interface EngineOptions {
  /** Saves committed input values; omitted in headless runs. */
  store?: InputStore;
  /** Values that win over stored ones (URL parameters, `--set`, an imported config). */
  initial?: Record<string, unknown>;
  /** Pause after the last live change before `settled` cells recompute (ms, default 250). */
  debounceMs?: number;
  /**
   * With `false` every cell follows committed values only (headless runs): no live
   * duplicates of cheap cells are defined. Default true.
   */
  live?: boolean;
}

const LIVE = '~live';
const CANCELLED = 'Cancelled. Change any input above to run it again.';
const EMPTY: CellState = { status: 'pending', hasValue: false, version: 0 };

/** Runtime variable names: `name` holds settled values; `name~live` follows a drag. */
const liveName = (name: string): string => name + LIVE;
const nodeName = (variable: string): string =>
  variable.endsWith(LIVE) ? variable.slice(0, -LIVE.length) : variable;

/** A short text for messages. Never serialises big values: a file's bytes would freeze the page. */
function formatValue(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value)) return `<${value.byteLength.toLocaleString('en-US')} bytes>`;
  if (typeof value === 'object') {
    const named = (value as { name?: unknown }).name;
    if (typeof named === 'string') return JSON.stringify(named);
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length > 20 || entries.some(([, v]) => typeof v === 'object' && v !== null)) return `{${entries.length} fields}`;
    const text = JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  }
  return String(value);
}

/**
 * Builds a running notebook: every input and cell becomes an @observablehq/runtime
 * variable, so only cells downstream of a change recompute, promises work, stale async
 * results are dropped, and failures travel as rejected values instead of exceptions.
 * This is the only code that talks to the runtime.
 */
export function createEngine(notebook: Notebook, options: EngineOptions = {}): NotebookEngine {
  const nodes = collectNodes(notebook);
  const byName = new Map(nodes.map((n) => [n.name, n]));
  const inputs = nodes.filter((n): n is InputNode<unknown> => n.kind === 'input');
  const debounceMs = options.debounceMs ?? 250;
  const liveMode = options.live ?? true;

  const runtime = new Runtime();
  const module: Module = runtime.module();
  const states = new Map<string, CellState>();
  const stateListeners = new Set<StateListener>();
  const inputListeners = new Set<InputListener>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  let lastChange: string | undefined;
  /** The abort controller of each variable's run in progress, for `cancel()`. */
  const running = new Map<string, AbortController>();
  let disposed = false;

  const { values: initialValues } = resolveInitialInputs(notebook.id, inputs, options.store, options.initial);
  const liveValues = new Map<string, unknown>(Object.entries(initialValues));
  const committed = new Map<string, unknown>(Object.entries(initialValues));

  // Which nodes get a live twin: inputs, and live cells whose inputs include a live node.
  const hasLive = new Set<string>();
  if (liveMode) {
    for (const node of nodes) {
      if (node.kind === 'input') hasLive.add(node.name);
      else if (node.schedule === 'live' && Object.values(node.inputs).some((d) => hasLive.has(d.name))) {
        hasLive.add(node.name);
      }
    }
  }
  /** The variable the UI shows for a node. */
  const shown = (name: string): string => (hasLive.has(name) ? liveName(name) : name);

  const emit = (variable: string, next: CellState): void => {
    states.set(variable, next);
    const name = nodeName(variable);
    if (shown(name) !== variable) return;
    for (const listener of stateListeners) listener(name, next);
  };
  const update = (variable: string, patch: Partial<CellState>): void => {
    emit(variable, { ...(states.get(variable) ?? EMPTY), ...patch });
  };

  /** Runtime dependencies of each cell variable, and whether its latest run threw. */
  const depsOf = new Map<string, readonly string[]>();
  const failed = new Map<string, boolean>();

  /**
   * The failed cell behind a rejection that reached a variable from upstream variable `from`:
   * the nearest variable at or above `from` whose own run threw. Walking the graph (rather than
   * reading observed states) also sees through settled twins that nobody observes.
   */
  const rootOf = (error: unknown): string | undefined => {
    const from = (error as { input?: unknown } | null)?.input;
    if (typeof from !== 'string') return undefined;
    const seen = new Set<string>();
    const queue = [from];
    while (queue.length > 0) {
      const v = queue.shift() as string;
      if (seen.has(v)) continue;
      seen.add(v);
      if (failed.get(v)) return nodeName(v);
      queue.push(...(depsOf.get(v) ?? []));
    }
    return nodeName(from);
  };

  const observer = (variable: string, observed: boolean) => ({
    pending() {
      update(variable, { status: 'pending', progress: undefined });
    },
    fulfilled(value: unknown) {
      const prev = states.get(variable) ?? EMPTY;
      emit(variable, {
        ...prev,
        status: 'ok',
        value,
        hasValue: true,
        error: undefined,
        blockedBy: undefined,
        progress: undefined,
        version: prev.version + 1,
      });
    },
    rejected(error: unknown) {
      const name = nodeName(variable);
      if (error instanceof CellError && error.cell === name) {
        update(variable, { status: 'error', error: failureOf(error), blockedBy: undefined, progress: undefined });
        return;
      }
      failed.set(variable, false); // blocked now: an earlier failure of its own is history
      const root = rootOf(error);
      if (root !== undefined && root !== name) {
        update(variable, { status: 'blocked', blockedBy: root, error: undefined, progress: undefined });
      } else {
        const failure: CellFailure = { message: error instanceof Error ? error.message : String(error), cell: name };
        update(variable, { status: 'error', error: failure, progress: undefined });
      }
    },
    observed,
  });

  const defineCell = (cell: CellNode<unknown>, variable: string, live: boolean, observed: boolean): void => {
    const keys = Object.keys(cell.inputs);
    const deps = keys.map((k) => {
      const dep = cell.inputs[k].name;
      return live && hasLive.has(dep) ? liveName(dep) : dep;
    });
    depsOf.set(variable, deps);
    const definition = async (...args: unknown[]): Promise<unknown> => {
      const invalidation = args[args.length - 1] as Promise<void>;
      const controller = new AbortController();
      void invalidation.then(() => controller.abort());
      const values: Record<string, unknown> = {};
      keys.forEach((k, i) => (values[k] = args[i]));
      const context: RunContext = {
        signal: controller.signal,
        previous: states.get(variable)?.value,
        progress: (fraction, message) => {
          if (!controller.signal.aborted) update(variable, { progress: { fraction, message } });
        },
      };
      const trigger = lastChange;
      running.set(variable, controller);
      update(variable, { status: 'running' });
      const start = performance.now();
      try {
        const value = await cell.run(values, context);
        failed.set(variable, false);
        update(variable, { ms: performance.now() - start });
        return value;
      } catch (error) {
        failed.set(variable, true);
        update(variable, { ms: performance.now() - start });
        const cancelled = controller.signal.aborted && (error as { name?: string } | null)?.name === 'AbortError';
        throw new CellError(cell.name, cancelled ? new Error(CANCELLED) : error, trigger);
      } finally {
        if (running.get(variable) === controller) running.delete(variable);
      }
    };
    const v = module.variable(observed ? observer(variable, observed) : null);
    v.define(variable, [...deps, 'invalidation'], definition);
  };

  // Observed: what the UI shows (every shown variable). Settled twins of live cells stay lazy:
  // they compute only when a settled cell downstream needs them.
  for (const node of nodes) {
    if (node.kind === 'input') {
      const value = committed.get(node.name);
      module.variable(observer(node.name, true)).define(node.name, [], () => value);
      if (hasLive.has(node.name)) {
        module.variable(observer(liveName(node.name), true)).define(liveName(node.name), [], () => value);
      }
    } else if (node.name === NOTEBOOK_INPUTS) {
      const names = inputs.filter((i) => i.persist).map((i) => i.name);
      module
        .variable(observer(node.name, true))
        .define(node.name, names, (...values: unknown[]) => Object.fromEntries(names.map((n, i) => [n, values[i]])));
    } else {
      if (hasLive.has(node.name)) {
        defineCell(node, liveName(node.name), true, true);
        defineCell(node, node.name, false, false);
      } else {
        defineCell(node, node.name, false, true);
      }
    }
  }

  const inputNode = (name: string): InputNode<unknown> => {
    const node = byName.get(name);
    if (!node || node.kind !== 'input') {
      const known = inputs.map((i) => i.name).join(', ');
      throw new Error(`unknown input "${name}" in notebook "${notebook.id}" (inputs: ${known})`);
    }
    return node;
  };

  const persist = (): void => {
    options.store?.save(notebook.id, Object.fromEntries(committed), inputs);
  };

  const commit = (node: InputNode<unknown>, value: unknown): void => {
    const timer = timers.get(node.name);
    if (timer !== undefined) clearTimeout(timer);
    timers.delete(node.name);
    if (committed.get(node.name) === value) return;
    committed.set(node.name, value);
    module.redefine(node.name, [], () => value);
  };

  const setInput = (name: string, value: unknown, phase: InputPhase = 'commit'): void => {
    if (disposed) return;
    const node = inputNode(name);
    const reason = node.validate(value);
    if (reason !== undefined) throw new Error(`invalid ${name}: ${formatValue(value)} (${reason})`);
    lastChange = `${name} = ${formatValue(value)}`;
    if (liveValues.get(name) !== value) {
      liveValues.set(name, value);
      if (hasLive.has(name)) module.redefine(liveName(name), [], () => value);
      for (const listener of inputListeners) listener(name, value);
    }
    if (phase === 'commit' || !hasLive.has(name)) {
      commit(node, value);
      persist();
    } else {
      const timer = timers.get(name);
      if (timer !== undefined) clearTimeout(timer);
      timers.set(
        name,
        setTimeout(() => {
          commit(node, liveValues.get(name));
          persist();
        }, debounceMs),
      );
    }
  };

  const setInputs = (values: Record<string, unknown>): void => {
    const checked = Object.entries(values).map(([name, value]) => {
      const node = inputNode(name);
      const reason = node.validate(value);
      if (reason !== undefined) throw new Error(`invalid ${name}: ${formatValue(value)} (${reason})`);
      return [name, value] as const;
    });
    for (const [name, value] of checked) setInput(name, value, 'commit');
  };

  return {
    notebook,
    nodes,
    getInput: (name) => liveValues.get(inputNode(name).name),
    inputValues: () => Object.fromEntries(committed),
    setInput,
    setInputs,
    reset() {
      options.store?.clear(notebook.id);
      // Only the settings a person makes: the data file and host services stay as they are.
      for (const node of inputs) if (node.persist) setInput(node.name, node.defaultValue, 'commit');
    },
    state: (name) => states.get(shown(name)) ?? EMPTY,
    onState(listener) {
      stateListeners.add(listener);
      return () => stateListeners.delete(listener);
    },
    onInput(listener) {
      inputListeners.add(listener);
      return () => inputListeners.delete(listener);
    },
    cancel(name) {
      for (const variable of [name, liveName(name)]) running.get(variable)?.abort();
    },
    value: async (name) => {
      if (!byName.has(name)) throw new Error(`unknown cell "${name}" in notebook "${notebook.id}"`);
      return module.value(name);
    },
    dispose() {
      disposed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      runtime.dispose();
    },
  };
}
