/**
 * Section "9. Service policy": the policy table per tier, what it changes (impact with its
 * assumptions), safety stock and working capital (or what it needs), and a shortage
 * allocation. Wiring only: the analytics are `servicePolicy` and `allocateShortage`
 * (src/analytics/policy).
 */
import { cell, input, select, slider, text, type GridColumn, type GridRows } from '../src/runtime/index.ts';
import { isNeedsData } from '../src/analytics/policy/needs-data.ts';
import {
  applyTierPolicySetting,
  canonicalTierPolicies,
  isTierPolicySetting,
  parsePolicySettings,
  tierPoliciesProblem,
  tierPolicyEntries,
  type TierPolicies,
} from '../src/analytics/policy/policy-settings.ts';
import type { PolicySpec } from '../src/analytics/policy/policy-spec.ts';
import { byPriority, MINIMUM_ORDER_BASES, normalizePolicy, PARENT_RULES } from '../src/analytics/policy/policy-spec.ts';
import { servicePolicy, type ServicePolicy } from '../src/analytics/policy/service-policy.ts';
import { tierSummaries, type TierSummary } from '../src/analytics/policy/tier-summary.ts';
import { ALLOCATION_RULES, allocateShortage, type Allocation, type TierDemand } from '../src/analytics/policy/allocation.ts';
import { recentDemandByTier } from '../src/analytics/policy/recent-demand.ts';
import { listText, numberText } from '../src/analytics/tiers/setting-text.ts';
import { workingCapitalChart } from '../src/ui/charts/working-capital-chart.ts';
import { rateOrder } from './data.ts';
import { orderData, stacked, tiers } from './tiers.ts';
import { textBlock } from './view-helpers.ts';

/** The columns of the policy table: one per tier field, edited as its setting text. */
const POLICY_COLUMNS: readonly GridColumn[] = [
  { key: 'serviceLevel', label: 'Service level', editor: 'text' },
  { key: 'leadTimeDays', label: 'Lead time', unit: 'days', editor: 'number' },
  { key: 'deliveryDaysPerWeek', label: 'Delivery days', unit: '/ week', editor: 'number' },
  { key: 'minimumOrder', label: 'Minimum order', editor: 'number' },
  { key: 'minimumOrderBasis', label: 'MOV / MOQ', editor: { options: MINIMUM_ORDER_BASES } },
  { key: 'smallOrderThreshold', label: 'Small order below', editor: 'number' },
  { key: 'smallOrderSurcharge', label: 'Surcharge', editor: 'number' },
  { key: 'ctsAllowancePct', label: 'CTS allowance', unit: '% of revenue', editor: 'text' },
  { key: 'priority', label: 'Shortage priority', editor: 'number' },
  { key: 'parentRule', label: 'Parent rule', editor: { options: PARENT_RULES } },
];

/** One row per tier of the carried tiering, showing the defaults while a cell is not set. */
export const policyRows = cell({
  name: 'policyRows',
  title: 'Tiers of the policy table',
  hidden: true,
  inputs: { tiers },
  run: ({ tiers }): GridRows => {
    if (isNeedsData(tiers.carried)) return { rows: [] };
    const defaults = normalizePolicy({}, tiers.carried.names);
    return {
      rows: defaults.tiers.map((t) => ({
        key: t.tier,
        label: t.tier,
        shown: Object.fromEntries(POLICY_COLUMNS.map((c) => {
          const v = t[c.key as keyof typeof t];
          return [c.key, v === null ? 'none' : String(v)];
        })),
      })),
    };
  },
});

/** `serviceLevel.Gold=0.98,minimumOrder.Standard=250`: table cells only (the globals have sliders). */
function parsePolicyTable(text: string): TierPolicies {
  const settings = listText(text);
  for (const s of settings) {
    if (!isTierPolicySetting(s.slice(0, Math.max(0, s.indexOf('='))))) throw new Error(`invalid policy: "${s}" (expected <field>.<tier>=value, e.g. serviceLevel.Gold=0.98)`);
  }
  return parsePolicySettings(settings).tiers ?? {};
}

