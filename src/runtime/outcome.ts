import type { CellNode, InputNode, RunContext, Suggestion } from './node.ts';
import { describeValue } from './describe.ts';

/**
 * Which input values a result was computed from, transitively: input name -> value. It travels
 * with every outcome, so the engine can tell a settled result (every value committed) from a
 * live one, and an on-demand cell can say what changed since it ran.
 */
export type Provenance = ReadonlyMap<string, unknown>;

/** Marks an input read with two different values (a live path and a settled one). */
const MIXED = Symbol('mixed');

/** A failure as a value: the cell whose `run` threw, its message, and the original error. */
export interface Failure {
  /** The cell whose `run` threw (the origin); dependents carry the same object down the graph. */
  readonly cell: string;
  /** Meant for people. */
  readonly message: string;
  /** What was thrown, unchanged (an `Error` with its stack, or any value). */
  readonly cause: unknown;
  /** The input changed last before the failure, with its value as text, e.g. `k = 0`. */
  readonly trigger?: string;
  /** One-click fixes, when the failing cell offered some (see `SuggestingError`). */
  readonly suggestions?: readonly Suggestion[];
}

/** One input that differs from the value a result was computed with. */
export interface InputChange {
  readonly input: string;
  readonly title: string;
  /** Both values as short text, e.g. `4` and `5`. */
  readonly before: string;
  readonly after: string;
}

/** Why an on-demand result (or one computed from it) no longer matches the inputs. */
export interface Staleness {
  /** The on-demand cell that has to run again. */
  readonly cell: string;
  readonly changes: readonly InputChange[];
}

/**
 * What every runtime variable resolves to; the runtime itself never sees a rejection, so a
 * failure reaches each dependent with its cause and origin instead of as a re-wrapped message.
 */
export type Outcome =
  | { readonly kind: 'value'; readonly value: unknown; readonly provenance: Provenance; readonly stale?: Staleness }
  | { readonly kind: 'failure'; readonly failure: Failure; readonly provenance: Provenance }
  /** An on-demand cell not run yet (`cell`), or a cell waiting on one. */
  | { readonly kind: 'idle'; readonly cell: string; readonly provenance: Provenance };

/** An error that offers one-click fixes, e.g. "Keep only revenue" for a feature list the data lacks. */
export class SuggestingError extends Error {
  readonly suggestions: readonly Suggestion[];
  constructor(message: string, suggestions: readonly Suggestion[]) {
    super(message);
    this.name = 'SuggestingError';
    this.suggestions = suggestions;
  }
}

const CANCELLED = 'Cancelled. Change an input above or run it again.';

export function inputOutcome(name: string, value: unknown): Outcome {
  return { kind: 'value', value, provenance: new Map([[name, value]]) };
}

/** The union of the provenances of `outcomes`; an input seen with two values is marked mixed. */
export function mergeProvenance(outcomes: readonly Outcome[]): Provenance {
  if (outcomes.length === 1) return outcomes[0].provenance;
  const merged = new Map<string, unknown>();
  for (const o of outcomes) {
    for (const [name, value] of o.provenance) {
      if (!merged.has(name)) merged.set(name, value);
      else if (merged.get(name) !== value) merged.set(name, MIXED);
    }
  }
  return merged;
}

/** Whether every value a result was computed from is the committed one (no drag in progress). */
export function isSettled(provenance: Provenance, committed: ReadonlyMap<string, unknown>): boolean {
  for (const [name, value] of provenance) if (committed.get(name) !== value) return false;
  return true;
}

const NOTHING_CURRENT: Outcome = { kind: 'value', value: null, provenance: new Map() };

/**
 * What a cell reads through each of its edges: an `ifRun` edge passes an on-demand cell's
 * current value, and null for anything else (idle, failed, stale), so it never holds the
 * reader back nor marks it stale.
 */
export function throughEdges(outcomes: readonly Outcome[], ifRun: readonly boolean[]): Outcome[] {
  return outcomes.map((o, i) => (!ifRun[i] || (o.kind === 'value' && !o.stale) ? o : NOTHING_CURRENT));
}

