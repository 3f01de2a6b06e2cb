import type { CellNode, InputNode, Node } from './node.ts';

/** What an action may read while it plans. */
export interface ActionContext {
  /** Every declared input, by name. */
  readonly inputs: ReadonlyMap<string, InputNode<unknown>>;
  /** The committed value of an input. */
  input<T>(node: InputNode<T>): T;
  /** A node's value for the committed inputs (as `engine.value`). */
  value<T>(node: Node<T>): Promise<T>;
}

/** What an action wants done: pure data, validated completely before anything changes. */
export interface ActionPlan {
  /**
   * Input values by name. Each must name a declared input a person or an action may set (role
   * `setting`, `state` or `data`; never `host`) and pass its `validate`.
   */
  readonly set: Readonly<Record<string, unknown>>;
  /** On-demand cells to run once the values are applied (e.g. a check of what was imported). */
  readonly run?: readonly CellNode<unknown>[];
  /** What the plan left out and why, for the person (e.g. a config entry that is not a setting). */
  readonly notes?: readonly string[];
}

/**
 * An engine operation a person triggers (import a config, reset, later approve or save a
 * scenario), instead of an input used as a command. `plan` decides; the engine validates the
 * whole plan, applies it as one change, and runs what it names.
 */
export interface Action<P> {
  readonly name: string;
  readonly title: string;
  plan(payload: P, context: ActionContext): ActionPlan | Promise<ActionPlan>;
}

export interface ActionResult {
  readonly action: string;
  /** Inputs whose value changed, in notebook order. */
  readonly changed: readonly string[];
  readonly notes: readonly string[];
}

/** A refused plan: nothing was changed. `problems` lists every reason, not just the first. */
export class ActionError extends Error {
  readonly problems: readonly string[];
  constructor(action: string, problems: readonly string[]) {
    super(`${action}: ${problems.join('; ')}`);
    this.name = 'ActionError';
    this.problems = problems;
  }
}

export function action<P>(spec: Action<P>): Action<P> {
  return spec;
}

/**
 * Checks every entry of a plan against the declared inputs: known, settable from outside,
 * valid. Returns the values to apply, or throws an `ActionError` listing every problem.
 */
export function checkPlan(
  actionName: string,
  plan: ActionPlan,
  inputs: ReadonlyMap<string, InputNode<unknown>>,
): Map<string, unknown> {
  const problems: string[] = [];
  const values = new Map<string, unknown>();
  for (const [name, value] of Object.entries(plan.set)) {
    const node = inputs.get(name);
    if (!node || node.role === 'host') {
      problems.push(`"${name}" is not an input this action may set`);
      continue;
    }
    const reason = node.validate(value);
    if (reason !== undefined) problems.push(reason);
    else values.set(name, node.normalize(value));
  }
  for (const cell of plan.run ?? []) {
    if (cell.trigger !== 'demand') problems.push(`"${cell.name}" is not an on-demand cell`);
  }
  if (problems.length > 0) throw new ActionError(actionName, problems);
  return values;
}

/**
 * Restores every setting and action state to its default; the data file, host values and state
 * marked `keepOnReset` (an approval) stay.
 */
export const resetAction: Action<void> = {
  name: 'reset',
  title: 'Reset',
  plan: (_, { inputs }) => ({
    set: Object.fromEntries(
      [...inputs.values()]
        .filter((i) => i.role === 'setting' || (i.role === 'state' && !i.keepOnReset))
        .map((i) => [i.name, i.defaultValue]),
    ),
  }),
};
