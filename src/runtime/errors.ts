import type { Failure } from './outcome.ts';

/**
 * What `engine.value` rejects with when a cell failed or is blocked: the failure's message, the
 * cell it came from, and the original error as `cause`.
 */
export class CellError extends Error {
  /** The cell whose run threw (for a blocked cell: the one upstream). */
  readonly cell: string;
  readonly trigger?: string;
  readonly failure: Failure;

  constructor(failure: Failure) {
    super(failure.message, { cause: failure.cause });
    this.name = 'CellError';
    this.cell = failure.cell;
    this.trigger = failure.trigger;
    this.failure = failure;
  }
}
