/**
 * The robustness analyses as worker tasks (the notebook's section 7 runs them in the background
 * lane). Each passes the task's progress and cancellation through to the analysis.
 */
import type { ClusterSpec } from '../analytics/cluster/cluster.ts';
import type { Matrix } from '../analytics/matrix.ts';
import type { PreparationSpec } from '../analytics/prepare/preparation-spec.ts';
import { bootstrapStability, type BootstrapResult, type BootstrapSpec } from '../analytics/stability/bootstrap.ts';
import { dropOneFeature, type DropOneResult, type DropOneSpec } from '../analytics/stability/drop-one.ts';
import { holdoutValidation, type HoldoutResult, type HoldoutSpec } from '../analytics/stability/holdout.ts';
import { monteCarloWeights, type MonteCarloResult, type MonteCarloSpec } from '../analytics/stability/monte-carlo.ts';
import { periodStability, type PeriodStabilityResult, type PeriodStabilitySpec } from '../analytics/stability/periods.ts';
import { weightSensitivity, type SensitivityResult, type SensitivitySpec } from '../analytics/stability/sensitivity.ts';
import { subTask } from '../analytics/stability/task.ts';
import type { DataIssue } from '../data/errors.ts';
import { periodFeatures, type NormalizedPeriodSpec, type PeriodSpec } from '../data/features/periods.ts';
import { importOrderLines } from '../data/import-data.ts';
import type { DataImportSpec } from '../data/import-spec.ts';
import { sampleOrdersCsv } from '../data/synthetic/sample-orders.ts';
import type { TaskContext } from './tasks.ts';

/** Stability across periods with how the order lines were split. */
export interface PeriodTaskResult {
  readonly split: NormalizedPeriodSpec;
  /** Each period's order lines and customers, in order. */
  readonly periods: readonly { readonly label: string; readonly lines: number; readonly customers: number }[];
  /** Lines in no period (after the as-of month, or past the last whole rolling window). */
  readonly outside: number;
  readonly issues: readonly DataIssue[];
  readonly result: PeriodStabilityResult;
}

/**
 * Reads the order lines again (the notebook keeps only the customer table), splits them into
 * periods by order date, builds each period's customer features with the notebook's feature
 * options, and runs `periodStability` with the notebook's preparation and clustering; `ids` (the
 * notebook's clustering of the whole data) gives the periods the notebook's cluster numbers.
 */
async function periodTask(
  ctx: TaskContext,
  bytes: Uint8Array | null,
  fileName: string,
  importSpec: DataImportSpec,
  periods: PeriodSpec,
  preparation: PreparationSpec,
  cluster: ClusterSpec,
  ids?: PeriodStabilitySpec['ids'],
): Promise<PeriodTaskResult> {
  const data = bytes ?? new TextEncoder().encode(sampleOrdersCsv());
  const reading = subTask(ctx, 0, 0.5);
  const loaded = await importOrderLines(data, fileName, importSpec, (f) => reading.onProgress?.(f, 'reading the order lines'), ctx.parallel);
  ctx.onProgress(0.5, 'customer features per period');
  const { periods: tables, split } = periodFeatures(loaded.lines, periods, importSpec.features);
  const result = periodStability(
    tables.map((p) => ({ label: p.label, ids: p.features.ids, columns: p.features.columns })),
    { preparation, cluster, ids },
    subTask(ctx, 0.6, 1),
  );
  return {
    split: split.spec,
    periods: tables.map((p) => ({ label: p.label, lines: p.lines, customers: p.features.rowCount })),
    outside: split.outside,
    issues: split.issues,
    result,
  };
}

export const ROBUSTNESS_TASKS = {
  bootstrap: (ctx: TaskContext, m: Matrix, spec: BootstrapSpec): BootstrapResult => bootstrapStability(m, spec, ctx),
  weightSensitivity: (ctx: TaskContext, m: Matrix, spec: SensitivitySpec): SensitivityResult => weightSensitivity(m, spec, ctx),
  monteCarloWeights: (ctx: TaskContext, m: Matrix, spec: MonteCarloSpec): MonteCarloResult => monteCarloWeights(m, spec, ctx),
  dropOneFeature: (ctx: TaskContext, m: Matrix, spec: DropOneSpec): DropOneResult => dropOneFeature(m, spec, ctx),
  holdout: (ctx: TaskContext, m: Matrix, spec: HoldoutSpec): HoldoutResult => holdoutValidation(m, spec, ctx),
  periodStability: periodTask,
};
