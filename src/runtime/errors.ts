import type { CellFailure } from './state.ts';

/** A failure raised by a cell's own `run`; dependents see it as "blocked by <cell>". */
export class CellError extends Error {
  readonly cell: string;
  readonly trigger?: string;
  override readonly cause: unknown;

  constructor(cell: string, cause: unknown, trigger?: string) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'CellError';
    this.cell = cell;
    this.cause = cause;
    this.trigger = trigger;
  }
}

export function failureOf(error: CellError): CellFailure {
  return { message: error.message, cell: error.cell, trigger: error.trigger };
}
