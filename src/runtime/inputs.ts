import { keyword } from '../analytics/keyword.ts';
import { input } from './declare.ts';
import { refusal } from './describe.ts';
import type { CellNode, InputNode, Node } from './node.ts';
import { WEIGHT_PREFIX } from './url.ts';

interface Common {
  name: string;
  title?: string;
  description?: string;
}

/** The message of `keyword()` (one validator, one shape), or undefined when `value` is allowed. */
function keywordProblem(name: string, value: unknown, allowed: readonly string[]): string | undefined {
  try {
    keyword(name, value, allowed);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * A number in [min, max]; the slider in the UI. With a whole-number step on whole bounds (the
 * default step is 1) it takes whole numbers only, wherever the value comes from.
 */
export function slider(
  spec: Common & { min: number; max: number; step?: number; value: number; unit?: string; integer?: boolean },
): InputNode<number> {
  const step = spec.step ?? 1;
  const integer = spec.integer ?? [step, spec.min, spec.max].every(Number.isInteger);
  const kind = integer ? 'a whole number' : 'a number';
  const expected = (v: unknown): string | undefined => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return integer ? 'a whole number' : 'a number';
    if (v < spec.min || v > spec.max || (integer && !Number.isInteger(v))) return `${kind} from ${spec.min} to ${spec.max}`;
    return undefined;
  };
  return input<number>({
    ...spec,
    defaultValue: spec.value,
    control: { kind: 'slider', min: spec.min, max: spec.max, step, integer, unit: spec.unit },
    parse(text) {
      const trimmed = text.trim();
      const v = trimmed === '' ? NaN : Number(trimmed);
      const wanted = expected(v);
      if (wanted) throw new Error(`invalid ${spec.name}: "${text}" is not ${wanted}`);
      return v;
    },
    format: (v) => String(v),
    validate: (v) => {
      const wanted = expected(v);
      return wanted ? refusal(spec.name, v, `expected ${wanted}`) : undefined;
    },
  });
}

/**
 * `value` moved onto a slider input's grid and into its range, e.g. a suggested eps of 0.8734
 * becomes 0.85 on a 0.05 grid, so a one-click suggestion sets exactly a value the slider shows.
 */
export function snap(node: InputNode<number>, value: number): number {
  const c = node.control;
  if (c.kind !== 'slider') return value;
  const steps = Math.round((value - c.min) / c.step);
  const snapped = Math.min(c.max, Math.max(c.min, c.min + steps * c.step));
  // Decimal steps accumulate float noise (0.05 * 17 = 0.8500000000000001): keep the step's digits.
  const digits = (String(c.step).split('.')[1] ?? '').length;
  return Number(snapped.toFixed(digits));
}

/** One of a fixed list of options (keywords: `invalid <name>: "<value>" (expected a, b or c)`). */
export function select<const T extends string>(spec: Common & { options: readonly T[]; value: T }): InputNode<T> {
  return input<T>({
    ...spec,
    defaultValue: spec.value,
    control: { kind: 'select', options: spec.options },
    parse: (text) => keyword(spec.name, text, spec.options),
    format: (v) => v,
    validate: (v) => keywordProblem(spec.name, v, spec.options),
  });
}

/**
 * A non-empty subset of names offered by another node (e.g. the numeric columns of the data).
 * Names the data lacks are the consuming cell's to report: the options depend on the data.
 */
export function multiselect(
  spec: Common & {
    options: Node<readonly string[]>;
    value: readonly string[];
    /** Whether choosing none is a valid choice (default false: at least one, e.g. features). */
    allowEmpty?: boolean;
  },
): InputNode<readonly string[]> {
  const allowEmpty = spec.allowEmpty ?? false;
  return input<readonly string[]>({
    ...spec,
    defaultValue: spec.value,
    control: { kind: 'multiselect', options: spec.options },
    parse(text) {
      const names = text
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (names.length === 0 && !allowEmpty) {
        throw new Error(`invalid ${spec.name}: "${text}" (choose at least one, e.g. ${spec.name}=${spec.value.slice(0, 2).join(',')})`);
      }
      return names;
    },
    format: (v) => v.join(','),
    validate(v) {
      if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return refusal(spec.name, v, 'expected a list of names');
      if (v.length === 0 && !allowEmpty) return refusal(spec.name, v, 'choose at least one');
      return undefined;
    },
  });
}

/** Per-key weights (a missing key means weight 1); keys come from another node. */
export function weights(
  spec: Common & { keys: Node<readonly string[]>; min?: number; max?: number; step?: number; value?: Readonly<Record<string, number>> },
): InputNode<Readonly<Record<string, number>>> {
  const min = spec.min ?? 0;
  const max = spec.max ?? 5;
  const problem = (v: unknown): string | undefined => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'expected weights by feature';
    for (const [key, w] of Object.entries(v)) {
      if (typeof w !== 'number' || !Number.isFinite(w) || w < min || w > max) {
        return `weight of ${key} must be a number from ${min} to ${max}`;
      }
    }
    return undefined;
  };
  const parse = (text: string): Readonly<Record<string, number>> => {
    // A map, never a plain object: a feature named `__proto__` must stay a key.
    const out = new Map<string, number>();
    for (const part of text.split(',').filter((p) => p.trim() !== '')) {
      const eq = part.lastIndexOf('=');
      const key = part.slice(0, Math.max(0, eq)).trim();
      const raw = part.slice(eq + 1).trim();
      const w = Number(raw);
      if (eq <= 0 || !key || raw === '' || !Number.isFinite(w)) {
        throw new Error(`invalid ${spec.name}: "${part}" (expected feature=number, e.g. revenue=2)`);
      }
      out.set(key, w);
    }
    const record = Object.fromEntries(out);
    const reason = problem(record);
    if (reason) throw new Error(`invalid ${spec.name}: "${text}" (${reason})`);
    return record;
  };
  return input<Readonly<Record<string, number>>>({
    ...spec,
    defaultValue: spec.value ?? {},
    control: { kind: 'weights', keys: spec.keys, min, max, step: spec.step ?? 0.1 },
    parse,
    // One parameter per weight under `w.` (`w.cts_pct=2`); a missing key means 1.
    keyed: {
      claims: (param) => param.startsWith(WEIGHT_PREFIX) && param.length > WEIGHT_PREFIX.length,
      apply: (base, entries) => ({ ...base, ...parse(entries.map(([param, text]) => `${param.slice(WEIGHT_PREFIX.length)}=${text}`).join(',')) }),
      entries: (v) => Object.entries(v).filter(([, w]) => w !== 1).map(([key, w]): [string, string] => [WEIGHT_PREFIX + key, String(w)]),
    },
    format: (v) =>
      Object.entries(v)
        .map(([k, w]) => `${k}=${w}`)
        .join(','),
    validate: (v) => {
      const reason = problem(v);
      return reason ? refusal(spec.name, v, reason) : undefined;
    },
    // A missing key means 1: keys at 1 are dropped and the rest sorted, so `{a: 1, b: 2}` from
    // the sliders, `w.b=2` from a link and `{b: 2}` from a config are one value.
    normalize: (v) =>
      Object.fromEntries(
        Object.entries(v)
          .filter(([, w]) => w !== 1)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      ),
  });
}

