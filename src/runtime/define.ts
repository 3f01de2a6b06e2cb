import type { CellNode, InputNode, Node, RunContext, Schedule, ValuesOf, ViewContext, ViewResult, ControlSpec } from './node.ts';

export interface CellSpec<I extends Readonly<Record<string, Node<unknown>>>, T> {
  name: string;
  title?: string;
  inputs: I;
  run: (values: ValuesOf<I>, context: RunContext) => T | Promise<T>;
  view?: (value: Awaited<T>, context: ViewContext) => ViewResult;
  schedule?: Schedule;
  hidden?: boolean;
  description?: string;
}

/**
 * Declares a cell. `run` receives the values of `inputs` with their types, so wiring a
 * cell to a node of the wrong type fails to compile.
 */
export function cell<const I extends Readonly<Record<string, Node<unknown>>>, T>(
  spec: CellSpec<I, T>,
): CellNode<Awaited<T>> {
  return {
    kind: 'cell',
    name: spec.name,
    title: spec.title ?? spec.name,
    inputs: spec.inputs,
    run: spec.run as CellNode<Awaited<T>>['run'],
    view: spec.view,
    schedule: spec.schedule ?? 'live',
    hidden: spec.hidden ?? false,
    description: spec.description,
  };
}

export interface InputSpec<T> {
  name: string;
  title?: string;
  defaultValue: T;
  control: ControlSpec;
  description?: string;
  persist?: boolean;
  parse: (text: string) => T;
  format?: (value: T) => string;
  validate: (value: unknown) => string | undefined;
}

export function input<T>(spec: InputSpec<T>): InputNode<T> {
  return {
    kind: 'input',
    name: spec.name,
    title: spec.title ?? spec.name,
    defaultValue: spec.defaultValue,
    control: spec.control,
    description: spec.description,
    persist: spec.persist ?? true,
    parse: spec.parse,
    format: spec.format ?? ((v: T) => (typeof v === 'string' ? v : JSON.stringify(v))),
    validate: spec.validate,
  };
}
