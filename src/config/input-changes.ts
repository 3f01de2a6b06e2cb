/**
 * "Changed since approval": the inputs whose current value differs from the approved one,
 * compared by content (canonical JSON), object inputs (weights) key by key.
 */
import { walk, type Change } from './config-diff.ts';

export interface InputChange {
  /** Input name, or `weights.cts_pct` for one key of an object input. */
  readonly input: string;
  /** Approved value; undefined when the input did not exist then. */
  readonly approved: unknown;
  /** Current value; undefined when the input no longer exists. */
  readonly current: unknown;
}

/** The changes from the approved inputs to the current ones, sorted by input name. */
export function changesSinceApproval(approved: Readonly<Record<string, unknown>>, current: Readonly<Record<string, unknown>>): InputChange[] {
  const out: Change[] = [];
  for (const name of [...new Set([...Object.keys(approved), ...Object.keys(current)])].sort()) walk('inputs', name, approved[name], current[name], out);
  return out.map((c) => ({ input: c.path, approved: c.old, current: c.new }));
}

/** One line for people: `k: 4 → 5`, `weights.cts_pct: (none) → 2`. */
export function describeInputChange(change: InputChange): string {
  const show = (v: unknown) => (v === undefined ? '(none)' : JSON.stringify(v));
  return `${change.input}: ${show(change.approved)} → ${show(change.current)}`;
}
