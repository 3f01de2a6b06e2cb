/**
 * Comparing scenarios computes each one from its own settings: a headless engine of the same
 * notebook per scenario, started with the scenario's settings, the page's data file and the
 * page's host, so the heavy steps (import, clustering, profiles) run in the same Web Workers as
 * the notebook, and the data file is read once for all of them (see import-memo.ts). Nothing
 * is taken from the notebook on screen except the data, so a scenario gives the same results
 * whether it is on screen or compared.
 */
import { collectNodes, createEngine, type AnyNode, type InputNode, type Node, type Notebook, type NotebookEngine } from '../../runtime/index.ts';
import type { Action } from '../../runtime/actions.ts';
import type { PcaResult } from '../../analytics/project/pca.ts';
import type { Prepared } from '../../analytics/prepare/prepare.ts';
import type { CustomerTable } from '../../data/customers/customer-table.ts';
import type { ScenarioOutcome } from '../../analytics/scenarios/compare.ts';
import type { Scenario } from './scenario-schema.ts';
import type { TierCustomers } from '../../analytics/tiers/tier-customers.ts';
import { isNeedsData } from '../../analytics/policy/needs-data.ts';

/** The cells a scenario's outcome is read from. */
export interface OutcomeNodes {
  readonly table: Node<CustomerTable>;
  readonly prepared: Node<Prepared>;
  readonly clustering: Node<{ readonly labels: Int32Array; readonly k: number }>;
  readonly projection: Node<PcaResult>;
  /** The tiers section: when given and its tiering runs, scenarios compare tiers instead of clusters. */
  readonly tiers?: Node<TierCustomers>;
}

/** Without a tiering, clusters stand in for tiers: "Cluster 1" … then "Strategic". */
export const STRATEGIC = 'Strategic';

/** Settings a scenario keeps: inputs with the role `setting` (not the data file, host values or action state). */
export function settingInputs(engine: NotebookEngine): InputNode<unknown>[] {
  return engine.nodes.filter((n): n is InputNode<unknown> => n.kind === 'input' && n.role === 'setting');
}

export function currentSettings(engine: NotebookEngine): Record<string, unknown> {
  const all = engine.inputValues();
  return Object.fromEntries(settingInputs(engine).map((i) => [i.name, all[i.name]]));
}

/** One scenario's outcome from its computed table, preparation, clustering and PCA. */
export function outcomeOf(
  scenario: Pick<Scenario, 'id' | 'name'>,
  v: { table: CustomerTable; prepared: Prepared; clustering: { labels: Int32Array; k: number }; projection: PcaResult; tiers?: TierCustomers | null },
  notes: readonly string[] = [],
): ScenarioOutcome {
  const n = v.table.ids.length;
  const { k } = v.clustering;
  const clusters = new Int32Array(n).fill(-1);
  v.prepared.rows.forEach((row, i) => (clusters[row] = v.clustering.labels[i]));
  for (const row of v.prepared.isolatedRows) clusters[row] = -2;
  const strategic = v.prepared.isolatedRows.length > 0;
  const names = [...Array.from({ length: k }, (_, c) => `Cluster ${c + 1}`), ...(strategic ? [STRATEGIC] : [])];
  const of = Int32Array.from(clusters, (c) => (c >= 0 && c < k ? c : c === -2 ? k : -1));
  const m = v.prepared.rows.length;
  const comps = v.projection.components;
  const x = new Float64Array(m);
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    x[i] = v.projection.scores[i * comps];
    y[i] = comps > 1 ? v.projection.scores[i * comps + 1] : 0;
  }
  const ratio = v.projection.explainedVarianceRatio;
  return {
    id: scenario.id,
    name: scenario.name,
    ids: v.table.ids,
    clusters,
    k,
    ...(v.tiers && !isNeedsData(v.tiers.carried)
      ? { segments: { kind: 'tiers' as const, names: v.tiers.carried.names, of: v.tiers.carried.tier }, kpis: v.tiers.kpis?.tiers ?? null }
      : { segments: { kind: 'clusters' as const, names, of }, kpis: null }),
    revenue: v.table.columns.revenue ?? null,
    projection: { rows: v.prepared.rows, x, y, explained: [ratio[0] ?? 0, ratio[1] ?? 0] },
    notes,
  };
}

export interface EvaluateOptions {
  readonly notebook: Notebook;
  readonly nodes: OutcomeNodes;
  /** Host values and the data file, as the notebook on screen has them (by input name). */
  readonly given: Readonly<Record<string, unknown>>;
  /** The name of the data file the notebook uses now (to note a scenario saved on other data). */
  readonly source: string;
  readonly signal?: AbortSignal;
}

/** Computes a scenario's outcome in a headless engine of its own, disposed afterwards. */
export async function evaluateScenario(scenario: Scenario, options: EvaluateOptions): Promise<ScenarioOutcome> {
  // Only the cells the outcome needs (and what they depend on) run, not the whole notebook.
  const { nodes } = options;
  const needed: Notebook = { id: `${options.notebook.id}-scenario`, title: scenario.name, items: [nodes.table, nodes.prepared, nodes.clustering, nodes.projection, ...(nodes.tiers ? [nodes.tiers] : [])] as AnyNode[] };
  const known = new Set(collectNodes(needed).map((n) => n.name));
  const initial = Object.fromEntries(Object.entries({ ...scenario.inputs, ...options.given }).filter(([name]) => known.has(name)));
  const engine = createEngine(needed, { initial });
  const stop = () => engine.dispose();
  options.signal?.addEventListener('abort', stop, { once: true });
  try {
    const [table, prepared, clustering, projection, tiers] = await Promise.all([
      engine.value(nodes.table),
      engine.value(nodes.prepared),
      engine.value(nodes.clustering),
      engine.value(nodes.projection),
      nodes.tiers ? engine.value(nodes.tiers) : null,
    ]);
    options.signal?.throwIfAborted();
    const notes = [
      ...engine.refused.map((r) => `${scenario.name}: ${r.reason}; the default was used.`),
      ...(scenario.data.source !== options.source ? [`${scenario.name} was saved on ${scenario.data.source}; it is computed on ${options.source}.`] : []),
    ];
    return outcomeOf(scenario, { table, prepared, clustering, projection, tiers }, notes);
  } finally {
    options.signal?.removeEventListener('abort', stop);
    engine.dispose();
  }
}

/**
 * Makes a scenario the notebook's state: its settings are applied as one change, refused as a
 * whole if a value is invalid or a locked input would change. Settings this notebook no longer
 * has are left out and named.
 */
export const chooseScenario: Action<Scenario> = {
  name: 'chooseScenario',
  title: 'Choose scenario',
  plan(scenario, { inputs }) {
    const set: Record<string, unknown> = {};
    const notes: string[] = [];
    for (const [name, value] of Object.entries(scenario.inputs)) {
      if (inputs.get(name)?.role === 'setting') set[name] = value;
      else notes.push(`"${name}" is not a setting of this notebook; left out.`);
    }
    return { set, notes };
  },
};
