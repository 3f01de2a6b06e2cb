/**
 * When drift calls for re-segmentation. The rule is editable; by default it fires when any
 * feature's PSI is 0.25 or more (a significant shift) or the segment mix's PSI is 0.10 or more.
 */
import { keyword } from '../keyword.ts';

/** Thresholds of the trigger rule; null switches a condition off. */
export interface DriftRuleSpec {
  /** Fire when any feature's PSI is at least this. Default 0.25. */
  readonly featurePsi?: number | null;
  /** Fire when the segment mix's PSI is at least this. Default 0.10. */
  readonly segmentPsi?: number | null;
  /** Fire when any feature's KS distance D is at least this. Default null (off). */
  readonly ksD?: number | null;
}

export interface DriftRule {
  readonly featurePsi: number | null;
  readonly segmentPsi: number | null;
  readonly ksD: number | null;
}

function threshold(name: string, value: number | null | undefined, fallback: number | null): number | null {
  const v = value === undefined ? fallback : value;
  if (v !== null && !(Number.isFinite(v) && v >= 0)) throw new Error(`invalid ${name} threshold: ${v} (expected a number >= 0, or off)`);
  return v;
}

/** Every default of the trigger rule in one place. */
export function normalizeDriftRule(spec: DriftRuleSpec = {}): DriftRule {
  return {
    featurePsi: threshold('feature-psi', spec.featurePsi, 0.25),
    segmentPsi: threshold('segment-psi', spec.segmentPsi, 0.1),
    ksD: threshold('ks-d', spec.ksD, null),
  };
}

const RULE_NAMES = ['feature-psi', 'segment-psi', 'ks-d'] as const;

/** Parses `feature-psi=0.25,segment-psi=0.1,ks-d=off`; unnamed conditions keep their defaults. */
export function parseDriftRule(text: string): DriftRule {
  const spec: { featurePsi?: number | null; segmentPsi?: number | null; ksD?: number | null } = {};
  for (const part of text.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    const eq = part.indexOf('=');
    const name = keyword('trigger', eq > 0 ? part.slice(0, eq).trim() : part, RULE_NAMES);
    const raw = eq > 0 ? part.slice(eq + 1).trim() : '';
    const v = raw === 'off' ? null : raw === '' ? NaN : Number(raw);
    if (name === 'feature-psi') spec.featurePsi = v;
    else if (name === 'segment-psi') spec.segmentPsi = v;
    else spec.ksD = v;
  }
  return normalizeDriftRule(spec);
}

/** What the rule looks at. */
export interface DriftFigures {
  readonly features: readonly { feature: string; psi: number; ks: number }[];
  readonly segmentPsi: number | null;
}

/** Whether the rule fires, and why (one sentence per reason). */
export function evaluateDriftRule(rule: DriftRule, figures: DriftFigures): { triggered: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const f = (x: number) => Number(x.toFixed(4)).toString();
  for (const x of figures.features) {
    if (rule.featurePsi !== null && x.psi >= rule.featurePsi) reasons.push(`${x.feature}: PSI ${f(x.psi)} >= ${rule.featurePsi}`);
    if (rule.ksD !== null && x.ks >= rule.ksD) reasons.push(`${x.feature}: KS D ${f(x.ks)} >= ${rule.ksD}`);
  }
  if (rule.segmentPsi !== null && figures.segmentPsi !== null && figures.segmentPsi >= rule.segmentPsi) {
    reasons.push(`segment mix: PSI ${f(figures.segmentPsi)} >= ${rule.segmentPsi}`);
  }
  return { triggered: reasons.length > 0, reasons };
}
