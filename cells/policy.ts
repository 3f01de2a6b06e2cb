/**
 * Section "9. Service policy": the policy table per tier, what it changes (impact with its
 * assumptions), safety stock and working capital (or what it needs), and a shortage
 * allocation. Wiring only: the analytics are `servicePolicy` and `allocateShortage`
 * (src/analytics/policy). Not yet part of a notebook; the data cells do not pass order lines
 * on yet, so safety stock says it needs them.
 */
import { cell, select, slider, text } from '../src/runtime/index.ts';
import { isNeedsData } from '../src/analytics/policy/needs-data.ts';
import { parsePolicySettings } from '../src/analytics/policy/policy-settings.ts';
import type { PolicySpec } from '../src/analytics/policy/policy-spec.ts';
import { byPriority } from '../src/analytics/policy/policy-spec.ts';
import { servicePolicy, type ServicePolicy } from '../src/analytics/policy/service-policy.ts';
import { ALLOCATION_RULES, allocateShortage, type Allocation } from '../src/analytics/policy/allocation.ts';
import { listText, numberText } from '../src/analytics/tiers/setting-text.ts';
import { workingCapitalChart } from '../src/ui/charts/working-capital-chart.ts';
import { rateOrder } from './data.ts';
import { stacked, tiers } from './tiers.ts';
import { textBlock } from './view-helpers.ts';

export const policySettings = text({
  name: 'policy',
  title: 'Policy per tier',
  description: 'Changes to the defaults, comma-separated <field>.<tier>=value, e.g. serviceLevel.Gold=0.98, minimumOrder.Standard=250, smallOrderSurcharge.Standard=15, parentRule.Silver=higher.',
});
export const carryingRate = slider({ name: 'carryingRate', title: 'Carrying rate', min: 0, max: 50, value: 25, unit: '%/yr' });
export const baselineServiceLevel = slider({ name: 'baselineServiceLevel', title: 'Baseline service level', min: 80, max: 99.9, step: 0.1, value: 95, unit: '%' });
export const supply = text({ name: 'supply', value: '1000', title: 'Supply (units)' });
export const openDemand = text({ name: 'openDemand', value: '', title: 'Open demand per tier', description: 'Tier=units, highest priority first; empty: 500, 400, 300, … in the priority order of the policy.' });
export const allocationRule = select({ name: 'allocationRule', title: 'Allocation rule', options: ALLOCATION_RULES, value: 'priority' });

/** The policy spec the inputs describe (what the config records). */
export function policySpecOf(settings: string, carrying: number, baseline: number): PolicySpec {
  return { ...parsePolicySettings(listText(settings)), carryingRate: carrying / 100, baselineServiceLevel: Math.round(baseline * 10) / 1000 };
}

export const policy = cell({
  name: 'servicePolicy',
  title: 'Service policy',
  inputs: { tiers, rateOrder, policySettings, carryingRate, baselineServiceLevel },
  run: (v): ServicePolicy | null => {
    if (isNeedsData(v.tiers.carried)) return null;
    return servicePolicy({ tiering: v.tiers.carried, customers: v.tiers.measures, spec: policySpecOf(v.policySettings, v.carryingRate, v.baselineServiceLevel), orderRate: v.rateOrder });
  },
  view: (p, { document }) => {
    if (!p) return textBlock(document, ['Tiers are needed first.']);
    const el = document.createElement('tb-table');
    el.columns = [
      { key: 'tier', label: 'Tier' },
      { key: 'serviceLevel', label: 'Service level', align: 'right' },
      { key: 'leadTimeDays', label: 'Lead time (days)', align: 'right' },
      { key: 'deliveryDaysPerWeek', label: 'Delivery days / week', align: 'right' },
      { key: 'minimumOrder', label: 'Minimum order', align: 'right' },
      { key: 'breakEven', label: 'Break-even order value', align: 'right' },
      { key: 'smallOrder', label: 'Small-order surcharge', align: 'right' },
      { key: 'priority', label: 'Shortage priority', align: 'right' },
      { key: 'parentRule', label: 'Parent rule' },
    ];
    el.rows = p.policy.tiers.map((t, i) => {
      const be = p.impact.tiers[i].breakEvenOrderValue.value;
      return {
        ...t,
        minimumOrder: t.minimumOrder > 0 ? `${t.minimumOrder} (${t.minimumOrderBasis})` : 'none',
        breakEven: be === null ? '–' : Math.round(be).toLocaleString('en-US'),
        smallOrder: t.smallOrderSurcharge > 0 ? `${t.smallOrderSurcharge} below ${t.smallOrderThreshold}` : 'none',
      };
    });
    const impact = p.impact.tiers.flatMap((t) => [
      `${t.tier}: CTS saved ${t.ctsSaved.value === null ? '–' : Math.round(t.ctsSaved.value).toLocaleString('en-US')}. ${t.ctsSaved.assumption} ${t.ordersConsolidated.assumption}`,
      `${t.tier}: surcharge revenue ${Math.round(t.surchargeRevenue).toLocaleString('en-US')}. ${t.smallOrderRevenue.assumption} ${t.ctsAllowanceRevenue.assumption}`,
    ]);
    return stacked(document, el, textBlock(document, impact));
  },
});

export const safetyStock = cell({
  name: 'safetyStock',
  title: 'Safety stock and working capital',
  inputs: { policy },
  run: ({ policy }) => policy?.safetyStock ?? null,
  view: (s, { document, width }) => {
    if (!s) return textBlock(document, ['Tiers are needed first.']);
    if (isNeedsData(s)) return textBlock(document, [s.message]);
    return workingCapitalChart(s.tiers, { baselineServiceLevel: s.baselineServiceLevel, width: Math.min(width, 900), document });
  },
});

export const allocation = cell({
  name: 'allocation',
  title: 'Shortage allocation',
  inputs: { policy, supply, openDemand, allocationRule },
  run: ({ policy, supply, openDemand, allocationRule }): Allocation | null => {
    if (!policy) return null;
    const typed = listText(openDemand).map((part) => {
      const eq = part.lastIndexOf('=');
      if (eq <= 0) throw new Error(`invalid open demand: "${part}" (expected Tier=units, e.g. Gold=400)`);
      return { tier: part.slice(0, eq).trim(), demand: numberText(`open demand of ${part.slice(0, eq).trim()}`, part.slice(eq + 1)) };
    });
    const demands = typed.length ? typed : byPriority(policy.policy).map((t, i) => ({ tier: t.tier, demand: Math.max(100, 500 - 100 * i) }));
    return allocateShortage(numberText('supply', supply), demands, allocationRule);
  },
  view: (a, { document }) => {
    if (!a) return textBlock(document, ['Tiers are needed first.']);
    return textBlock(document, a.tiers.map((t) => `${t.tier}: ${t.allocated.toLocaleString('en-US')} of ${t.demand.toLocaleString('en-US')} (${t.fillRate === null ? '–' : `${Math.round(t.fillRate * 1000) / 10}%`} filled)`));
  },
});
