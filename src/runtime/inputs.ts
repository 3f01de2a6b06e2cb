import { input } from './define.ts';
import type { CellNode, InputNode, Node } from './node.ts';

const describe = (text: string, expected: string): string => `"${text}" is not ${expected}`;

interface Common {
  name: string;
  title?: string;
  description?: string;
}

/** A number in [min, max] on a step grid; the slider in the UI. */
export function slider(spec: Common & { min: number; max: number; step?: number; value: number; unit?: string }): InputNode<number> {
  const step = spec.step ?? 1;
  const check = (v: unknown): string | undefined => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return 'expected a number';
    if (v < spec.min || v > spec.max) return `expected a number from ${spec.min} to ${spec.max}`;
    return undefined;
  };
  return input<number>({
    ...spec,
    defaultValue: spec.value,
    control: { kind: 'slider', min: spec.min, max: spec.max, step, unit: spec.unit },
    parse(text) {
      const v = Number(text.trim());
      const reason = text.trim() === '' ? 'expected a number' : check(v);
      if (reason) throw new Error(`invalid ${spec.name}: ${describe(text, reason.replace('expected ', ''))}`);
      return v;
    },
    format: (v) => String(v),
    validate: check,
  });
}

/** One of a fixed list of options. */
export function select<const T extends string>(spec: Common & { options: readonly T[]; value: T }): InputNode<T> {
  const check = (v: unknown): string | undefined =>
    typeof v === 'string' && (spec.options as readonly string[]).includes(v)
      ? undefined
      : `expected ${spec.options.join(', ')}`;
  return input<T>({
    ...spec,
    defaultValue: spec.value,
    control: { kind: 'select', options: spec.options },
    parse(text) {
      const reason = check(text);
      if (reason) throw new Error(`invalid ${spec.name}: "${text}" (${reason})`);
      return text as T;
    },
    format: (v) => v,
    validate: check,
  });
}

/** A subset of names offered by another node (e.g. the numeric columns of the data). */
export function multiselect(spec: Common & { options: Node<readonly string[]>; value: readonly string[] }): InputNode<readonly string[]> {
  const check = (v: unknown): string | undefined =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? undefined : 'expected a list of names';
  return input<readonly string[]>({
    ...spec,
    defaultValue: spec.value,
    control: { kind: 'multiselect', options: spec.options },
    parse: (text) =>
      text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    format: (v) => v.join(','),
    validate: check,
  });
}

/** Per-key weights (a missing key means weight 1); keys come from another node. */
export function weights(
  spec: Common & { keys: Node<readonly string[]>; min?: number; max?: number; step?: number; value?: Readonly<Record<string, number>> },
): InputNode<Readonly<Record<string, number>>> {
  const min = spec.min ?? 0;
  const max = spec.max ?? 5;
  const check = (v: unknown): string | undefined => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected weights by feature';
    for (const [key, w] of Object.entries(v)) {
      if (typeof w !== 'number' || !Number.isFinite(w) || w < min || w > max) {
        return `weight of ${key} must be a number from ${min} to ${max}`;
      }
    }
    return undefined;
  };
  return input<Readonly<Record<string, number>>>({
    ...spec,
    defaultValue: spec.value ?? {},
    control: { kind: 'weights', keys: spec.keys, min, max, step: spec.step ?? 0.1 },
    parse(text) {
      const out: Record<string, number> = {};
      for (const part of text.split(',').filter((p) => p.trim() !== '')) {
        const [key, raw] = part.split('=').map((s) => s.trim());
        const w = Number(raw);
        if (!key || raw === undefined || raw === '' || !Number.isFinite(w)) {
          throw new Error(`invalid ${spec.name}: "${part}" (expected feature=number, e.g. revenue=2)`);
        }
        out[key] = w;
      }
      const reason = check(out);
      if (reason) throw new Error(`invalid ${spec.name}: "${text}" (${reason})`);
      return out;
    },
    format: (v) =>
      Object.entries(v)
        .map(([k, w]) => `${k}=${w}`)
        .join(','),
    validate: check,
  });
}

/** A file chosen by the user: its name and bytes; `null` means the bundled sample. Not persisted. */
export interface FileValue {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function fileInput(spec: Common & { accept: string }): InputNode<FileValue | null> {
  return input<FileValue | null>({
    ...spec,
    defaultValue: null,
    persist: false,
    control: { kind: 'file', accept: spec.accept },
    parse(text) {
      throw new Error(`invalid ${spec.name}: "${text}" (a file cannot be set from text; use --data)`);
    },
    format: (v) => v?.name ?? '',
    validate: (v) =>
      v === null ||
      (typeof v === 'object' && typeof (v as FileValue).name === 'string' && (v as FileValue).bytes instanceof Uint8Array)
        ? undefined
        : 'expected a file',
  });
}

/** A value the host provides (e.g. how to read the bundled sample); never shown, never persisted. */
export function hostValue<T>(spec: Common & { value: T }): InputNode<T> {
  return input<T>({
    ...spec,
    defaultValue: spec.value,
    persist: false,
    control: { kind: 'hidden' },
    parse(text) {
      throw new Error(`invalid ${spec.name}: "${text}" (set by the host, not from text)`);
    },
    format: () => '',
    validate: () => undefined,
  });
}

/** One of the names offered by another node (e.g. a numeric column); any name is accepted and checked by the cell. */
export function choice(spec: Common & { options: Node<readonly string[]>; value: string }): InputNode<string> {
  return input<string>({
    ...spec,
    defaultValue: spec.value,
    control: { kind: 'select', options: spec.options },
    parse: (text) => text,
    format: (v) => v,
    validate: (v) => (typeof v === 'string' ? undefined : 'expected a name'),
  });
}

/** Free text, e.g. a comma-separated list of account ids. */
export function text(spec: Common & { value?: string }): InputNode<string> {
  return input<string>({
    ...spec,
    defaultValue: spec.value ?? '',
    control: { kind: 'text' },
    parse: (t) => t,
    format: (v) => v,
    validate: (v) => (typeof v === 'string' ? undefined : 'expected text'),
  });
}

/** Name of the builtin node that holds every persisted input value. */
export const NOTEBOOK_INPUTS = '@inputs';

/**
 * The committed values of every persisted input of the notebook, by name (what an export
 * records). The engine wires it to all inputs, so it recomputes when any of them changes.
 */
export const notebookInputs: CellNode<Readonly<Record<string, unknown>>> = {
  kind: 'cell',
  name: NOTEBOOK_INPUTS,
  title: 'Inputs',
  inputs: {},
  run: () => {
    throw new Error('notebookInputs is computed by the engine');
  },
  schedule: 'settled',
  hidden: true,
};
