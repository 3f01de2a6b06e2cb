import type { AnyNode, CellNode, InputNode, Node } from './node.ts';
import type { Failure, Staleness } from './outcome.ts';
import type { Action, ActionResult } from './actions.ts';
import type { LockListener } from './locks.ts';
export type { LockListener };

/**
 * Where a cell is in its life: waiting on inputs, computing, done, failed, blocked by a failed
 * cell upstream, or idle (an on-demand cell not run yet, a cell waiting on one, or a hidden cell
 * nobody has read yet).
 */
export type CellStatus = 'pending' | 'running' | 'ok' | 'error' | 'blocked' | 'idle';

export interface CellState<T = unknown> {
  readonly status: CellStatus;
  /** The latest value (kept while recomputing, failing or stale, so views do not flash). */
  readonly value?: T;
  readonly hasValue: boolean;
  /**
   * With `error`: this cell's failure. With `blocked`: the root failure upstream, as it was
   * raised (its `cell` names the origin), so a blocked cell can show it without a graph walk.
   */
  readonly error?: Failure;
  /** With status `blocked`: the cell whose run failed. */
  readonly blockedBy?: string;
  /** With status `idle`: the on-demand cell that has to run (this cell or one upstream). */
  readonly waitingFor?: string;
  /** The value was computed from an on-demand result whose inputs changed since: what changed. */
  readonly stale?: Staleness;
  /** A note about the last run, e.g. that it was cancelled and the earlier result is kept. */
  readonly notice?: string;
  /** Duration of the last completed run, in milliseconds. */
  readonly ms?: number;
  /** Reported by long runs through `RunContext.progress`. */
  readonly progress?: { readonly fraction: number; readonly message?: string };
  /** Increments on every new value; lets views skip redundant repaints. */
  readonly version: number;
}

/** How an input change arrives: `live` while dragging, `commit` on release or typing Enter. */
export type InputPhase = 'live' | 'commit';

export type StateListener = (name: string, state: CellState) => void;
/** An input's value changed; `phase` says whether a drag is still going (`live`) or it was committed. */
export type InputListener = (name: string, value: unknown, phase: InputPhase) => void;

/** One input whose committed value changed: what it was and what it is now. */
export interface CommittedChange {
  readonly name: string;
  readonly old: unknown;
  readonly new: unknown;
}

/**
 * Committed values changed: once per release of a drag, typed value, `setInputs` or action, never
 * per drag step. `action` is the action that made the change (e.g. Import config, Reset).
 */
export interface Commit {
  readonly changes: readonly CommittedChange[];
  readonly action?: { readonly name: string; readonly title: string };
}

export type CommitListener = (commit: Commit) => void;

/** A stored or linked input value refused at start: reported once, replaced by the default. */
export interface RefusedValue {
  readonly name: string;
  /** `invalid <name>: <value> (<expected>)`. */
  readonly reason: string;
  /** Where it came from. */
  readonly source: 'stored' | 'given';
}

/** The surface the UI, the command and tests use; implemented by `createEngine`. */
export interface NotebookEngine {
  readonly notebook: Notebook;
  /** Every node of the notebook, including dependencies not listed in its items, in dependency order. */
  readonly nodes: readonly AnyNode[];
  /** Values refused when the engine started (stored or given), each replaced by its default. */
  readonly refused: readonly RefusedValue[];
  /** The node named `name`, if the notebook has one. */
  node(name: string): AnyNode | undefined;
  /** The current (live, while dragging) value of an input. */
  getInput<T>(input: InputNode<T>): T;
  getInput(name: string): unknown;
  /** Every input value, committed. */
  inputValues(): Record<string, unknown>;
  /** Sets an input; throws `invalid <name>: ...` for a value its `validate` refuses. */
  setInput<T>(input: InputNode<T>, value: T, phase?: InputPhase): void;
  setInput(name: string, value: unknown, phase?: InputPhase): void;
  /** Sets several inputs as one change: all are validated first, then applied together or not at all. */
  setInputs(values: Readonly<Record<string, unknown>>): void;
  /**
   * Performs an action: its plan is validated completely (every input declared and settable,
   * every value valid) before anything changes, then applied at once; afterwards the cells it
   * names run. Rejects, changing nothing, when the plan or a value is refused.
   */
  act<P>(action: Action<P>, payload: P): Promise<ActionResult>;
  /**
   * Restores every setting and action state to its default and forgets the stored values.
   * Rejects, changing nothing, when a locked input would change.
   */
  reset(): Promise<ActionResult>;
  /**
   * Locks (or with `false` unlocks) an input: until unlocked, every change to it is refused
   * (`setInput`, `setInputs`, actions, `reset`) with `invalid <name>: <value> (locked at ...)`;
   * setting the value it has passes. Host values cannot be locked. Locks are not saved by the
   * engine: the host keeps them (e.g. with the workshop it belongs to).
   */
  lock(input: InputNode<unknown> | string, locked?: boolean): void;
  isLocked(input: InputNode<unknown> | string): boolean;
  /** Locked input names, in the order they were locked. */
  lockedInputs(): string[];
  onLock(listener: LockListener): () => void;
  /** Runs an on-demand cell on the settled inputs (resolves when it finished, failed or was cancelled). */
  run(cell: CellNode<unknown> | string): Promise<void>;
  /**
   * Runs on-demand cells one after another (a section's Run all, an action's plan); a failure
   * moves on to the next, a Cancel of the one running stops the rest.
   */
  runAll(cells: readonly (CellNode<unknown> | string)[]): Promise<void>;
  /** Stops a running cell (its run sees an aborted signal). */
  cancel(cell: CellNode<unknown> | string): void;
  state<T>(node: Node<T>): CellState<T>;
  state(name: string): CellState;
  onState(listener: StateListener): () => void;
  onInput(listener: InputListener): () => void;
  /** Tells `listener` every change of committed values (e.g. for an audit log: a drag is one change). */
  onCommit(listener: CommitListener): () => void;
  /**
   * Adds a cell the person defined (e.g. a scratch cell) to the running notebook: it reads
   * existing nodes by name, follows every change of them like any visible cell and is shown
   * through `state`/`onState`. Its name must be new, it may not be read by notebook cells, and
   * nothing about it is saved or exported by the engine. Returns a function that removes it.
   * Throws naming an unknown dependency or a taken name.
   */
  addCell(cell: CellNode<unknown>): () => void;
  /**
   * Resolves with a node's value for the committed inputs (a drag in progress is settled
   * first); computes hidden cells nobody has read. Rejects with a `CellError` carrying the
   * failure (cause and origin). An on-demand cell must have run.
   */
  value<T>(node: Node<T>): Promise<T>;
  dispose(): void;
}

export interface Prose {
  readonly kind: 'prose';
  readonly id: string;
  readonly title?: string;
  /** Plain text; paragraphs split on blank lines. Rendered as text, never as HTML. */
  readonly text: string;
  /**
   * On-demand cells of this section that one Run starts, in order (`engine.runAll`): the
   * shell draws Run all and Cancel beside the title; `tierbook run --set <id>=on` runs them.
   */
  readonly run?: readonly CellNode<unknown>[];
}

export interface Notebook {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** Cells, inputs and prose in reading order. */
  readonly items: readonly (AnyNode | Prose)[];
}
