import type { AnyNode } from './node.ts';

/** Where a cell is in its life: waiting on inputs, computing, done, failed, or blocked by a failed upstream cell. */
export type CellStatus = 'pending' | 'running' | 'ok' | 'error' | 'blocked';

export interface CellFailure {
  /** The error message, meant for people. */
  readonly message: string;
  /** The cell whose `run` threw. */
  readonly cell: string;
  /** The input changed last before the failure, with its value as text, e.g. `k = 0`. */
  readonly trigger?: string;
}

export interface CellState {
  readonly status: CellStatus;
  /** The latest fulfilled value (kept while recomputing, so views do not flash). */
  readonly value?: unknown;
  readonly hasValue: boolean;
  readonly error?: CellFailure;
  /** With status `blocked`: the failed upstream cell. */
  readonly blockedBy?: string;
  /** Duration of the last completed run, in milliseconds. */
  readonly ms?: number;
  /** Reported by long runs through `RunContext.progress`. */
  readonly progress?: { readonly fraction: number; readonly message?: string };
  /** Increments on every fulfilled value; lets views skip redundant repaints. */
  readonly version: number;
}

/** How an input change arrives: `live` while dragging, `commit` on release or typing Enter. */
export type InputPhase = 'live' | 'commit';

export type StateListener = (name: string, state: CellState) => void;
export type InputListener = (name: string, value: unknown) => void;

/** The surface the UI and the headless runner use; implemented by `createEngine`. */
export interface NotebookEngine {
  readonly notebook: Notebook;
  /** Every node of the notebook, including dependencies not listed in its items, in dependency order. */
  readonly nodes: readonly AnyNode[];
  /** The current (live) value of an input. */
  getInput(name: string): unknown;
  /** All input values, committed. */
  inputValues(): Record<string, unknown>;
  /** Sets an input; throws `invalid <name>: ...` for a value its `validate` rejects. */
  setInput(name: string, value: unknown, phase?: InputPhase): void;
  /** Sets several inputs at once (e.g. an imported config) as one change. */
  setInputs(values: Record<string, unknown>): void;
  /** Restores every input to its default and forgets the stored values. */
  reset(): void;
  state(name: string): CellState;
  onState(listener: StateListener): () => void;
  onInput(listener: InputListener): () => void;
  /** Stops a running cell (its run sees an aborted signal); it then shows as cancelled. */
  cancel(name: string): void;
  /** Resolves with the settled value of a cell or input (rejects with its failure). */
  value(name: string): Promise<unknown>;
  dispose(): void;
}

export interface Prose {
  readonly kind: 'prose';
  readonly id: string;
  readonly title?: string;
  /** Plain text; paragraphs split on blank lines. Rendered as text, never as HTML. */
  readonly text: string;
}

export interface Notebook {
  readonly id: string;
  readonly title: string;
  readonly description?: string;
  /** Cells, inputs and prose in reading order. */
  readonly items: readonly (AnyNode | Prose)[];
}
