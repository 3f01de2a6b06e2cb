import type {
  CellNode,
  ControlSpec,
  Dependency,
  IfRun,
  InputNode,
  InputRole,
  KeyedForm,
  Node,
  RunContext,
  Sampled,
  Suggestion,
  Trigger,
  ValuesOf,
  ViewContext,
  ViewResult,
} from './node.ts';

export interface CellSpec<I extends Readonly<Record<string, Dependency<unknown>>>, T> {
  name: string;
  title?: string;
  inputs: I;
  run: (values: ValuesOf<I>, context: RunContext) => T | Promise<T>;
  view?: (value: Awaited<T>, context: ViewContext) => ViewResult;
  /** Redraws the view in place for a new value (see `CellNode.update`). */
  update?: (element: Element, value: Awaited<T>, context: ViewContext) => boolean;
  /** One-click input changes offered beside the output. */
  suggest?: (value: Awaited<T>) => readonly Suggestion[];
  /** `change` (default) or `demand`: see `Trigger`. */
  trigger?: Trigger;
  hidden?: boolean;
  /** Runs after the page has painted what changed (see `CellNode.deferred`). Default false. */
  deferred?: boolean;
  description?: string;
}

/**
 * Declares a cell. `run` receives the values of `inputs` with their types, so wiring a
 * cell to a node of the wrong type fails to compile.
 */
export function cell<const I extends Readonly<Record<string, Dependency<unknown>>>, T>(
  spec: CellSpec<I, T>,
): CellNode<Awaited<T>> {
  return {
    kind: 'cell',
    name: spec.name,
    title: spec.title ?? spec.name,
    inputs: spec.inputs,
    run: spec.run as CellNode<Awaited<T>>['run'],
    view: spec.view,
    ...(spec.update ? { update: spec.update } : {}),
    suggest: spec.suggest,
    trigger: spec.trigger ?? 'change',
    hidden: spec.hidden ?? false,
    ...(spec.deferred ? { deferred: true } : {}),
    description: spec.description,
  };
}

/** An edge that reads `node` only once it has settled (see `Sampled`). */
export function sampled<T>(node: Node<T>): Sampled<T> {
  return { kind: 'sampled', node };
}

/** An edge that reads an on-demand cell's current result, or null (see `IfRun`). */
export function ifRun<T>(node: CellNode<T>): IfRun<T> {
  return { kind: 'ifRun', node };
}

export interface InputSpec<T> {
  name: string;
  title?: string;
  defaultValue: T;
  control: ControlSpec;
  description?: string;
  /** Default `setting`. */
  role?: InputRole;
  parse: (text: string) => T;
  format?: (value: T) => string;
  validate: (value: unknown) => string | undefined;
  /** Default: the value as it is. */
  normalize?: (value: T) => T;
  /** Action state that Reset leaves in place (see `InputNode.keepOnReset`). */
  keepOnReset?: boolean;
  /** Entries that links and `--set` may give one parameter each (see `KeyedForm`). */
  keyed?: KeyedForm<T>;
}

export function input<T>(spec: InputSpec<T>): InputNode<T> {
  return {
    kind: 'input',
    name: spec.name,
    title: spec.title ?? spec.name,
    defaultValue: spec.defaultValue,
    control: spec.control,
    description: spec.description,
    role: spec.role ?? 'setting',
    parse: spec.parse,
    format: spec.format ?? ((v: T) => (typeof v === 'string' ? v : JSON.stringify(v))),
    validate: spec.validate,
    normalize: spec.normalize ?? ((v: T) => v),
    ...(spec.keepOnReset ? { keepOnReset: true } : {}),
    ...(spec.keyed ? { keyed: spec.keyed } : {}),
  };
}
