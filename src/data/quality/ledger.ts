/**
 * The shared ledger the quality rules write to: per input row its outcome (kept as a sale or a
 * return, or excluded for exactly one reason: the first rule that excluded it), the repairs and
 * flags on rows, per-rule counts and examples, and the lineage log of rows in and out per step.
 */
import { QUALITY_RULES, type QualityRuleId } from './rule-types.ts';
import { EXCLUSION_REASONS, ExampleLog, FLAG_KINDS, REPAIR_KINDS, zeroCounts, type ExclusionReason, type FlagKind, type LineageStep, type RepairKind } from './quality-report.ts';

/** Row status codes: `SALE`, `RETURN`, or `EXCLUDED + k` for `EXCLUSION_REASONS[k]`. */
export const SALE = 0;
export const RETURN = 1;
export const EXCLUDED = 2;

const REASON_CODE = new Map<ExclusionReason, number>(EXCLUSION_REASONS.map((r, k) => [r, EXCLUDED + k]));

export class QualityLedger {
  /** Per input row: SALE, RETURN or EXCLUDED + reason index. */
  readonly status: Uint8Array;
  /** 1 while a row is kept. */
  readonly alive: Uint8Array;
  aliveCount: number;
  readonly excluded = zeroCounts(EXCLUSION_REASONS);
  readonly repaired = zeroCounts(REPAIR_KINDS);
  readonly flagged = zeroCounts(FLAG_KINDS);
  /** Per rule: rows it matched, with the first few as examples. */
  readonly logs: Record<QualityRuleId, ExampleLog>;
  /** Per rule: counts per exclusion reason, repair or flag kind. */
  readonly detail: Record<QualityRuleId, Record<string, number>>;
  readonly lineage: LineageStep[];
  /** Notes for the user (a rule that could not run for lack of a column, a prefix not used...). */
  readonly notes: string[] = [];

  constructor(
    readonly rowCount: number,
    readStep: LineageStep,
  ) {
    this.status = new Uint8Array(rowCount);
    this.alive = new Uint8Array(rowCount).fill(1);
    this.aliveCount = rowCount;
    this.logs = Object.fromEntries(QUALITY_RULES.map((r) => [r, new ExampleLog()])) as Record<QualityRuleId, ExampleLog>;
    this.detail = Object.fromEntries(QUALITY_RULES.map((r) => [r, {}])) as Record<QualityRuleId, Record<string, number>>;
    this.lineage = [readStep];
  }

  private bump(rule: QualityRuleId, key: string, row: number): void {
    const d = this.detail[rule];
    d[key] = (d[key] ?? 0) + 1;
    this.logs[rule].add(row);
  }

  /** Excludes a kept row for `reason`; its outcome is final. */
  exclude(row: number, reason: ExclusionReason, rule: QualityRuleId): void {
    this.alive[row] = 0;
    this.aliveCount--;
    this.status[row] = REASON_CODE.get(reason) as number;
    this.excluded[reason]++;
    this.bump(rule, reason, row);
  }

  repair(row: number, kind: RepairKind, rule: QualityRuleId): void {
    this.repaired[kind]++;
    this.bump(rule, kind, row);
  }

  /** Keeps a row as a return line (counted as the `returns` repair). */
  routeReturn(row: number, rule: QualityRuleId): void {
    this.status[row] = RETURN;
    this.repair(row, 'returns', rule);
  }

  flag(row: number, kind: FlagKind, rule: QualityRuleId): void {
    this.flagged[kind]++;
    this.bump(rule, kind, row);
  }

  /** Runs a rule when it is enabled and logs its step (rows in and out). */
  step(rule: QualityRuleId, enabled: boolean, run: () => void, note?: string): void {
    const rowsIn = this.aliveCount;
    if (enabled) run();
    this.lineage.push({ step: rule, rowsIn, rowsOut: this.aliveCount, note: enabled ? note : 'switched off' });
  }

  /** Logs a step that ran outside `step` (always-on rules with their own note). */
  logStep(rule: QualityRuleId, rowsIn: number, note?: string): void {
    this.lineage.push({ step: rule, rowsIn, rowsOut: this.aliveCount, note });
  }

  /** Input rows still kept, ascending. */
  keptRows(): Int32Array {
    const keep = new Int32Array(this.aliveCount);
    for (let i = 0, k = 0; i < this.rowCount; i++) if (this.alive[i]) keep[k++] = i;
    return keep;
  }
}