/** A file chosen by the user: its name and bytes; `null` means the bundled sample. */
export interface FileValue {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The data file. Its role is `data`: the host keeps it (the app in the browser's storage). */
export function fileInput(spec: Common & { accept: string; none?: string }): InputNode<FileValue | null> {
  return input<FileValue | null>({
    ...spec,
    defaultValue: null,
    role: 'data',
    control: { kind: 'file', accept: spec.accept, none: spec.none },
    parse(text) {
      throw new Error(`invalid ${spec.name}: "${text}" (a file cannot be set from text; use --data)`);
    },
    format: (v) => v?.name ?? '',
    validate: (v) =>
      v === null ||
      (typeof v === 'object' && typeof (v as FileValue).name === 'string' && (v as FileValue).bytes instanceof Uint8Array)
        ? undefined
        : refusal(spec.name, v, 'expected a file'),
  });
}

/** An input without a control that no text can set: host values and action state. */
function hiddenInput<T>(
  spec: Common & { value: T },
  role: 'host' | 'state',
  setBy: string,
  validate: (value: unknown) => string | undefined,
  format: (value: T) => string,
): InputNode<T> {
  return input<T>({
    ...spec,
    defaultValue: spec.value,
    role,
    control: { kind: 'hidden' },
    parse(text) {
      throw new Error(`invalid ${spec.name}: "${text}" (set by ${setBy}, not from text)`);
    },
    format,
    validate,
  });
}

/** A value the host provides (e.g. where heavy work runs); never shown, saved or set from outside. */
export function hostValue<T>(spec: Common & { value: T }): InputNode<T> {
  return hiddenInput(spec, 'host', 'the host', () => undefined, () => '');
}

/**
 * A value only actions set (e.g. the imported reference config): saved across reloads, never in
 * the URL, an export's inputs or `--set`. `check` returns what is wrong with a value, if anything.
 */
export function stateValue<T>(spec: Common & { value: T; check: (value: unknown) => string | undefined; format?: (value: T) => string }): InputNode<T> {
  const validate = (v: unknown) => {
    const reason = spec.check(v);
    return reason ? `invalid ${spec.name}: ${reason}` : undefined;
  };
  return hiddenInput(spec, 'state', 'an action', validate, spec.format ?? (() => ''));
}

/** One of the names offered by another node (e.g. a numeric column); the cell checks it against the data. */
export function choice(spec: Common & { options: Node<readonly string[]>; value: string }): InputNode<string> {
  return input<string>({
    ...spec,
    defaultValue: spec.value,
    control: { kind: 'select', options: spec.options },
    parse: (text) => text,
    format: (v) => v,
    validate: (v) => (typeof v === 'string' ? undefined : refusal(spec.name, v, 'expected a name')),
  });
}

/**
 * Free text, e.g. a comma-separated list of account ids. `check` validates its form (a date, a
 * mapping) where the value enters, so a bad value is refused at the input, never deep in a cell:
 * it throws a message that is either complete (`invalid ...`) or says what was expected.
 */
export function text(spec: Common & { value?: string; check?: (text: string) => void }): InputNode<string> {
  const problem = (v: unknown): string | undefined => {
    if (typeof v !== 'string') return refusal(spec.name, v, 'expected text');
    if (!spec.check) return undefined;
    try {
      spec.check(v);
      return undefined;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return message.startsWith('invalid ') ? message : refusal(spec.name, v, message);
    }
  };
  return input<string>({
    ...spec,
    defaultValue: spec.value ?? '',
    control: { kind: 'text' },
    parse(t) {
      const reason = problem(t);
      if (reason) throw new Error(reason);
      return t;
    },
    format: (v) => v,
    validate: problem,
  });
}

/** Name of the builtin node that holds every setting's value. */
export const NOTEBOOK_INPUTS = '@inputs';

/**
 * The committed values of every setting of the notebook, by name (what an export records). The
 * engine wires it to all settings, so it recomputes when any of them changes.
 */
export const notebookInputs: CellNode<Readonly<Record<string, unknown>>> = {
  kind: 'cell',
  name: NOTEBOOK_INPUTS,
  title: 'Inputs',
  inputs: {},
  run: () => {
    throw new Error('notebookInputs is computed by the engine');
  },
  trigger: 'change',
  hidden: true,
};
