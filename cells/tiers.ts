/**
 * Section "8. Tiers": clusters become named tiers (bottom-up) and explainable thresholds give
 * another tiering (top-down); the matrix, their agreement and the tier KPIs. Wiring only: the
 * analytics are `tierCustomers` (src/analytics/tiers).
 */
import { cell, input, select, slider, text, type GridRows } from '../src/runtime/index.ts';
import { tierCustomers, type TierCustomers } from '../src/analytics/tiers/tier-customers.ts';
import { normalizeTiering, TIERING_METHODS, VALUE_MEASURES, type Cut, type TieringSpec } from '../src/analytics/tiers/tiering-spec.ts';
import type { TieringAgreement } from '../src/analytics/tiers/tiering-agreement.ts';
import { clusterTiers } from '../src/analytics/tiers/cluster-tiers.ts';
import { customerMeasures, measureValues } from '../src/analytics/tiers/customer-measures.ts';
import {
  applyRankTier,
  canonicalRankTiers,
  formatRankTiers,
  isRankTierEntry,
  parseRankTiers,
  rankTierEntries,
  rankTiersProblem,
  type RankTiers,
} from '../src/analytics/tiers/rank-tiers.ts';
import type { OrderData } from '../src/data/features/order-data.ts';
import { listText, numberText } from '../src/analytics/tiers/setting-text.ts';
import { isNeedsData, type NeedsData } from '../src/analytics/policy/needs-data.ts';
import type { Tiering } from '../src/analytics/tiers/tiering.ts';
import { STRATEGIC } from '../src/config/segmentation-config.ts';
import { marginCtsMatrixChart } from '../src/ui/charts/margin-cts-matrix-chart.ts';
import { contingencyChart } from '../src/ui/charts/contingency-chart.ts';
import { tierKpiHeatmap } from '../src/ui/charts/tier-kpi-heatmap.ts';
import type { TierKpiTable } from '../src/analytics/tiers/tier-kpis.ts';
import { imported, table } from './data.ts';
import { assignments } from './assignments.ts';
import { maxTiers } from './diagnostics.ts';
import { textBlock } from './view-helpers.ts';

export const tiering = select({
  name: 'tiering',
  title: 'Tiering carried forward',
  options: TIERING_METHODS,
  value: 'clusters',
  description: 'clusters: clusters ranked by value become tiers; thresholds: ABC by gross margin crossed with CTS % against a reference.',
});
export const tierMeasure = select({ name: 'tierMeasure', title: 'Rank clusters by', options: VALUE_MEASURES, value: 'net_profit', description: 'The mean per customer of this measure ranks the clusters, best first.' });
export const tierNames = text({ name: 'tierNames', title: 'Tier names', description: 'Best first, comma-separated; empty: Platinum, Gold, Silver, … Standard by the number of tiers.' });
export const strategicTier = text({ name: 'strategicTier', value: 'Strategic', title: 'Tier of the Strategic accounts', description: 'A tier name to join it, or another name to form a tier of their own.' });

/** What the import carries for tiers and policies; null for a customer table (no order lines). */
export const orderData = cell({
  name: 'orderData',
  title: 'Order data for tiers and policies',
  hidden: true,
  inputs: { imported },
  run: ({ imported }): OrderData | null => imported.imported.orders ?? null,
});

/** Each customer's tiering measures: a function of the table only, read by the ranking and the tiers. */
export const measures = cell({
  name: 'customerMeasures',
  title: 'Customer measures',
  hidden: true,
  inputs: { table },
  run: ({ table }) => customerMeasures(table),
});

