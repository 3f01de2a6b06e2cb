import { ActionError, checkPlan, resetAction, type Action, type ActionResult } from './actions.ts';
import { createVariableGraph, latchName, type CellDefinition, type CellObserver } from './define.ts';
import { createDemand } from './demand.ts';
import { describeValue } from './describe.ts';
import { createLocks } from './locks.ts';
import { CellError } from './errors.ts';
import { collectNodes, controlDependencies, edgesOf, type Edge } from './graph.ts';
import { NOTEBOOK_INPUTS } from './inputs.ts';
import type { AnyNode, CellNode, InputNode, Node } from './node.ts';
import { createStateStore } from './observe.ts';
import { evaluate, isSettled, mergeProvenance, throughEdges, type Outcome } from './outcome.ts';
import { isStored, resolveInitialInputs, type InputStore } from './persist.ts';
import { createScheduler, sameValue } from './schedule.ts';
import type { CellState, CommitListener, CommittedChange, InputListener, InputPhase, Notebook, NotebookEngine } from './state.ts';

export interface EngineOptions {
  /** Saves committed settings and action state; omitted in headless runs. */
  store?: InputStore;
  /** Values that win over stored ones (URL parameters, `--set`, the data file, host values). */
  initial?: Readonly<Record<string, unknown>>;
  /** Pause after the last live change before a drag counts as released (ms, default 250). */
  debounceMs?: number;
  /**
   * With `false` (headless runs) every change commits at once and sampled edges read their
   * node directly: there is no drag to wait for. Default true.
   */
  live?: boolean;
  /**
   * With `true` no cell computes until something reads it (`value`, `run`), visible ones
   * included: for a command that writes a few results and should compute only those (no k sweep
   * or silhouette it does not export). Default false: visible cells stay computed.
   */
  onRead?: boolean;
  /**
   * Resolves after the page has painted (a browser passes requestAnimationFrame then a task);
   * cells marked `deferred` wait for it before they run. Omitted headless: no waiting.
   */
  afterPaint?: () => Promise<void>;
}

/**
 * Builds a running notebook on @observablehq/runtime: one variable per input and per cell, so
 * only cells downstream of a change recompute, promises work, and stale async results are
 * dropped. Outcomes (values, failures, idle) travel as values; `define.ts` is the only module
 * that touches the runtime, `schedule.ts` decides when sampled readers see a change,
 * `demand.ts` runs on-demand cells, `observe.ts` keeps what the shell shows.
 */
