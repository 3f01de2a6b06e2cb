/**
 * Top-down tiering by explainable thresholds: ABC by cumulative gross-margin share crossed with
 * CTS % against a reference (the customers' median or a target). The Standard rule is checked
 * first, so a loss-making customer is Standard whatever its class:
 *
 * | tier (default name) | rule |
 * | --- | --- |
 * | Standard | net profit <= floor (0), or C with CTS % > reference |
 * | Platinum | A with CTS % <= reference |
 * | Gold     | A with CTS % > reference, or B with CTS % <= reference |
 * | Silver   | B with CTS % > reference, or C (with net profit above the floor) |
 */
import type { AnalyticsIssue } from '../issues.ts';
import { median } from '../prepare/quantile.ts';
import { needsData, type NeedsData } from '../policy/needs-data.ts';
import { abcClasses, type AbcClass } from './abc.ts';
import type { CustomerMeasures } from './customer-measures.ts';
import { tierCounts, type Tiering } from './tiering.ts';
import type { AbcBasis, NormalizedThresholdTiering } from './tiering-spec.ts';
import { xyzClasses, type XyzClass } from './xyz.ts';

export interface ThresholdTiering extends Tiering {
  readonly method: 'thresholds';
  readonly abc: readonly AbcClass[];
  readonly xyz: readonly XyzClass[];
  /** What ABC accumulated (revenue when the table has no margin). */
  readonly abcBasis: AbcBasis;
  /** The CTS % reference the rules used (the median resolved to its value), percent. */
  readonly ctsReference: number;
  /** Why each customer got its tier, e.g. `A, CTS % ≤ 12.4%` ('' without a tier). */
  readonly reasons: readonly string[];
}

const allNaN = (a: Float64Array) => a.every((v) => Number.isNaN(v));

/** Tiers by the threshold rules; a `NeedsData` outcome when the table has no CTS % or no net profit. */
export function thresholdTiers(m: CustomerMeasures, spec: NormalizedThresholdTiering): ThresholdTiering | NeedsData {
  const needs: string[] = [];
  if (allNaN(m.ctsPct)) needs.push('a cts_pct (or cts and revenue) column');
  if (allNaN(m.netProfit)) needs.push('a net_profit (or gross margin and cost-to-serve) column');
  if (needs.length) return needsData(needs, `Top-down tiers compare CTS % and net profit per customer; the table lacks ${needs.join(' and ')}.`);
  const issues: AnalyticsIssue[] = [];
  let basis = spec.abcBasis;
  if (basis === 'gross_margin' && allNaN(m.grossMargin)) {
    basis = 'revenue';
    issues.push({ code: 'abc-by-revenue', message: 'ABC classes accumulate revenue because the table has no gross margin (gross margin is preferred).' });
  }
  const abc = abcClasses(basis === 'gross_margin' ? m.grossMargin : m.revenue, spec.abcCuts);
  const xyz = xyzClasses(m.demandCv, spec.xyzBounds);
  const ref = spec.ctsReference === 'median' ? median(m.ctsPct) : spec.ctsReference;
  const refText = `${Number(ref.toFixed(2))}%`;
  const floor = spec.netProfitFloor;
  const n = m.n;
  const tier = new Int32Array(n);
  const reasons = new Array<string>(n);
  let unknown = 0;
  for (let i = 0; i < n; i++) {
    const cls = abc[i];
    const cts = m.ctsPct[i];
    const np = m.netProfit[i];
    let t = -1;
    let why = '';
    if (np <= floor) [t, why] = [3, `net profit ≤ ${floor}`];
    else if (cls === '' || Number.isNaN(cts) || Number.isNaN(np)) unknown++;
    else {
      const high = cts > ref;
      why = `${cls}, CTS % ${high ? '>' : '≤'} ${refText}`;
      t = cls === 'A' ? (high ? 1 : 0) : cls === 'B' ? (high ? 2 : 1) : high ? 3 : 2;
    }
    tier[i] = t;
    reasons[i] = why;
  }
  if (unknown > 0) {
    issues.push({
      code: 'no-tier',
      message: `${unknown.toLocaleString('en-US')} customer${unknown === 1 ? ' has' : 's have'} no top-down tier: ${basis === 'gross_margin' ? 'gross margin' : 'revenue'}, CTS % or net profit is missing.`,
    });
  }
  const { counts, unassigned } = tierCounts(tier, 4);
  return { method: 'thresholds', names: spec.names, tier, counts, unassigned, issues, abc, xyz, abcBasis: basis, ctsReference: ref, reasons };
}