/** The clusters ranked by value with their default tiers: the rows of the tier-map table. */
export const clusterRanking = cell({
  name: 'clusterRanking',
  title: 'Clusters ranked by value',
  hidden: true,
  inputs: { measures, assignments, tierMeasure, tierNames, strategicTier, maxTiers },
  run: ({ measures, assignments, tierMeasure, tierNames, strategicTier, maxTiers }): GridRows => {
    const spec = normalizeTiering({ clusters: { measure: tierMeasure, names: listOrNone(tierNames), maxTiers, strategicTier } });
    const labels = assignments.labels;
    const value = measureValues(measures, spec.clusters.measure);
    const t = clusterTiers(labels, value, Array.from(labels, (l) => l === STRATEGIC), spec.clusters);
    return {
      rows: t.ranking.map((r) => ({
        key: String(r.rank + 1),
        label: `${r.rank + 1}. cluster ${r.cluster + 1} (${r.customers.toLocaleString('en-US')} customers)`,
        shown: { tierMap: t.names[r.tier] },
      })),
    };
  },
});

/**
 * The tier of each cluster rank a person set (renames and merges): a table with one row per
 * cluster, best first. In links and `--set`: `tierMap.2=Gold` per rank, or `tierMap=Gold,Gold,Silver`.
 */
export const tierMap = input<RankTiers>({
  name: 'tierMap',
  title: 'Tier of each cluster',
  description: 'Type a tier name to rename a cluster’s tier; give two clusters the same name to merge them into one tier. Clear a cell to return to the default.',
  defaultValue: {},
  control: { kind: 'grid', rows: clusterRanking, columns: [{ key: 'tierMap', label: 'Tier', editor: 'text' }] },
  parse: parseRankTiers,
  format: formatRankTiers,
  validate: rankTiersProblem,
  normalize: canonicalRankTiers,
  keyed: {
    claims: isRankTierEntry,
    apply: (base, entries) => entries.reduce((m, [param, text]) => applyRankTier(m, param, text), base),
    entries: rankTierEntries,
  },
});
export const abcA = slider({ name: 'abcA', title: 'A: cumulative GM share up to', min: 40, max: 95, value: 70, unit: '%' });
export const abcB = slider({ name: 'abcB', title: 'B: cumulative GM share up to', min: 50, max: 100, value: 95, unit: '%' });
export const ctsReference = text({ name: 'ctsReference', value: 'median', title: 'CTS % reference', description: '"median" or a target CTS % (e.g. 15).' });
export const gmCut = text({ name: 'gmCut', value: 'median', title: 'Matrix GM % cut-off', description: '"median" or a GM % (e.g. 25).' });
export const ctsCut = text({ name: 'ctsCut', value: 'median', title: 'Matrix CTS % cut-off', description: '"median" or a CTS % (e.g. 12).' });

/** Views one after another in a plain container. */
export function stacked(document: Document, ...children: Element[]): HTMLElement {
  const div = document.createElement('div');
  div.append(...children);
  return div;
}

const cutOf = (name: string, t: string): Cut => (t.trim() === 'median' ? 'median' : numberText(name, t));
const listOrNone = (t: string) => (listText(t).length ? listText(t) : undefined);

/** The tiering spec the inputs describe (what the config records). */
export function tieringSpecOf(v: {
  tiering: (typeof TIERING_METHODS)[number];
  tierMeasure: (typeof VALUE_MEASURES)[number];
  tierNames: string;
  strategicTier: string;
  maxTiers: number;
  abcA: number;
  abcB: number;
  ctsReference: string;
  gmCut: string;
  ctsCut: string;
}): TieringSpec {
  return {
    method: v.tiering,
    clusters: { measure: v.tierMeasure, names: listOrNone(v.tierNames), maxTiers: v.maxTiers, strategicTier: v.strategicTier },
    thresholds: { abcCuts: [v.abcA / 100, v.abcB / 100], ctsReference: cutOf('ctsReference', v.ctsReference) },
    matrix: { gmCut: cutOf('gmCut', v.gmCut), ctsCut: cutOf('ctsCut', v.ctsCut) },
  };
}

