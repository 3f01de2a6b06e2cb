import { describe, expect, it } from 'vitest';
import { byPriority, normalizePolicy, parsePolicy, type PolicySpec } from '../../../src/analytics/policy/policy-spec.ts';
import { applyPolicySetting, parsePolicySettings, policySettings } from '../../../src/analytics/policy/policy-settings.ts';

const TIERS = ['Platinum', 'Gold', 'Silver', 'Standard'];

describe('policy spec', () => {
  it('defaults service levels to 0.99 / 0.98 / 0.95 / 0.90, priority to the tier order, baseline 95 % and carrying 25 %', () => {
    const p = normalizePolicy({}, TIERS);
    expect(p.tiers.map((t) => t.serviceLevel)).toEqual([0.99, 0.98, 0.95, 0.9]);
    expect(p.tiers.map((t) => t.priority)).toEqual([1, 2, 3, 4]);
    expect(p.tiers.map((t) => t.deliveryDaysPerWeek)).toEqual([5, 5, 3, 1]);
    expect(p.tiers[3]).toEqual({
      tier: 'Standard',
      leadTimeDays: 5,
      minimumOrder: 0,
      minimumOrderBasis: 'value',
      deliveryDaysPerWeek: 1,
      smallOrderThreshold: 0,
      smallOrderSurcharge: 0,
      ctsAllowancePct: null,
      serviceLevel: 0.9,
      priority: 4,
      parentRule: 'own',
    });
    expect([p.carryingRate, p.baselineServiceLevel]).toEqual([0.25, 0.95]);
  });

  it('gives unknown tier names the Standard defaults and lists policies for tiers that no longer exist', () => {
    const p = normalizePolicy({ tiers: { Bronze: { serviceLevel: 0.93 }, Old: { serviceLevel: 0.9 } } }, ['Strategic', 'Bronze', 'Other']);
    expect(p.tiers.map((t) => t.serviceLevel)).toEqual([0.99, 0.93, 0.9]);
    expect(p.unusedTiers).toEqual(['Old']);
  });

  it('takes the small-order threshold from the minimum order value unless given', () => {
    const p = normalizePolicy({ tiers: { Gold: { minimumOrder: 250 }, Silver: { minimumOrder: 40, minimumOrderBasis: 'quantity' } } }, TIERS);
    expect(p.tiers[1].smallOrderThreshold).toBe(250);
    expect(p.tiers[2].smallOrderThreshold).toBe(0);
  });

  it('orders tiers by priority rank, ties by tier order', () => {
    const p = normalizePolicy({ tiers: { Standard: { priority: 1 }, Silver: { priority: 2 } } }, TIERS);
    expect(byPriority(p).map((t) => t.tier)).toEqual(['Platinum', 'Standard', 'Gold', 'Silver']);
  });

  it('names the tier and field of a bad value', () => {
    expect(() => normalizePolicy({ tiers: { Gold: { serviceLevel: 98 } } }, TIERS)).toThrow('invalid serviceLevel of Gold: 98 (expected a fraction between 0 and 1, e.g. 0.95)');
    expect(() => normalizePolicy({ tiers: { Gold: { deliveryDaysPerWeek: 8 } } }, TIERS)).toThrow('invalid deliveryDaysPerWeek of Gold: 8');
    expect(() => normalizePolicy({ tiers: { Gold: { parentRule: 'lower' as never } } }, TIERS)).toThrow('invalid parentRule of Gold: "lower" (expected own, parent or higher)');
    expect(() => normalizePolicy({ baselineServiceLevel: 1 }, TIERS)).toThrow('invalid baselineServiceLevel: 1');
  });

  it('validates documents and survives a JSON round trip', () => {
    const spec: PolicySpec = { carryingRate: 0.3, tiers: { Gold: { serviceLevel: 0.975, ctsAllowancePct: 12, parentRule: 'higher' } } };
    expect(parsePolicy(JSON.parse(JSON.stringify(spec)), TIERS)).toEqual(normalizePolicy(spec, TIERS));
    expect(() => parsePolicy({ tiers: { Gold: { servicelevel: 0.9 } } }, TIERS)).toThrow();
  });
});

describe('policy settings (name=value)', () => {
  it('read serviceLevel.Gold=0.98 style settings, with % allowed for fractions', () => {
    const spec = parsePolicySettings(['serviceLevel.Gold=0.98', 'serviceLevel.Silver=96%', 'minimumOrder.Standard=250', 'ctsAllowancePct.Standard=none', 'parentRule.Silver=higher', 'carryingRate=20%']);
    expect(spec).toEqual({
      carryingRate: 0.2,
      tiers: { Gold: { serviceLevel: 0.98 }, Silver: { serviceLevel: 0.96, parentRule: 'higher' }, Standard: { minimumOrder: 250, ctsAllowancePct: null } },
    });
  });

  it('write back what they read', () => {
    const settings = ['carryingRate=0.2', 'baselineServiceLevel=0.9', 'leadTimeDays.Gold=2', 'minimumOrder.Gold=100', 'minimumOrderBasis.Gold=quantity', 'serviceLevel.Gold=0.97', 'ctsAllowancePct.Tier 5=none', 'priority.Tier 5=1'];
    expect(policySettings(parsePolicySettings(settings))).toEqual(settings);
  });

  it('name what is wrong', () => {
    expect(() => applyPolicySetting({}, 'servicelevel.Gold', '0.9')).toThrow('unknown policy setting: "servicelevel.Gold"');
    expect(() => applyPolicySetting({}, 'serviceLevel.Gold', 'high')).toThrow('invalid serviceLevel.Gold: "high" (expected a number)');
    expect(() => applyPolicySetting({}, 'parentRule.Gold', 'lower')).toThrow('invalid parentRule.Gold: "lower" (expected own, parent or higher)');
  });
});