/** The first dependency that keeps a cell from running: a failure or an on-demand cell not run yet. */
export function obstacle(outcomes: readonly Outcome[]): Outcome | undefined {
  return outcomes.find((o) => o.kind === 'failure') ?? outcomes.find((o) => o.kind === 'idle');
}

/** The inputs whose values differ between two provenances, described for people. */
export function changesBetween(
  before: Provenance,
  after: Provenance,
  inputs: ReadonlyMap<string, InputNode<unknown>>,
): InputChange[] {
  const changes: InputChange[] = [];
  for (const [name, value] of after) {
    if (!before.has(name) || before.get(name) === value) continue;
    const node = inputs.get(name);
    const text = (v: unknown) => {
      if (v === MIXED) return '(mixed)';
      const formatted = node && node.role !== 'host' ? safeFormat(node, v) : undefined;
      if (formatted === undefined) return describeValue(v);
      return formatted === '' ? '(none)' : formatted;
    };
    const [was, is] = [text(before.get(name)), text(value)];
    // Equal text is no change: `{}` set again as a new object, or the same file chosen twice.
    if (was !== is) changes.push({ input: name, title: node?.title ?? name, before: was, after: is });
  }
  return changes;
}

function safeFormat(node: InputNode<unknown>, value: unknown): string | undefined {
  try {
    const text = node.format(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return undefined;
  }
}

/** A failure of `cell` from what its run threw; an abort after cancellation reads as cancelled. */
export function failureOf(cell: string, error: unknown, trigger: string | undefined, cancelled: boolean): Failure {
  if (cancelled) return { cell, message: CANCELLED, cause: error, trigger };
  const message = error instanceof Error ? error.message : String(error);
  const suggestions = error instanceof SuggestingError ? error.suggestions : undefined;
  return { cell, message, cause: error, trigger, ...(suggestions ? { suggestions } : {}) };
}

export function isAbort(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError';
}

/** What a cell run needs besides its dependencies' outcomes. */
export interface Evaluation {
  readonly signal: AbortSignal;
  readonly lane: RunContext['lane'];
  readonly progress: RunContext['progress'];
  /** The last input change, for the failure's `trigger`. */
  readonly trigger: string | undefined;
  /** Called when `run` starts (after the dependencies resolved). */
  readonly started: () => void;
  /** Awaited before `run` (a deferred cell waits for the page to paint). */
  readonly before?: () => Promise<void>;
}

/**
 * Runs a cell on its dependencies' outcomes and always resolves with an outcome: a blocked cell
 * carries the upstream failure (or idle on-demand cell) unchanged, a throwing `run` becomes a
 * failure naming this cell, and a stale on-demand input marks the result stale too.
 */
export async function evaluate(
  cell: CellNode<unknown>,
  keys: readonly string[],
  outcomes: readonly Outcome[],
  e: Evaluation,
): Promise<Outcome> {
  const provenance = mergeProvenance(outcomes);
  const blocker = obstacle(outcomes);
  if (blocker?.kind === 'failure') return { kind: 'failure', failure: blocker.failure, provenance };
  if (blocker?.kind === 'idle') return { kind: 'idle', cell: blocker.cell, provenance };
  const values: Record<string, unknown> = {};
  let stale: Staleness | undefined;
  outcomes.forEach((o, i) => {
    if (o.kind !== 'value') return;
    values[keys[i]] = o.value;
    stale ??= o.stale;
  });
  // Running from here, for whoever waits on the notebook, even while a deferred cell waits for
  // the page to paint (its time then includes that one frame).
  e.started();
  if (e.before) {
    await e.before();
    // Superseded while waiting (a newer change): the runtime drops this run; do not start it.
    if (e.signal.aborted) return { kind: 'failure', failure: failureOf(cell.name, e.signal.reason, e.trigger, true), provenance };
  }
  try {
    const value = await cell.run(values, { signal: e.signal, progress: e.progress, lane: e.lane });
    return { kind: 'value', value, provenance, ...(stale ? { stale } : {}) };
  } catch (error) {
    return { kind: 'failure', failure: failureOf(cell.name, error, e.trigger, e.signal.aborted && isAbort(error)), provenance };
  }
}