/**
 * The policy per tier a person set (changes to the defaults), edited in a table. In links and
 * `--set` one cell at a time, `serviceLevel.Gold=0.98`, or whole as `policy=serviceLevel.Gold=0.98,…`.
 */
export const policyTable = input<TierPolicies>({
  name: 'policy',
  title: 'Policy per tier',
  description: 'Type in a cell to change a tier’s policy; clear it to return to the default shown. Service levels as fractions (0.98) or percents (98%).',
  defaultValue: {},
  control: { kind: 'grid', rows: policyRows, columns: POLICY_COLUMNS },
  parse: parsePolicyTable,
  format: (v) => tierPolicyEntries(v).map(([k, t]) => `${k}=${t}`).join(','),
  validate: tierPoliciesProblem,
  normalize: canonicalTierPolicies,
  keyed: {
    claims: isTierPolicySetting,
    apply: (base, entries) => entries.reduce((t, [param, text]) => applyTierPolicySetting(t, param, text), base),
    entries: tierPolicyEntries,
  },
});
export const carryingRate = slider({ name: 'carryingRate', title: 'Carrying rate', min: 0, max: 50, value: 25, unit: '%/yr' });
export const baselineServiceLevel = slider({ name: 'baselineServiceLevel', title: 'Baseline service level', min: 80, max: 99.9, step: 0.1, value: 95, unit: '%' });
export const supply = text({ name: 'supply', value: '', title: 'Supply (units)', description: 'Units available; empty: 80% of the open demand (a shortage of a fifth).' });
export const openDemand = text({
  name: 'openDemand',
  value: '',
  title: 'Open demand per tier',
  description: 'Tier=units, highest priority first; empty: what each tier ordered in the last month of the data (from order lines), else 500, 400, 300, … in the priority order of the policy.',
});
export const allocationRule = select({ name: 'allocationRule', title: 'Allocation rule', options: ALLOCATION_RULES, value: 'priority' });

/** The policy spec the inputs describe (what the config records). */
export function policySpecOf(table: TierPolicies, carrying: number, baseline: number): PolicySpec {
  return { tiers: canonicalTierPolicies(table), carryingRate: carrying / 100, baselineServiceLevel: Math.round(baseline * 10) / 1000 };
}

export const policy = cell({
  name: 'servicePolicy',
  title: 'Service policy',
  inputs: { tiers, orderData, rateOrder, policyTable, carryingRate, baselineServiceLevel },
  run: (v): (ServicePolicy & { summaries: TierSummary[] }) | null => {
    if (isNeedsData(v.tiers.carried) || !v.tiers.kpis) return null;
    const o = v.orderData;
    const p = servicePolicy({
      tiering: v.tiers.carried,
      customers: v.tiers.measures,
      spec: policySpecOf(v.policyTable, v.carryingRate, v.baselineServiceLevel),
      orderRate: v.rateOrder,
      parentRows: o?.parentRows ?? null,
      orders: o?.history ?? null,
      demand: o?.demand ?? null,
    });
    return { ...p, summaries: tierSummaries(v.tiers.kpis, p.policy, p.safetyStock) };
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
    const el = document.createElement('tb-table');
    el.caption = `Safety stock per tier and stream (carrying rate ${Math.round(s.carryingRate * 1000) / 10}%/yr, baseline service level ${Math.round(s.baselineServiceLevel * 1000) / 10}%)`;
    const num = (d: number) => (v: unknown) => (Number.isFinite(v as number) ? (v as number).toLocaleString('en-US', { maximumFractionDigits: d }) : '–');
    el.columns = [
      { key: 'tier', label: 'Tier' },
      { key: 'stream', label: 'Stream' },
      { key: 'serviceLevel', label: 'Service level', align: 'right', format: num(3) },
      { key: 'leadTimeDays', label: 'Lead time (days)', align: 'right', format: num(1) },
      { key: 'safetyStockUnits', label: 'Safety stock (units)', align: 'right', format: num(0) },
      { key: 'safetyStockValue', label: 'Working capital', align: 'right', format: num(0) },
      { key: 'deltaValue', label: 'vs baseline', align: 'right', format: num(0) },
      { key: 'deltaCarryingCost', label: 'Carrying cost vs baseline (/yr)', align: 'right', format: num(0) },
    ];
    const total = (t: (typeof s.tiers)[number], stream: string) => ({ tier: t.tier, stream, safetyStockUnits: t.units, safetyStockValue: t.value, deltaValue: t.deltaValue, deltaCarryingCost: t.deltaCarryingCost });
    el.rows = [
      ...s.tiers.flatMap((t) => [...s.rows.filter((r) => r.tier === t.tier).map((r) => ({ ...r })), total(t, `total (${t.streams} streams)`)]),
      total(s.total, 'all tiers'),
    ];
    return stacked(document, workingCapitalChart(s.tiers, { baselineServiceLevel: s.baselineServiceLevel, width: Math.min(width, 900), document }), el);
  },
});

