import type { InputNode } from './node.ts';

/**
 * Inputs in a URL query: `?k=5&features=revenue,orders&w.margin=2`. Weights use one
 * parameter per key under the prefix `w.` so a shared link stays readable.
 */
export const WEIGHT_PREFIX = 'w.';

export interface ParsedQuery {
  values: Record<string, unknown>;
  /** Parameters that named no input or did not parse, with the reason. */
  errors: string[];
}

export function inputsFromQuery(inputs: readonly InputNode<unknown>[], search: string): ParsedQuery {
  const params = new URLSearchParams(search);
  const values: Record<string, unknown> = {};
  const errors: string[] = [];
  const settings = inputs.filter((i) => i.role === 'setting');
  const byName = new Map(settings.map((i) => [i.name, i]));
  const weightInput = settings.find((i) => i.control.kind === 'weights');
  const weightParts: string[] = [];
  for (const [key, text] of params) {
    if (key.startsWith(WEIGHT_PREFIX) && weightInput) {
      weightParts.push(`${key.slice(WEIGHT_PREFIX.length)}=${text}`);
      continue;
    }
    const node = byName.get(key);
    if (!node) continue; // other parameters belong to the app (e.g. ?notebook=)
    try {
      values[key] = node.parse(text);
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  if (weightInput && weightParts.length > 0) {
    try {
      values[weightInput.name] = weightInput.parse(weightParts.join(','));
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { values, errors };
}

/** The query for the inputs that differ from their defaults. */
export function queryFromInputs(inputs: readonly InputNode<unknown>[], values: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const node of inputs) {
    if (node.role !== 'setting' || !Object.hasOwn(values, node.name)) continue;
    const value = values[node.name];
    if (node.format(value) === node.format(node.defaultValue)) continue;
    if (node.control.kind === 'weights') {
      for (const [key, w] of Object.entries(value as Record<string, number>)) {
        if (w !== 1) params.set(WEIGHT_PREFIX + key, String(w));
      }
    } else {
      params.set(node.name, node.format(value));
    }
  }
  return params.toString();
}
