import { createEngine } from './engine.ts';
import type { InputNode } from './node.ts';
import type { Notebook } from './state.ts';
import { WEIGHT_PREFIX } from './url.ts';
import { collectNodes } from './graph.ts';

export interface HeadlessOptions {
  /** Typed values (e.g. the data file, host services); win over `assignments`. */
  inputs?: Record<string, unknown>;
  /** `name=value` texts as given to `--set`, parsed by each input. */
  assignments?: readonly string[];
  /** Cells to compute (default: every cell of the notebook). */
  cells?: readonly string[];
}

export interface HeadlessResult {
  values: Record<string, unknown>;
  inputs: Record<string, unknown>;
  failures: { cell: string; message: string }[];
}

/**
 * Parses `--set` assignments against a notebook's inputs: `k=5`, `scaling=robust`,
 * `features=revenue,orders`, `w.margin=2` (one weight). Unknown names are errors.
 */
export function parseAssignments(
  inputs: readonly InputNode<unknown>[],
  assignments: readonly string[],
): Record<string, unknown> {
  const byName = new Map(inputs.map((i) => [i.name, i]));
  const weightInput = inputs.find((i) => i.control.kind === 'weights');
  const values: Record<string, unknown> = {};
  const weightParts: string[] = [];
  for (const text of assignments) {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new Error(`invalid --set: "${text}" (expected name=value, e.g. k=5)`);
    const name = text.slice(0, eq).trim();
    const value = text.slice(eq + 1);
    if (name.startsWith(WEIGHT_PREFIX) && weightInput) {
      weightParts.push(`${name.slice(WEIGHT_PREFIX.length)}=${value}`);
      continue;
    }
    const node = byName.get(name);
    if (!node || node.control.kind === 'hidden' || node.control.kind === 'file') {
      const settable = inputs.filter((i) => i.control.kind !== 'hidden' && i.control.kind !== 'file');
      throw new Error(`invalid --set: unknown input "${name}" (inputs: ${settable.map((i) => i.name).join(', ')})`);
    }
    values[name] = node.parse(value);
  }
  if (weightInput && weightParts.length > 0) {
    const previous = (values[weightInput.name] as Record<string, number> | undefined) ?? {};
    values[weightInput.name] = { ...previous, ...(weightInput.parse(weightParts.join(',')) as Record<string, number>) };
  }
  return values;
}

/** Runs a notebook in Node (no DOM; views are never called) and collects every cell's value. */
export async function runHeadless(notebook: Notebook, options: HeadlessOptions = {}): Promise<HeadlessResult> {
  const nodes = collectNodes(notebook);
  const inputs = nodes.filter((n): n is InputNode<unknown> => n.kind === 'input');
  const initial = { ...parseAssignments(inputs, options.assignments ?? []), ...options.inputs };
  const engine = createEngine(notebook, { live: false, initial });
  try {
    const wanted = options.cells ?? nodes.filter((n) => n.kind === 'cell').map((n) => n.name);
    const values: Record<string, unknown> = {};
    const failures: HeadlessResult['failures'] = [];
    for (const name of wanted) {
      try {
        values[name] = await engine.value(name);
      } catch (error) {
        failures.push({ cell: name, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return { values, inputs: engine.inputValues(), failures };
  } finally {
    engine.dispose();
  }
}