/** Open demand and supply for the allocation, with where each came from (shown next to the result). */
interface AllocationCase {
  readonly allocation: Allocation;
  readonly demandSource: string;
  readonly supplySource: string;
}

export const allocation = cell({
  name: 'allocation',
  title: 'Shortage allocation',
  inputs: { policy, orderData, supply, openDemand, allocationRule },
  run: ({ policy, orderData, supply, openDemand, allocationRule }): AllocationCase | null => {
    if (!policy) return null;
    const typed = listText(openDemand).map((part) => {
      const eq = part.lastIndexOf('=');
      if (eq <= 0) throw new Error(`invalid open demand: "${part}" (expected Tier=units, e.g. Gold=400)`);
      return { tier: part.slice(0, eq).trim(), demand: numberText(`open demand of ${part.slice(0, eq).trim()}`, part.slice(eq + 1)) };
    });
    const names = policy.policy.tiers.map((t) => t.tier);
    const order = byPriority(policy.policy).map((t) => names.indexOf(t.tier));
    let demands: TierDemand[];
    let demandSource: string;
    if (typed.length > 0) [demands, demandSource] = [typed, 'Open demand as typed.'];
    else if (orderData) {
      const recent = recentDemandByTier(orderData.demand, policy.served.tier, names, order);
      [demands, demandSource] = [recent.tiers, `Open demand: units net of returns each tier ordered in ${recent.period}, the last month of the data, in shortage-priority order.`];
    } else {
      demands = order.map((t, i) => ({ tier: names[t], demand: Math.max(100, 500 - 100 * i) }));
      demandSource = 'Open demand: illustrative figures (500, 400, 300, … by priority); type the real ones, or load order lines.';
    }
    const total = demands.reduce((sum, d) => sum + d.demand, 0);
    const units = supply.trim() === '' ? Math.floor(0.8 * total) : numberText('supply', supply);
    const supplySource = supply.trim() === '' ? `Supply: 80% of the open demand (${units.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} units).` : 'Supply as typed.';
    return { allocation: allocateShortage(units, demands, allocationRule), demandSource, supplySource };
  },
  view: (c, { document }) => {
    if (!c) return textBlock(document, ['Tiers are needed first.']);
    const el = document.createElement('tb-table');
    el.caption = `Rule: ${c.allocation.rule}, supply ${c.allocation.supply.toLocaleString('en-US')} units`;
    el.columns = [
      { key: 'tier', label: 'Tier (priority order)' },
      { key: 'demand', label: 'Open demand', align: 'right', format: (v: unknown) => (v as number).toLocaleString('en-US') },
      { key: 'allocated', label: 'Allocated', align: 'right', format: (v: unknown) => (v as number).toLocaleString('en-US') },
      { key: 'fillRate', label: 'Fill rate', align: 'right', format: (v: unknown) => (v === null ? '–' : `${Math.round((v as number) * 1000) / 10}%`) },
    ];
    el.rows = c.allocation.tiers.map((t) => ({ ...t }));
    return stacked(document, el, textBlock(document, [c.demandSource, c.supplySource]));
  },
});
