/** What every robustness analysis accepts besides its inputs: progress reports and cancellation. */
export interface TaskOptions {
  /** Called with the share of work done, in [0, 1], and what is running, after each step. */
  readonly onProgress?: (fraction: number, message?: string) => void;
  /** Checked between steps (replicates, perturbations); when aborted the analysis throws an `AbortError`. */
  readonly signal?: AbortSignal;
}

/** Throws the signal's reason (or an `AbortError`) when the signal is aborted. */
export function checkAborted(signal: AbortSignal | undefined, what: string): void {
  if (!signal?.aborted) return;
  throw signal.reason instanceof Error ? signal.reason : new DOMException(`The ${what} was cancelled.`, 'AbortError');
}

/**
 * Progress of the part of a larger job that runs from `from` to `to` (shares of the whole), so
 * that analyses run one after another report one rising bar.
 */
export function subTask(options: TaskOptions, from: number, to: number): TaskOptions {
  const { onProgress, signal } = options;
  return {
    signal,
    onProgress: onProgress && ((fraction, message) => onProgress(from + (to - from) * fraction, message)),
  };
}
