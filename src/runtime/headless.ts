import { createEngine } from './engine.ts';
import type { InputNode } from './node.ts';
import type { Notebook } from './state.ts';
import { readSettings } from './url.ts';
import { collectNodes } from './graph.ts';

export interface HeadlessOptions {
  /** Typed values (e.g. the data file, host services); win over `assignments`. */
  inputs?: Record<string, unknown>;
  /** `name=value` texts as given to `--set`, parsed by each input. */
  assignments?: readonly string[];
  /** Cells to compute (default: every cell of the notebook); on-demand ones are run. */
  cells?: readonly string[];
}

export interface HeadlessResult {
  values: Record<string, unknown>;
  inputs: Record<string, unknown>;
  failures: { cell: string; message: string }[];
}

/**
 * Parses `--set` assignments against a notebook's inputs: `k=5`, `scaling=robust`,
 * `features=revenue,orders`, and one entry of a keyed input at a time, e.g. `w.margin=2` (one
 * weight) or `serviceLevel.Gold=0.98` (one cell of the policy table). Unknown names are errors.
 */
export function parseAssignments(
  inputs: readonly InputNode<unknown>[],
  assignments: readonly string[],
): Record<string, unknown> {
  const pairs = assignments.map((text): [string, string] => {
    const eq = text.indexOf('=');
    if (eq <= 0) throw new Error(`invalid --set: "${text}" (expected name=value, e.g. k=5)`);
    return [text.slice(0, eq).trim(), text.slice(eq + 1)];
  });
  const { values, problems } = readSettings(inputs, pairs);
  const first = problems[0];
  if (first?.kind === 'unknown') {
    const names = inputs.filter((i) => i.role === 'setting').map((i) => i.name);
    throw new Error(`invalid --set: unknown input "${first.name}" (inputs: ${names.join(', ')})`);
  }
  if (first) throw new Error(first.message);
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
        const node = engine.node(name);
        if (!node) throw new Error(`unknown cell "${name}" in notebook "${notebook.id}"`);
        if (node.kind === 'cell' && node.trigger === 'demand') await engine.run(node);
        values[name] = await engine.value(node);
      } catch (error) {
        failures.push({ cell: name, message: error instanceof Error ? error.message : String(error) });
      }
    }
    return { values, inputs: engine.inputValues(), failures };
  } finally {
    engine.dispose();
  }
}
