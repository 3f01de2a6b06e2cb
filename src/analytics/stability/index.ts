/**
 * Robustness of a segmentation: bootstrap stability with per-customer confidence, weight
 * sensitivity (one at a time and Monte Carlo), drop-one-feature, holdout validation and
 * stability across periods. Each analysis is task-shaped, `(inputs, spec, { onProgress,
 * signal }) => plain result`, so it runs the same in a worker, inline or in the command.
 */
export * from './task.ts';
export * from './jaccard.ts';
export * from './bands.ts';
export * from './baseline.ts';
export * from './agreement.ts';
export * from './confidence.ts';
export * from './bootstrap.ts';
export * from './weights.ts';
export * from './sensitivity.ts';
export * from './drop-one.ts';
export * from './monte-carlo.ts';
export { ASSIGNMENT_RULES } from './assign-held-out.ts';
export * from './holdout.ts';
export * from './migration.ts';
export * from './periods.ts';
export * from './robustness.ts';
export * from './summary.ts';
export * from './movers.ts';
export * from './report.ts';
