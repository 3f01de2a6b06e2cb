/**
 * The typed building blocks of a notebook: inputs (values a person or the host sets) and cells
 * (values computed from other nodes). Both are plain data; `define.ts` is the only code that
 * talks to @observablehq/runtime.
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

/**
 * An edge that reads `node` only when it has settled: while a control upstream of it is being
 * dragged, the dependent keeps the value it last read and runs again once the control is
 * released (or rests for the engine's debounce). Cheap cells read their inputs directly and
 * follow the drag; expensive ones read through `sampled(...)` and wait. Made by `sampled()`.
 */
export interface Sampled<T> {
  readonly kind: 'sampled';
  readonly node: Node<T>;
}

/**
 * An edge that reads an on-demand cell's result only while it is current: its value when it has
 * run on the inputs in force, else null (not run yet, failed, or out of date since). The reader
 * is never held idle, blocked or marked stale by it, and runs again when that changes. For what
 * may carry evidence when there is some, e.g. an export that includes a robustness summary once
 * robustness has run. Made by `ifRun()`.
 */
export interface IfRun<T> {
  readonly kind: 'ifRun';
  readonly node: CellNode<T>;
}

/** What a cell's `inputs` may hold: a node (follows every change), a sampled edge or an `ifRun` edge. */
export type Dependency<T> = Node<T> | Sampled<T> | IfRun<T>;

/** A column of a grid control (see `ControlSpec`). */
export interface GridColumn {
  /** The first part of the parameter a cell of this column is (`<key>.<row>`). */
  readonly key: string;
  readonly label: string;
  /** How a cell is edited: free text, a number, or one of a list. */
  readonly editor: 'text' | 'number' | { readonly options: readonly string[] };
  /** Shown with the column label, e.g. `days`. */
  readonly unit?: string;
}

/** The rows of a grid control, computed by a cell (e.g. one per tier). */
export interface GridRows {
  readonly rows: readonly {
    /** The last part of the parameter a cell of this row is (`<column>.<key>`). */
    readonly key: string;
    readonly label: string;
    /** What each column shows while the cell is not set (the value in force), by column key. */
    readonly shown: Readonly<Record<string, string>>;
  }[];
}

/** How the shell should draw an input. Dynamic option lists come from other nodes. */
export type ControlSpec =
  | {
      kind: 'slider';
      min: number;
      max: number;
      step: number;
      /** Whole numbers only (a step of 1 on whole bounds implies it). */
      integer: boolean;
      unit?: string;
    }
  | { kind: 'select'; options: readonly string[] | Node<readonly string[]> }
  | { kind: 'multiselect'; options: Node<readonly string[]> }
  | { kind: 'weights'; keys: Node<readonly string[]>; min: number; max: number; step: number }
  | {
      kind: 'file';
      accept: string;
      /** What is used while no file is chosen, e.g. `the sample` (said beside the picker). */
      none?: string;
    }
  | {
      kind: 'text';
      /** Several lines (a paragraph of free text, e.g. assumptions): a text area. Default false. */
      multiline?: boolean;
    }
  /**
   * A table of cells, rows from another node and fixed columns, for an input with a keyed form
   * whose entries are `<column>.<row>` (e.g. the policy per tier): editing a cell applies that
   * one entry; clearing it removes the entry, so the cell shows the value in force again.
   */
  | { kind: 'grid'; rows: Node<GridRows>; columns: readonly GridColumn[] }
  | { kind: 'hidden' };

/**
 * Who sets an input, which decides where its value travels:
 * - `setting`: a person's choice (slider, select, text...): saved across reloads, carried in the
 *   URL, recorded in exports, settable with `--set` and by an imported config.
 * - `data`: the data file: chosen by the person, kept by the host (not in URL, storage or configs).
 * - `state`: set by actions only (e.g. an imported reference config): saved across reloads, never
 *   in the URL, configs or `--set`.
 * - `host`: provided by the environment (task runner, versions): never saved or set from outside.
 */
export type InputRole = 'setting' | 'data' | 'state' | 'host';

/**
 * An input made of entries that a link or `--set` may give one at a time, each as a parameter
 * of its own: `w.cts_pct=2` (one weight), `serviceLevel.Gold=0.98` (one cell of a table). The
 * whole value still travels as `name=text` through `parse` and `format`.
 */
export interface KeyedForm<T> {
  /** Whether a parameter name is one of this input's entries (e.g. it starts with `w.`). */
  claims(param: string): boolean;
  /** `base` with the entries (parameter name, text) applied in order; throws `invalid ...` for a bad one. */
  apply(base: T, entries: readonly (readonly [string, string])[]): T;
  /** The entries that say how `value` differs from the default, as (parameter name, text). */
  entries(value: T): [string, string][];
}

