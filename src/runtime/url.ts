import type { InputNode } from './node.ts';

/**
 * Inputs in a URL query: `?k=5&features=revenue,orders&w.margin=2`. An input with a keyed form
 * (`KeyedForm`) carries one parameter per entry so a shared link stays readable: weights under
 * the prefix `w.`, a table's cells as `<column>.<row>`.
 */
export const WEIGHT_PREFIX = 'w.';

export interface ParsedQuery {
  values: Record<string, unknown>;
  /** Parameters that named no input or did not parse, with the reason. */
  errors: string[];
}

/** A problem with one `name=text` setting, in the order the settings came. */
export interface SettingProblem {
  readonly name: string;
  /** `unknown`: no input has that name or claims it as an entry; `invalid`: its text did not parse. */
  readonly kind: 'unknown' | 'invalid';
  readonly message: string;
}

/**
 * Reads `name=text` settings (a link's parameters, `--set` values) against the inputs a person
 * may set: a setting names an input and gives its whole value (`weights=margin=2`), or names one
 * entry of a keyed input (`w.margin=2`), applied to the value read so far. Later settings win.
 */
export function readSettings(
  inputs: readonly InputNode<unknown>[],
  settings: Iterable<readonly [string, string]>,
): { values: Record<string, unknown>; problems: SettingProblem[] } {
  const own = inputs.filter((i) => i.role === 'setting');
  const byName = new Map(own.map((i) => [i.name, i]));
  const keyed = own.filter((i) => i.keyed);
  const values: Record<string, unknown> = {};
  const problems: SettingProblem[] = [];
  for (const [name, text] of settings) {
    const node = byName.get(name) ?? keyed.find((i) => i.keyed?.claims(name));
    if (!node) {
      problems.push({ name, kind: 'unknown', message: `unknown input "${name}"` });
      continue;
    }
    try {
      values[node.name] =
        node.name === name ? node.parse(text) : node.keyed!.apply(Object.hasOwn(values, node.name) ? values[node.name] : node.defaultValue, [[name, text]]);
    } catch (error) {
      problems.push({ name, kind: 'invalid', message: error instanceof Error ? error.message : String(error) });
    }
  }
  return { values, problems };
}

export function inputsFromQuery(inputs: readonly InputNode<unknown>[], search: string): ParsedQuery {
  const { values, problems } = readSettings(inputs, new URLSearchParams(search));
  // Parameters naming no input belong to the app (e.g. ?notebook=).
  return { values, errors: problems.filter((p) => p.kind === 'invalid').map((p) => p.message) };
}

/** The query for the inputs that differ from their defaults. */
export function queryFromInputs(inputs: readonly InputNode<unknown>[], values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const node of inputs) {
    if (node.role !== 'setting' || !Object.hasOwn(values, node.name)) continue;
    const value = values[node.name];
    if (node.format(value) === node.format(node.defaultValue)) continue;
    if (node.keyed) for (const [param, text] of node.keyed.entries(value)) params.set(param, text);
    else params.set(node.name, node.format(value));
  }
  return params.toString();
}
