/**
 * The typed building blocks of a notebook: inputs (values a person sets) and cells
 * (values computed from other nodes). Both are plain data; `define()` in `engine.ts`
 * is the only code that talks to @observablehq/runtime.
 */

/** Anything a cell can depend on. `T` is the value type; it exists only for the type checker. */
export interface Node<T> {
  readonly kind: 'input' | 'cell';
  /** Unique within a notebook; also the runtime variable name and the URL/storage key. */
  readonly name: string;
  /** Human title shown in the cell frame and the table of contents. */
  readonly title: string;
  /** Phantom field carrying the value type; never set at run time. */
  readonly __value?: () => T;
}

/** How the shell should draw an input. Dynamic option lists come from other nodes. */
export type ControlSpec =
  | { kind: 'slider'; min: number; max: number; step: number; unit?: string }
  | { kind: 'select'; options: readonly string[] | Node<readonly string[]> }
  | { kind: 'multiselect'; options: Node<readonly string[]> }
  | { kind: 'weights'; keys: Node<readonly string[]>; min: number; max: number; step: number }
  | { kind: 'file'; accept: string }
  | { kind: 'text' }
  | { kind: 'hidden' };

export interface InputNode<T> extends Node<T> {
  readonly kind: 'input';
  readonly defaultValue: T;
  readonly control: ControlSpec;
  /** Plain-language help shown beside the control. */
  readonly description?: string;
  /** Whether the value is saved across reloads and carried in the URL (default true). */
  readonly persist: boolean;
  /** Turns a URL/CLI string into a value; throws `invalid <name>: "<text>" (...)` when it cannot. */
  readonly parse: (text: string) => T;
  /** The inverse of `parse`, for URLs and `--set`. */
  format(value: T): string; // method syntax: bivariant, so InputNode<T> widens to InputNode<unknown>
  /** Checks a value from storage, an imported config or the UI; returns a reason when bad. */
  readonly validate: (value: unknown) => string | undefined;
}

/** When an expensive cell recomputes while a control is being dragged. */
export type Schedule = 'live' | 'settled';

export interface RunContext {
  /** Aborted when the cell's inputs change again before this run finished. */
  readonly signal: AbortSignal;
  /** Reports progress (0..1) to the cell frame. */
  readonly progress: (fraction: number, message?: string) => void;
  /** This cell's previous value, if any (e.g. for warm starts and stable cluster labels). */
  readonly previous: unknown;
}

/** What a view may return; the shell mounts it. Headless runs never call views. */
export type ViewResult = Element | DocumentFragment | string | null;

export interface ViewContext {
  readonly document: Document;
  /** Width available to the view, in CSS pixels. */
  readonly width: number;
}

export interface CellNode<T> extends Node<T> {
  readonly kind: 'cell';
  /** Input nodes by the parameter name `run` receives them under. */
  readonly inputs: Readonly<Record<string, Node<unknown>>>;
  readonly run: (values: Record<string, unknown>, context: RunContext) => T | Promise<T>;
  view?(value: T, context: ViewContext): ViewResult; // method syntax for the same reason
  /** `live` follows a drag; `settled` waits for release or a pause (default `live`). */
  readonly schedule: Schedule;
  /** Hidden cells compute but have no frame (e.g. helpers feeding other cells). */
  readonly hidden: boolean;
  readonly description?: string;
}

export type AnyNode = InputNode<unknown> | CellNode<unknown>;

/** The value types of a record of nodes. */
export type ValuesOf<I extends Readonly<Record<string, Node<unknown>>>> = {
  [K in keyof I]: I[K] extends Node<infer V> ? V : never;
};