export const tiers = cell({
  name: 'tiers',
  title: 'Tiers',
  // Main-thread work after each clustering: yields to the scatter's repaint first.
  deferred: true,
  inputs: { table, measures, assignments, orderData, tierMap, tiering, tierMeasure, tierNames, strategicTier, maxTiers, abcA, abcB, ctsReference, gmCut, ctsCut },
  run: ({ table, measures, assignments, orderData, tierMap, ...v }): TierCustomers & { specInput: TieringSpec } => {
    const specInput = tieringSpecOf(v);
    const labels = assignments.labels;
    const productLines = orderData?.productLineRows && orderData.productLineGrouping ? { rows: orderData.productLineRows, grouping: orderData.productLineGrouping } : null;
    return { ...tierCustomers({ table, measures, labels, strategic: Array.from(labels, (l) => l === STRATEGIC), spec: specInput, rankTiers: tierMap, productLines }), specInput };
  },
  view: (t, { document }) => {
    if (isNeedsData(t.carried)) return textBlock(document, [t.carried.message]);
    const el = document.createElement('tb-table');
    const pct = (v: unknown) => (Number.isFinite(v as number) ? `${(v as number).toFixed(1)}%` : '–');
    const share = (v: unknown) => (Number.isFinite(v as number) ? `${Math.round((v as number) * 1000) / 10}%` : '–');
    const money = (v: unknown) => (Number.isFinite(v as number) ? Math.round(v as number).toLocaleString('en-US') : '–');
    el.columns = [
      { key: 'tier', label: 'Tier' },
      { key: 'customers', label: 'Customers', align: 'right' },
      { key: 'revenueShare', label: 'Revenue share', align: 'right', format: share },
      { key: 'gmPct', label: 'GM %', align: 'right', format: pct },
      { key: 'ctsPct', label: 'CTS %', align: 'right', format: pct },
      { key: 'ctsDifferential', label: 'CTS vs company (pts)', align: 'right', format: (v: unknown) => (Number.isFinite(v as number) ? (v as number).toFixed(1) : '–') },
      { key: 'netProfit', label: 'Net profit', align: 'right', format: money },
      { key: 'onTimeRate', label: 'On time', align: 'right', format: share },
      { key: 'returnsRate', label: 'Returns', align: 'right', format: share },
      { key: 'linesPerOrder', label: 'Lines / order', align: 'right', format: (v: unknown) => (Number.isFinite(v as number) ? (v as number).toFixed(2) : '–') },
    ];
    el.rows = [...(t.kpis?.tiers ?? []), ...(t.kpis ? [t.kpis.company] : [])].map((k) => ({ ...k }));
    const notes = [...t.carried.issues.map((i) => `⚠ ${i.message}`), ...t.measures.notes];
    return notes.length === 0 ? el : stacked(document, el, textBlock(document, notes));
  },
});

export const tierMatrix = cell({
  name: 'tierMatrix',
  title: 'Margin x cost-to-serve matrix',
  inputs: { tiers },
  run: ({ tiers }) => tiers,
  view: (t, { document, width }) => {
    if (isNeedsData(t.carried)) return textBlock(document, [t.carried.message]);
    const m = t.matrix;
    return marginCtsMatrixChart({ gmPct: m.gmPct, ctsPct: m.ctsPct, revenue: m.revenue, tier: t.carried.tier, tierNames: t.carried.names, gmCut: m.gmCut, ctsCut: m.ctsCut }, { width: Math.min(width, 900), document });
  },
});

const SEARCH_KEY = 'tiers.disagreementSearch';

/**
 * The customers the two tierings name differently: a table the reader can sort, with a search
 * over the customer id and both tier names (kept in the views' memory while the tiers change).
 */
function disagreementTable(document: Document, rows: TieringAgreement['disagreements'], memory: Record<string, unknown>): HTMLElement {
  const all = rows.map((d) => ({ id: d.id, a: d.a, b: d.b }));
  const el = document.createElement('tb-table');
  el.caption = 'Customers tiered differently';
  el.pageSize = 10;
  el.columns = [
    { key: 'id', label: 'Customer' },
    { key: 'a', label: 'Bottom-up (clusters)' },
    { key: 'b', label: 'Top-down (thresholds)' },
  ];
  const search = document.createElement('input');
  search.type = 'search';
  search.placeholder = 'Search a customer or a tier';
  search.setAttribute('aria-label', 'Search the customers tiered differently');
  search.style.cssText = 'font: inherit; min-height: 36px; padding: 4px 8px; margin: 8px 0; width: min(24em, 100%); box-sizing: border-box';
  const apply = () => {
    const q = search.value.trim().toLowerCase();
    memory[SEARCH_KEY] = search.value;
    el.rows = q === '' ? all : all.filter((r) => r.id.toLowerCase().includes(q) || r.a.toLowerCase().includes(q) || r.b.toLowerCase().includes(q));
  };
  search.value = typeof memory[SEARCH_KEY] === 'string' ? memory[SEARCH_KEY] : '';
  search.addEventListener('input', apply);
  apply();
  return stacked(document, search, el);
}