export function createEngine(notebook: Notebook, options: EngineOptions = {}): NotebookEngine {
  const nodes = collectNodes(notebook);
  const byName = new Map<string, AnyNode>(nodes.map((n) => [n.name, n]));
  const inputs = nodes.filter((n): n is InputNode<unknown> => n.kind === 'input');
  const inputsByName = new Map(inputs.map((i) => [i.name, i]));
  const cells = nodes.filter((n): n is CellNode<unknown> => n.kind === 'cell');
  const settings = inputs.filter((i) => i.role === 'setting');
  const liveMode = options.live ?? true;

  // A sampled edge reads the node's latch (live mode only; headless runs have no drag).
  const latchedEdge = (edge: Edge): boolean => liveMode && edge.sampled;
  const latched = new Set<string>();
  for (const cell of cells) for (const edge of edgesOf(cell)) if (latchedEdge(edge)) latched.add(edge.node.name);
  // The record of every setting reads them settled: it is for exports, not for a drag.
  const recordsInputs = cells.some((c) => c.name === NOTEBOOK_INPUTS);
  if (recordsInputs && liveMode) for (const s of settings) latched.add(s.name);
  const variablesOf = (cell: CellNode<unknown>): string[] =>
    cell.name === NOTEBOOK_INPUTS
      ? settings.map((s) => (liveMode ? latchName(s.name) : s.name))
      : edgesOf(cell).map((e) => (latchedEdge(e) ? latchName(e.node.name) : e.node.name));

  // Observed cells stay computed: visible ones, the option lists of controls, and latch sources.
  // The others are lazy: they compute when something needs them or when read.
  const needed = new Set(inputs.flatMap((i) => controlDependencies(i.control).map((n) => n.name)));
  const kept = (c: CellNode<unknown>): boolean => latched.has(c.name) || (!options.onRead && (!c.hidden || needed.has(c.name)));
  const observed = new Set(cells.filter(kept).map((c) => c.name));
  const lazy = new Set(cells.filter((c) => !observed.has(c.name)).map((c) => c.name));

  const states = createStateStore(lazy);
  const inputListeners = new Set<InputListener>();
  const commitListeners = new Set<CommitListener>();
  /** The action whose plan is being applied (commits during it are that action's). */
  let acting: { name: string; title: string } | undefined;
  const graph = createVariableGraph();
  const running = new Map<string, AbortController>();
  const locks = createLocks();
  const live = (name: string): unknown => scheduler.live.get(name);
  let lastChange: string | undefined;
  let disposed = false;

  const resolved = resolveInitialInputs(notebook.id, inputs, options.store, options.initial);
  const persist = (): void => {
    if (!options.store) return;
    options.store.save(notebook.id, Object.fromEntries(scheduler.committed), inputs.filter(isStored));
  };
  const committedChanged = (changes: readonly CommittedChange[]): void => {
    persist();
    demand.inputsChanged();
    const commit = { changes, ...(acting === undefined ? {} : { action: acting }) };
    for (const listener of commitListeners) listener(commit);
  };
  const scheduler = createScheduler({
    graph,
    initial: resolved.values,
    latched,
    live: liveMode,
    debounceMs: options.debounceMs ?? 250,
    onCommit: (changes) => committedChanged(changes),
  });
  // A refused stored value is reported once: the store is rewritten without it.
  if (resolved.rejected.some((r) => r.source === 'stored')) persist();

  /** Latched cells upstream of a node (itself included), in dependency order. */
  const upstreamLatches = (node: AnyNode): string[] => {
    const seen = new Set<string>();
    const visit = (n: AnyNode): void => {
      if (seen.has(n.name)) return;
      seen.add(n.name);
      if (n.kind === 'cell') for (const e of edgesOf(n)) visit(e.node);
    };
    visit(node);
    return cells.filter((c) => seen.has(c.name) && latched.has(c.name)).map((c) => c.name);
  };
  const settle = (node: AnyNode) => scheduler.settle(upstreamLatches(node), (name) => graph.read(name));

  const demand = createDemand({
    graph,
    states,
    inputs: inputsByName,
    committed: scheduler.committed,
    variablesOf,
    settle,
    trigger: () => lastChange,
  });

  const reactive = (cell: CellNode<unknown>): CellDefinition => {
    const keys = Object.keys(cell.inputs);
    const latchedAt = edgesOf(cell).map(latchedEdge);
    const ifRunAt = edgesOf(cell).map((e) => e.ifRun);
    let runs = 0;
    return async (outcomes, invalidation) => {
      // A sampled input behind the committed values means its newer settled value is on its way
      // (its source recomputes after every commit it depends on): wait for it rather than run on
      // a mix, e.g. a new table with the old matrix. The runtime discards this run's result.
      if (outcomes.some((o, i) => latchedAt[i] && !isSettled(o.provenance, scheduler.committed))) {
        await invalidation;
        return outcomes[0];
      }
      const run = ++runs;
      const controller = new AbortController();
      let invalidated = false;
      void invalidation.then(() => {
        invalidated = true;
        controller.abort();
      });
      let start = 0;
      const outcome = await evaluate(cell, keys, throughEdges(outcomes, ifRunAt), {
        signal: controller.signal,
        lane: 'interactive',
        trigger: lastChange,
        ...(cell.deferred && options.afterPaint ? { before: options.afterPaint } : {}),
        progress: (fraction, message) => {
          if (!controller.signal.aborted) states.patch(cell.name, { progress: { fraction, message } });
        },
        started: () => {
          start = performance.now();
          running.set(cell.name, controller);
          states.patch(cell.name, { status: 'running' });
        },
      });
      if (running.get(cell.name) === controller) running.delete(cell.name);
      if (start > 0 && !controller.signal.aborted) states.patch(cell.name, { ms: performance.now() - start });
      // Lazy cells have no observer: their latest run reports its own outcome (unless the runtime
      // dropped it for newer inputs; a run cancelled by the person does report).
      if (lazy.has(cell.name) && run === runs && !invalidated) states.record(cell.name, outcome);
      return outcome;
    };
  };
  const recordInputs: CellDefinition = (outcomes) => {
    const values = Object.fromEntries(settings.map((s, i) => [s.name, (outcomes[i] as { value?: unknown }).value]));
    return { kind: 'value', value: values, provenance: mergeProvenance(outcomes) };
  };

  const define = (cell: CellNode<unknown>): void => {
    const definition =
      cell.name === NOTEBOOK_INPUTS ? recordInputs : cell.trigger === 'demand' ? demand.definition(cell) : reactive(cell);
    const observer: CellObserver | undefined = observed.has(cell.name)
      ? {
          pending() {
            if (disposed) return;
            if (!demand.isRunning(cell.name)) states.patch(cell.name, { status: 'pending', progress: undefined });
          },
          fulfilled(outcome) {
            if (disposed) return;
            const progress = states.get(cell.name).progress;
            states.record(cell.name, outcome);
            // An on-demand job keeps running while its inputs move; its state says so.
            if (demand.isRunning(cell.name)) states.patch(cell.name, { status: 'running', progress });
            scheduler.recorded(cell.name, outcome);
          },
        }
      : undefined;
    // An on-demand cell's variable only holds its last result: no runtime dependencies.
    graph.cell(cell.name, cell.trigger === 'demand' ? [] : variablesOf(cell), definition, observer);
  };
  for (const cell of cells) define(cell);
  const added = new Set<string>();

  const inputNode = (ref: InputNode<unknown> | string): InputNode<unknown> => {
    const node = byName.get(typeof ref === 'string' ? ref : ref.name);
    if (!node || node.kind !== 'input') {
      const name = typeof ref === 'string' ? ref : ref.name;
      throw new Error(`unknown input "${name}" in notebook "${notebook.id}" (inputs: ${inputs.map((i) => i.name).join(', ')})`);
    }
    return node;
  };
  const cellNode = (ref: CellNode<unknown> | string): CellNode<unknown> => {
    const node = byName.get(typeof ref === 'string' ? ref : ref.name);
    if (!node || node.kind !== 'cell') throw new Error(`unknown cell "${typeof ref === 'string' ? ref : ref.name}" in notebook "${notebook.id}"`);
    return node;
  };

  /** Applies checked values as one change and tells input listeners. */
  const apply = (values: ReadonlyMap<string, unknown>, phase: InputPhase): string[] => {
    const changed = [...values].filter(([name, value]) => !sameValue(scheduler.live.get(name), value)).map(([name]) => name);
    scheduler.set(values, phase);
    for (const name of changed) for (const listener of inputListeners) listener(name, values.get(name), phase);
    return inputs.filter((i) => changed.includes(i.name)).map((i) => i.name);
  };

  const setInput = (ref: InputNode<unknown> | string, value: unknown, phase: InputPhase = 'commit'): void => {
    if (disposed) return;
    const node = inputNode(ref);
    const reason = node.validate(value);
    if (reason !== undefined) throw new Error(reason);
    const values = new Map([[node.name, node.normalize(value)]]);
    const [locked] = locks.refusals(values, live);
    if (locked !== undefined) throw new Error(locked);
    lastChange = `${node.name} = ${describeValue(value)}`;
    apply(values, phase);
  };

  const act = async <P>(action: Action<P>, payload: P): Promise<ActionResult> => {
    const plan = await action.plan(payload, {
      inputs: inputsByName,
      input: <T>(node: InputNode<T>) => scheduler.committed.get(inputNode(node).name) as T,
      value: (node) => value(node),
    });
    const values = checkPlan(action.title, plan, inputsByName);
    const locked = locks.refusals(values, live);
    if (locked.length > 0) throw new ActionError(action.title, locked);
    if (disposed) return { action: action.name, changed: [], notes: plan.notes ?? [] };
    lastChange = action.title;
    acting = { name: action.name, title: action.title };
    let changed: string[];
    try {
      changed = apply(values, 'commit');
    } finally {
      acting = undefined;
    }
    await demand.runAll((plan.run ?? []).map(cellNode));
    return { action: action.name, changed, notes: plan.notes ?? [] };
  };

  const value = async <T>(ref: Node<T>): Promise<T> => {
    const node = byName.get(ref.name);
    if (!node) throw new Error(`unknown node "${ref.name}" in notebook "${notebook.id}"`);
    if (node.kind === 'input') {
      scheduler.flush();
      return scheduler.committed.get(node.name) as T;
    }
    await settle(node);
    const outcome: Outcome = await graph.read(node.name);
    if (lazy.has(node.name)) states.record(node.name, outcome);
    if (outcome.kind === 'value') return outcome.value as T;
    if (outcome.kind === 'failure') throw new CellError(outcome.failure);
    const waiting = byName.get(outcome.cell)?.title ?? outcome.cell;
    throw new Error(`${node.title} needs "${waiting}", which runs only when asked: run it first`);
  };

  function state(ref: Node<unknown> | string): CellState {
    const name = typeof ref === 'string' ? ref : ref.name;
    const node = byName.get(name);
    if (node?.kind === 'input') return { status: 'ok', value: scheduler.live.get(name), hasValue: true, version: 0 };
    return states.get(name);
  }

  return {
    notebook,
    nodes,
    refused: resolved.rejected,
    node: (name) => byName.get(name),
    getInput: ((ref: InputNode<unknown> | string) => scheduler.live.get(inputNode(ref).name)) as NotebookEngine['getInput'],
    inputValues: () => Object.fromEntries(scheduler.committed),
    setInput: setInput as NotebookEngine['setInput'],
    setInputs(values) {
      const problems: string[] = [];
      const checked = new Map<string, unknown>();
      for (const [name, v] of Object.entries(values)) {
        try {
          const node = inputNode(name);
          const reason = node.validate(v);
          if (reason !== undefined) problems.push(reason);
          else checked.set(name, node.normalize(v));
        } catch (error) {
          problems.push(error instanceof Error ? error.message : String(error));
        }
      }
      problems.push(...locks.refusals(checked, live));
      if (problems.length > 0) throw new Error(problems.join('; '));
      if (disposed) return;
      lastChange = [...checked].map(([n, v]) => `${n} = ${describeValue(v)}`).join(', ');
      apply(checked, 'commit');
    },
    act,
    async reset() {
      // A locked input refuses the reset before anything (the stored values included) is forgotten.
      const defaults = new Map(inputs.filter((i) => i.role === 'setting' || i.role === 'state').map((i) => [i.name, i.defaultValue]));
      const locked = locks.refusals(defaults, live);
      if (locked.length > 0) throw new ActionError(resetAction.title, locked);
      options.store?.clear(notebook.id);
      return act(resetAction, undefined);
    },
    lock(ref, on = true) {
      const node = inputNode(ref);
      if (node.role === 'host') throw new Error(`"${node.name}" is provided by the host and cannot be locked`);
      locks.set(node.name, on);
    },
    isLocked: (ref) => locks.has(typeof ref === 'string' ? ref : ref.name),
    lockedInputs: () => locks.list(),
    onLock: (listener) => locks.listen(listener),
    run: (ref) => demand.run(cellNode(ref)),
    runAll: (refs) => demand.runAll(refs.map(cellNode)),
    cancel(ref) {
      const name = typeof ref === 'string' ? ref : ref.name;
      if (!demand.cancel(name)) running.get(name)?.abort();
    },
    state: state as NotebookEngine['state'],
    onState: (listener) => states.listen(listener),
    onInput(listener) {
      inputListeners.add(listener);
      return () => inputListeners.delete(listener);
    },
    onCommit(listener) {
      commitListeners.add(listener);
      return () => commitListeners.delete(listener);
    },
    addCell(cell) {
      if (byName.has(cell.name)) throw new Error(`a cell or input named "${cell.name}" already exists in notebook "${notebook.id}"`);
      if (cell.trigger !== 'change' || cell.hidden) throw new Error(`"${cell.name}": an added cell runs on change and is visible`);
      for (const edge of edgesOf(cell)) {
        if (byName.get(edge.node.name) !== edge.node) throw new Error(`"${cell.name}" reads "${edge.node.name}", which is not a node of notebook "${notebook.id}"`);
        if (edge.sampled) throw new Error(`"${cell.name}": an added cell reads its nodes directly, not sampled`);
      }
      byName.set(cell.name, cell);
      added.add(cell.name);
      observed.add(cell.name);
      define(cell);
      return () => {
        if (!added.delete(cell.name)) return;
        running.get(cell.name)?.abort();
        graph.remove(cell.name);
        byName.delete(cell.name);
        observed.delete(cell.name);
      };
    },
    value,
    dispose() {
      disposed = true;
      scheduler.dispose();
      graph.dispose();
    },
  };
}
