import { describe, expect, it } from 'vitest';
import { evaluateDriftRule, normalizeDriftRule, parseDriftRule } from '../../../src/analytics/monitor/drift-rule.ts';

describe('drift trigger rule', () => {
  it('defaults to feature PSI >= 0.25 or segment-mix PSI >= 0.10, KS off', () => {
    expect(normalizeDriftRule()).toEqual({ featurePsi: 0.25, segmentPsi: 0.1, ksD: null });
    const rule = normalizeDriftRule();
    expect(evaluateDriftRule(rule, { features: [{ feature: 'revenue', psi: 0.2499, ks: 0.9 }], segmentPsi: 0.0999 })).toEqual({ triggered: false, reasons: [] });
    expect(evaluateDriftRule(rule, { features: [{ feature: 'revenue', psi: 0.25, ks: 0 }], segmentPsi: 0.1 })).toEqual({
      triggered: true,
      reasons: ['revenue: PSI 0.25 >= 0.25', 'segment mix: PSI 0.1 >= 0.1'],
    });
  });

  it('parses an edited rule and refuses unknown names and bad numbers', () => {
    expect(parseDriftRule('feature-psi=0.2, segment-psi=off, ks-d=0.1')).toEqual({ featurePsi: 0.2, segmentPsi: null, ksD: 0.1 });
    expect(parseDriftRule('')).toEqual(normalizeDriftRule());
    expect(() => parseDriftRule('psi=0.2')).toThrow('invalid trigger: "psi" (expected feature-psi, segment-psi or ks-d)');
    expect(() => parseDriftRule('ks-d=abc')).toThrow('invalid ks-d threshold: NaN');
  });
});
