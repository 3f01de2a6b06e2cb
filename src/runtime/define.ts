import { Runtime, type Module } from '@observablehq/runtime';
import type { Outcome } from './outcome.ts';

/**
 * The only code that talks to @observablehq/runtime. Every variable resolves to an `Outcome`
 * (never rejects), so failures reach dependents as values with their cause and origin.
 *
 * Variables: one per input (its live value), one per cell, and one *latch* per node that a
 * sampled edge reads: the node's last settled outcome, which the scheduler publishes. A latch
 * runs no code; it is how "read this only when released" is expressed on an edge.
 */

/** The runtime variable holding the settled outcome of `name`. */
export const latchName = (name: string): string => `settled:${name}`;

export interface CellObserver {
  /** Upstream changed: this cell will compute again. */
  pending(): void;
  fulfilled(outcome: Outcome): void;
}

export type CellDefinition = (outcomes: Outcome[], invalidation: Promise<void>) => Promise<Outcome> | Outcome;

export interface VariableGraph {
  /** Defines or redefines an input variable with its (live) outcome. */
  input(name: string, outcome: Outcome): void;
  /** Defines a latch; a promise holds dependents until the first settled outcome arrives. */
  latch(name: string, outcome: Outcome | Promise<Outcome>): void;
  /**
   * Defines a cell variable over `deps` (variable names). With an observer the runtime keeps it
   * computed; without one it is lazy and computes only when something reads it.
   */
  cell(name: string, deps: readonly string[], definition: CellDefinition, observer?: CellObserver): void;
  /** Recomputes a cell with its definition unchanged (e.g. to republish an on-demand result). */
  refresh(name: string): void;
  /** Deletes a cell variable nothing depends on (a user-defined cell the person removed). */
  remove(name: string): void;
  /** The outcome of a variable for the current definitions (computing lazy ones). */
  read(name: string): Promise<Outcome>;
  /** Stops everything; reads still waiting resolve with a failure saying the notebook closed. */
  dispose(): void;
}

const closed = (name: string): Outcome => ({
  kind: 'failure',
  failure: { cell: name, message: 'The notebook was closed before this value was computed.', cause: null },
  provenance: new Map(),
});

export function createVariableGraph(): VariableGraph {
  const runtime = new Runtime();
  const module: Module = runtime.module();
  const defined = new Set<string>();
  const cells = new Map<string, { deps: readonly string[]; fn: (...args: unknown[]) => unknown }>();
  const variables = new Map<string, { delete(): void }>();
  let reading = 0;
  let closing = false;
  const constant = (name: string, value: unknown): void => {
    if (defined.has(name)) module.redefine(name, [], () => value);
    else {
      defined.add(name);
      module.define(name, [], () => value);
    }
  };
  return {
    input: (name, outcome) => constant(name, outcome),
    latch: (name, outcome) => constant(latchName(name), outcome),
    cell(name, deps, definition, observer) {
      const fn = (...args: unknown[]) => {
        const invalidation = args.pop() as Promise<void>;
        return definition(args as Outcome[], invalidation);
      };
      cells.set(name, { deps, fn });
      const variable = module.variable(
        // A removed variable reports once more (undefined) as it is deleted: not an outcome.
        observer
          ? { pending: () => variables.has(name) && observer.pending(), fulfilled: (o: unknown) => variables.has(name) && observer.fulfilled(o as Outcome) }
          : null,
      );
      defined.add(name);
      variables.set(name, variable);
      variable.define(name, [...deps, 'invalidation'], fn);
    },
    remove(name) {
      const variable = variables.get(name);
      variables.delete(name);
      variable?.delete();
      cells.delete(name);
      defined.delete(name);
    },
    refresh(name) {
      const c = cells.get(name);
      if (c) module.redefine(name, [...c.deps, 'invalidation'], c.fn);
    },
    read(name) {
      if (closing) return Promise.resolve(closed(name));
      reading++;
      return (module.value(name) as Promise<Outcome>).finally(() => {
        reading--;
        if (closing && reading === 0) runtime.dispose();
      });
    },
    dispose() {
      if (closing) return;
      closing = true;
      if (reading === 0) {
        runtime.dispose();
        return;
      }
      // The runtime's value() retries forever on a variable disposed mid-computation; settle the
      // waiting reads first by turning every variable into a constant, then dispose.
      for (const name of defined) module.redefine(name, [], () => closed(name));
    },
  };
}
