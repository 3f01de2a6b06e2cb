/**
 * The shared ledger the quality rules write to: per input row its outcome (kept as a sale or a
 * return, or excluded for exactly one reason: the first rule that excluded it), the repairs and
 * flags on rows, per-rule counts and examples, and the lineage log of rows in and out per step.
 *
 * One row, one outcome: an exclusion is final when it happens, while repairs and flags (a
 * routed return, a normalised id) are events that count only if their row is still kept at the
 * end. A cancellation with price 0 is routed to returns and then excluded: it counts once, as
 * excluded.
 */
import { ExampleLog, EXCLUSION_REASONS, FLAG_KINDS, REPAIR_KINDS, zeroCounts, type ExclusionReason, type FlagKind, type LineageStep, type RepairKind } from './quality-report.ts';
import { QUALITY_RULES, type QualityRuleId } from './rule-types.ts';

/** Row status codes: `SALE`, `RETURN`, `NON_PRODUCT`, or `EXCLUDED + k` for `EXCLUSION_REASONS[k]`. */
export const SALE = 0;
export const RETURN = 1;
export const NON_PRODUCT = 2;
export const EXCLUDED = 3;

const REASON_CODE = new Map<ExclusionReason, number>(EXCLUSION_REASONS.map((r, k) => [r, EXCLUDED + k]));
const EXCLUSION = 0;
const REPAIR = 1;
const FLAG = 2;

/** What one rule did, in the order it did it. */
class RuleEvents {
  readonly rows: number[] = [];
  readonly keys: string[] = [];
  readonly kinds: number[] = [];
  push(row: number, key: string, kind: number): void {
    this.rows.push(row);
    this.keys.push(key);
    this.kinds.push(kind);
  }
}

/** The final tallies: counts of kept rows' repairs and flags, and per rule its matches and examples. */
export interface LedgerOutcome {
  excluded: Record<ExclusionReason, number>;
  repaired: Record<RepairKind, number>;
  flagged: Record<FlagKind, number>;
  /** Per rule: rows matched (excluded, or repaired/flagged and kept), first few as examples. */
  logs: Record<QualityRuleId, ExampleLog>;
  /** Per rule: counts per exclusion reason, repair or flag kind. */
  detail: Record<QualityRuleId, Record<string, number>>;
}

export class QualityLedger {
  /** Per input row: SALE, RETURN, NON_PRODUCT or EXCLUDED + reason index. */
  readonly status: Uint8Array;
  /** 1 while a row is kept. */
  readonly alive: Uint8Array;
  aliveCount: number;
  readonly excluded = zeroCounts(EXCLUSION_REASONS);
  readonly lineage: LineageStep[];
  /** Notes for the user (a rule that could not run for lack of a column, a prefix not used...). */
  readonly notes: string[] = [];
  private readonly events: Record<QualityRuleId, RuleEvents>;

  constructor(
    readonly rowCount: number,
    readStep: LineageStep,
  ) {
    this.status = new Uint8Array(rowCount);
    this.alive = new Uint8Array(rowCount).fill(1);
    this.aliveCount = rowCount;
    this.events = Object.fromEntries(QUALITY_RULES.map((r) => [r, new RuleEvents()])) as Record<QualityRuleId, RuleEvents>;
    this.lineage = [readStep];
  }

  /** Excludes a kept row for `reason`; its outcome is final. */
  exclude(row: number, reason: ExclusionReason, rule: QualityRuleId): void {
    this.alive[row] = 0;
    this.aliveCount--;
    this.status[row] = REASON_CODE.get(reason) as number;
    this.excluded[reason]++;
    this.events[rule].push(row, reason, EXCLUSION);
  }

  /** A repair of a row; it counts if the row is kept at the end. */
  repair(row: number, kind: RepairKind, rule: QualityRuleId): void {
    this.events[rule].push(row, kind, REPAIR);
  }

  /** Keeps a row as a return line (counted as the `returns` repair). */
  routeReturn(row: number, rule: QualityRuleId): void {
    this.status[row] = RETURN;
    this.repair(row, 'returns', rule);
  }

  /** Keeps a row as a non-product line (counted as the `non-product` repair). */
  routeNonProduct(row: number, rule: QualityRuleId): void {
    this.status[row] = NON_PRODUCT;
    this.repair(row, 'non-product', rule);
  }

  /** Whether a row is kept as a product line (a sale or a return): the product rules look at these only. */
  isProduct(row: number): boolean {
    return this.alive[row] === 1 && this.status[row] !== NON_PRODUCT;
  }

  /** A flag on a row; it counts if the row is kept at the end. */
  flag(row: number, kind: FlagKind, rule: QualityRuleId): void {
    this.events[rule].push(row, kind, FLAG);
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

  /** The tallies once every rule has run: repairs and flags of rows excluded later are dropped. */
  outcome(): LedgerOutcome {
    const repaired = zeroCounts(REPAIR_KINDS);
    const flagged = zeroCounts(FLAG_KINDS);
    const logs = {} as Record<QualityRuleId, ExampleLog>;
    const detail = {} as Record<QualityRuleId, Record<string, number>>;
    for (const rule of QUALITY_RULES) {
      const { rows, keys, kinds } = this.events[rule];
      const log = new ExampleLog();
      const d: Record<string, number> = {};
      for (let k = 0; k < rows.length; k++) {
        const kind = kinds[k];
        if (kind !== EXCLUSION && !this.alive[rows[k]]) continue;
        const key = keys[k];
        if (kind === REPAIR) repaired[key as RepairKind]++;
        else if (kind === FLAG) flagged[key as FlagKind]++;
        d[key] = (d[key] ?? 0) + 1;
        log.add(rows[k]);
      }
      logs[rule] = log;
      detail[rule] = d;
    }
    return { excluded: this.excluded, repaired, flagged, logs, detail };
  }
}
