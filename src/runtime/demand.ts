import type { CellDefinition, VariableGraph } from './define.ts';
import type { CellNode, InputNode } from './node.ts';
import type { StateStore } from './observe.ts';
import { edgesOf } from './graph.ts';
import { changesBetween, failureOf, isAbort, mergeProvenance, obstacle, throughEdges, type Outcome, type Provenance } from './outcome.ts';

/**
 * On-demand cells (`trigger: 'demand'`). The runtime variable of such a cell has no
 * dependencies and runs no analysis: it holds the result of the last requested run, as idle,
 * the result, or the result marked stale with the inputs that changed since. So an on-demand
 * cell never makes a lazy cell it reads (e.g. an export) compute before it is asked to.
 *
 * A run is a job outside the runtime: it settles drags, reads the current values of its
 * dependencies, runs in the background lane with progress and Cancel, and an input change during
 * it does not restart it (its result then shows as stale at once).
 */
export interface Demand {
  /** The runtime definition of an on-demand cell. */
  definition(cell: CellNode<unknown>): CellDefinition;
  run(cell: CellNode<unknown>): Promise<void>;
  /** Runs cells one after another; stops when the one running is cancelled. */
  runAll(cells: readonly CellNode<unknown>[]): Promise<void>;
  /** Aborts a running job; false when none runs. */
  cancel(name: string): boolean;
  isRunning(name: string): boolean;
  /** Committed inputs changed: republishes results whose staleness changed. */
  inputsChanged(): void;
}

export interface DemandOptions {
  readonly graph: VariableGraph;
  readonly states: StateStore;
  readonly inputs: ReadonlyMap<string, InputNode<unknown>>;
  readonly committed: ReadonlyMap<string, unknown>;
  /** The variables a cell reads, in the order of its `inputs` keys. */
  readonly variablesOf: (cell: CellNode<unknown>) => readonly string[];
  /** Settles drags and the latches upstream of a cell before it reads them. */
  readonly settle: (cell: CellNode<unknown>) => Promise<void>;
  readonly trigger: () => string | undefined;
}

interface Job {
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

export function createDemand(o: DemandOptions): Demand {
  const results = new Map<string, Outcome>();
  const shownChanges = new Map<string, string>();
  const jobs = new Map<string, Job>();
  const cells = new Map<string, CellNode<unknown>>();

  /** The committed values of the inputs a result was computed from. */
  const now = (provenance: Provenance): Provenance => new Map([...provenance.keys()].map((name) => [name, o.committed.get(name)]));
  const changesOf = (result: Outcome) => changesBetween(result.provenance, now(result.provenance), o.inputs);

  const definition = (cell: CellNode<unknown>): CellDefinition => {
    cells.set(cell.name, cell);
    return () => {
      const result = results.get(cell.name);
      if (!result) return { kind: 'idle', cell: cell.name, provenance: new Map() };
      if (result.kind !== 'value') return result;
      const changes = changesOf(result);
      shownChanges.set(cell.name, JSON.stringify(changes));
      return changes.length > 0 ? { ...result, stale: { cell: cell.name, changes } } : result;
    };
  };

  const execute = async (cell: CellNode<unknown>, controller: AbortController): Promise<void> => {
    const name = cell.name;
    const publish = async () => {
      jobs.delete(name);
      o.graph.refresh(name);
      o.states.record(name, await o.graph.read(name));
    };
    // Running from the click on: settling a drag and reading the inputs are part of the run.
    o.states.patch(name, { status: 'running', progress: undefined, notice: undefined });
    await o.settle(cell);
    const keys = Object.keys(cell.inputs);
    const read = await Promise.all(o.variablesOf(cell).map((v) => o.graph.read(v)));
    const outcomes = throughEdges(read, edgesOf(cell).map((e) => e.ifRun));
    const provenance = mergeProvenance(outcomes);
    const blocker = obstacle(outcomes);
    if (blocker) {
      // Not run: the failure (or the on-demand cell) upstream is what to fix first.
      results.set(name, { ...blocker, provenance });
      await publish();
      return;
    }
    const values: Record<string, unknown> = {};
    outcomes.forEach((x, i) => x.kind === 'value' && (values[keys[i]] = x.value));
    const start = performance.now();
    let notice: string | undefined;
    try {
      const value = await cell.run(values, {
        signal: controller.signal,
        lane: 'background',
        progress: (fraction, message) => {
          if (!controller.signal.aborted) o.states.patch(name, { progress: { fraction, message } });
        },
      });
      results.set(name, { kind: 'value', value, provenance });
    } catch (error) {
      if (controller.signal.aborted && isAbort(error)) {
        notice = results.get(name)?.kind === 'value' ? 'Cancelled; the result of the previous run is kept.' : 'Cancelled.';
      } else {
        results.set(name, { kind: 'failure', failure: failureOf(name, error, o.trigger(), false), provenance });
      }
    }
    o.states.patch(name, { ms: performance.now() - start, notice });
    await publish();
  };

  /** The job of a cell: the one running, or a new one. */
  const start = (cell: CellNode<unknown>): Job => {
    const running = jobs.get(cell.name);
    if (running) return running;
    const controller = new AbortController();
    const done = execute(cell, controller).finally(() => {
      if (jobs.get(cell.name)?.controller === controller) jobs.delete(cell.name);
    });
    const job = { controller, done };
    jobs.set(cell.name, job);
    return job;
  };

  return {
    definition,
    run: (cell) => start(cell).done,
    async runAll(list) {
      for (const cell of list) {
        const job = start(cell);
        await job.done;
        if (job.controller.signal.aborted) return;
      }
    },
    cancel(name) {
      const job = jobs.get(name);
      job?.controller.abort();
      return job !== undefined;
    },
    isRunning: (name) => jobs.has(name),
    inputsChanged() {
      for (const [name, result] of results) {
        if (result.kind !== 'value' || !cells.has(name)) continue;
        if (JSON.stringify(changesOf(result)) !== shownChanges.get(name)) o.graph.refresh(name);
      }
    },
  };
}