export const tierAgreement = cell({
  name: 'tierAgreement',
  title: 'Bottom-up and top-down tiers compared',
  inputs: { tiers },
  run: ({ tiers }) => tiers.agreement,
  view: (a, { document, width, memory }) => {
    if (!a) return textBlock(document, ['Both tierings are needed to compare them (a clustering, and CTS % and net profit per customer).']);
    return stacked(
      document,
      contingencyChart({ rowLabels: a.rowNames, columnLabels: a.columnNames, counts: a.counts, ari: a.ari, rowTitle: 'Bottom-up (clusters)', columnTitle: 'Top-down (thresholds)' }, { width: Math.min(width, 700), document }),
      textBlock(document, [`${a.disagreements.length.toLocaleString('en-US')} customer(s) get a different tier name from the two methods.`]),
      disagreementTable(document, a.disagreements, memory),
    );
  },
});

/** A heatmap of the tier KPIs by one grouping (small multiples of the KPI by tier x group). */
function tierKpisBy(name: string, groupTitle: string, pick: (t: TierCustomers) => TierKpiTable | null, missing: string) {
  return cell({
    name,
    title: `Tier KPIs by ${groupTitle.toLowerCase()}`,
    inputs: { tiers },
    run: ({ tiers }) => tiers,
    view: (t, { document, width }) => {
      const groups = pick(t)?.groups;
      return !groups || isNeedsData(t.carried)
        ? textBlock(document, [missing])
        : tierKpiHeatmap(groups, t.carried.names, { groupTitle, width: Math.min(width, 1000), document });
    },
  });
}

export const tierKpisByRegion = tierKpisBy('tierKpisByRegion', 'Region', (t) => t.kpis, 'The data have no region column.');
export const tierKpisByProductLine = tierKpisBy('tierKpisByProductLine', 'Product line', (t) => t.kpisByProductLine, 'The KPIs by product line need order lines with a product line column.');

/** Every customer with both tiers and the class columns (ABC, XYZ, RFM) that tiers.csv holds. */
export const tierCustomerTable = cell({
  name: 'tierCustomerTable',
  title: 'Customers: tiers, ABC, XYZ and RFM',
  inputs: { tiers, table },
  run: ({ tiers, table }) => ({ ...tiers, ids: table.ids }),
  view: (t, { document }) => {
    const el = document.createElement('tb-table');
    el.pageSize = 10;
    const nameOf = (tiering: Pick<Tiering, 'names' | 'tier'> | NeedsData) => (i: number) => (isNeedsData(tiering) || tiering.tier[i] < 0 ? '' : tiering.names[tiering.tier[i]]);
    const bottomUp = nameOf(t.clusters);
    const topDown = nameOf(t.thresholds);
    const classes = isNeedsData(t.thresholds) ? null : t.thresholds;
    el.columns = [
      { key: 'id', label: 'Customer' },
      { key: 'clusters', label: 'Bottom-up tier' },
      { key: 'thresholds', label: 'Top-down tier' },
      { key: 'abc', label: 'ABC' },
      { key: 'xyz', label: 'XYZ' },
      { key: 'rfm', label: 'RFM (R, F, M 1–5)' },
    ];
    el.rows = t.ids.map((id, i) => ({ id, clusters: bottomUp(i), thresholds: topDown(i), abc: classes?.abc[i] ?? '', xyz: classes?.xyz[i] ?? '', rfm: t.rfm.codes[i] }));
    return el;
  },
});