export interface InputNode<T> extends Node<T> {
  readonly kind: 'input';
  readonly defaultValue: T;
  readonly control: ControlSpec;
  /** Plain-language help shown beside the control. */
  readonly description?: string;
  readonly role: InputRole;
  /** Turns a URL/CLI string into a value; throws `invalid <name>: "<text>" (...)` when it cannot. */
  readonly parse: (text: string) => T;
  /** The inverse of `parse`, for URLs, `--set` and messages. */
  format(value: T): string; // method syntax: bivariant, so InputNode<T> widens to InputNode<unknown>
  /**
   * Checks a value from storage, a link, an imported config or the UI by the input's declared
   * type (range, whole numbers, keywords, parsable text); returns the reason when it is bad.
   */
  readonly validate: (value: unknown) => string | undefined;
  /**
   * The one canonical form of a valid value (e.g. weights without the keys at the default 1), so
   * values that mean the same are the same whichever way they were set: the UI, a link, a config.
   */
  normalize(value: T): T; // method syntax, as `format`
  /**
   * Action state that Reset leaves in place (e.g. an approval: a record of what was approved,
   * not a setting). Only for role `state`; default false.
   */
  readonly keepOnReset?: boolean;
  /** Present when the value's entries may also be given one parameter each (see `KeyedForm`). */
  readonly keyed?: KeyedForm<T>;
}

/** A one-click change a cell offers next to its output, e.g. "Use k = 4 (knee)". */
export interface Suggestion<T = unknown> {
  readonly input: InputNode<T>;
  readonly value: T;
  /** The button text, e.g. `Use k = 4`. */
  readonly label: string;
  /** Why, e.g. `the knee of the inertia curve`. */
  readonly reason?: string;
}

export interface RunContext {
  /** Aborted when the run is cancelled or its inputs change before it finished. */
  readonly signal: AbortSignal;
  /** Reports progress (0..1) to the cell frame. */
  readonly progress: (fraction: number, message?: string) => void;
  /**
   * Where heavy work of this run belongs: `interactive` for what the person waits on,
   * `background` for on-demand cells and diagnostics. Pass it to the task runner.
   */
  readonly lane: 'interactive' | 'background';
}

/** What a view may return; the shell mounts it. Headless runs never call views. */
export type ViewResult = Element | DocumentFragment | string | null;

export interface ViewContext {
  readonly document: Document;
  /** Width available to the view, in CSS pixels. */
  readonly width: number;
  /**
   * Display-only memory the notebook's views keep between calls (e.g. the colours the scatter
   * last drew, so clusters keep their colour while a slider moves and other charts match them).
   * Shared by the page's views, so use a key of your own. Never read by cells; starts empty.
   */
  readonly memory: Record<string, unknown>;
  /**
   * The page is a presentation (workshop mode on a projector): draw for the back of a room, e.g.
   * with a chart's presentation look (larger type and marks, high-contrast colours). Default false.
   */
  readonly presentation?: boolean;
  /**
   * The page shows results only (the audience window of a workshop): draw no buttons or other
   * commands, only what the room should see. Default false.
   */
  readonly readOnly?: boolean;
}

/**
 * When a cell runs:
 * - `change` (default): whenever an input it reads changes (reactive).
 * - `demand`: only when asked, by its Run button or `engine.run(cell)`, never on load or on an
 *   input change. It always reads settled values, runs in the `background` lane with progress and
 *   Cancel, and when an input it depends on changes later it keeps its last output, marked stale
 *   with what changed (input names and values) until it is run again. Meant for expensive
 *   analyses a person starts deliberately (a comparison, a bootstrap, a sensitivity sweep).
 */
export type Trigger = 'change' | 'demand';

export interface CellNode<T> extends Node<T> {
  readonly kind: 'cell';
  /** Dependencies by the parameter name `run` receives their values under. */
  readonly inputs: Readonly<Record<string, Dependency<unknown>>>;
  readonly run: (values: Record<string, unknown>, context: RunContext) => T | Promise<T>;
  view?(value: T, context: ViewContext): ViewResult; // method syntax for the same reason
  /**
   * Redraws in place an element this cell's `view` drew for an earlier value (a fragment arrives
   * in the wrapper the shell mounted it in): true when it did, so the shell keeps the element
   * mounted; false when it cannot (another layout, a legend to redraw), so the shell calls `view`.
   * For views that follow a drag: a chart that moves its points without new DOM. Optional.
   */
  update?(element: Element, value: T, context: ViewContext): boolean; // method syntax, as `view`
  /** One-click input changes offered beside the output (drawn by the shell as buttons). */
  suggest?(value: T): readonly Suggestion[];
  readonly trigger: Trigger;
  /**
   * Hidden cells have no frame. They compute only when something needs them: a visible cell,
   * a control's options, or a read (`engine.value`, an export, the command).
   */
  readonly hidden: boolean;
  /**
   * A derived table or summary that yields to the chart the person is looking at: on a page
   * (an engine with `afterPaint`) it starts only after the next paint, so a recoloured scatter
   * shows before tier tables recompute on the main thread. Results are the same; headless runs
   * ignore it. Default false.
   */
  readonly deferred?: boolean;
  readonly description?: string;
}

export type AnyNode = InputNode<unknown> | CellNode<unknown>;

/** The node behind a dependency. */
export function nodeOf<T>(dependency: Dependency<T>): Node<T> {
  return dependency.kind === 'sampled' || dependency.kind === 'ifRun' ? dependency.node : dependency;
}

/** The value types of a record of dependencies. */
export type ValuesOf<I extends Readonly<Record<string, Dependency<unknown>>>> = {
  [K in keyof I]: I[K] extends Sampled<infer V> ? V : I[K] extends IfRun<infer V> ? V | null : I[K] extends Node<infer V> ? V : never;
};
