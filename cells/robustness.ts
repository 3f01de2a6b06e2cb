import { cell, ifRun } from '../src/runtime/index.ts';
import type { BootstrapResult } from '../src/analytics/stability/bootstrap.ts';
import type { AnalyticsIssue } from '../src/analytics/issues.ts';
import { withMinAri } from '../src/analytics/stability/monte-carlo.ts';
import { likelyMovers, moversCsv } from '../src/analytics/stability/movers.ts';
import { judgeSensitivity, stepsFromSizes } from '../src/analytics/stability/sensitivity.ts';
import { stabilityReport } from '../src/analytics/stability/report.ts';
import { summarizeRobustness, type RobustnessSummary } from '../src/analytics/stability/summary.ts';
import type { PeriodTaskResult } from '../src/workers/robustness-tasks.ts';
import { SAMPLE_ORDERS_NAME } from '../src/workers/tasks.ts';
import { ariDistributionChart } from '../src/ui/charts/ari-distribution-chart.ts';
import { rememberedSlots } from '../src/ui/charts/colour-memory.ts';
import { confidenceHistogram } from '../src/ui/charts/confidence-histogram.ts';
import { stabilityChart } from '../src/ui/charts/stability-chart.ts';
import { tornadoChart } from '../src/ui/charts/tornado-chart.ts';
import { moversView } from '../src/ui/views/movers-view.ts';
import { el } from '../src/ui/views/quality-report-view.ts';
import { bootstrapTable, dropOneView, holdoutView, verdictView, whatRan } from '../src/ui/views/robustness-views.ts';
import { periodView } from '../src/ui/views/period-view.ts';
import { download } from '../src/app/download.ts';
import { dataFile, host, imported, importSpec, table } from './data.ts';
import { prepared, preparationInputs, preparationSpecOf } from './prepare.ts';
import { clustering } from './cluster.ts';
import {
  clusterInputs,
  clusterSpecOf,
  holdoutFit,
  maxChanged,
  mcDraws,
  mcRange,
  minAri,
  periods,
  periodSpecOf,
  periodStep,
  periodWindow,
  replicates,
  thresholdsOf,
  verdictStep,
  weightingOf,
  weightSteps,
} from './robustness-inputs.ts';

/**
 * Section 7, Robustness: how far the clusters above can be trusted. Every analysis is an
 * on-demand cell (Run, or Run all for the section) in the background worker, compared with the
 * notebook's clustering and its canonical cluster ids; the cells below them only read results.
 */

/** "⚠ …" lines for an analysis' issues. */
const warnings = (doc: Document, issues: readonly AnalyticsIssue[]) => issues.map((i) => el(doc, 'p', 'tb-warn', `⚠ ${i.message}`));
const chartWidth = (width: number) => Math.min(width, 820);

export const sensitivity = cell({
  name: 'sensitivity',
  title: 'Weight sensitivity',
  trigger: 'demand',
  description:
    'Each feature’s weight changed by each step, one at a time; the customers clustered again with the same seed and k, and matched to the clusters above. Bars: customers changing cluster, largest first.',
  inputs: { prepared, clustering, host, weightSteps, ...clusterInputs },
  run: (v, { signal, lane, progress }) =>
    v.host.tasks.run(
      'weightSensitivity',
      [v.prepared.matrix, { cluster: clusterSpecOf(v), ...weightingOf(v.prepared), steps: stepsFromSizes(v.weightSteps), baseline: v.clustering.labels }],
      { signal, lane, onProgress: progress },
    ),
  view: (s, { document, width }) =>
    el(
      document,
      'div',
      undefined,
      tornadoChart(s.weights, { width: chartWidth(width), document }),
      el(document, 'p', 'tb-muted', whatRan(s.weights.length, `(${s.features.filter((f) => f.weight > 0).length} features × ${s.steps.length} steps)`, s.settings)),
      warnings(document, s.issues),
    ),
});

export const monteCarlo = cell({
  name: 'monteCarlo',
  title: 'Weight sensitivity: Monte Carlo',
  trigger: 'demand',
  description: 'Optional: every weight changed at random at once, N times; not part of Run all. The spread of the ARI says how much reasonable disagreement on the weights could move the segments.',
  inputs: { prepared, clustering, host, mcDraws, mcRange, ...clusterInputs },
  run: (v, { signal, lane, progress }) =>
    v.host.tasks.run(
      'monteCarloWeights',
      [v.prepared.matrix, { cluster: clusterSpecOf(v), ...weightingOf(v.prepared), draws: v.mcDraws, range: v.mcRange / 100, seed: v.seed, baseline: v.clustering.labels }],
      { signal, lane, onProgress: progress },
    ),
  view: (m, { document, width }) =>
    el(
      document,
      'div',
      undefined,
      ariDistributionChart(m.ari, { width: chartWidth(width), document }),
      el(document, 'p', 'tb-muted', whatRan(m.draws, `(random weights within ±${Math.round(m.range * 100)}%, drawn from seed ${m.seed})`, m.settings)),
    ),
});

/** The verdicts follow the thresholds live: judging the steps again reclusters nothing. */
export const sensitivityVerdicts = cell({
  name: 'sensitivityVerdicts',
  title: 'Sensitivity verdicts',
  description: 'The weight steps judged against the thresholds above; change them and the verdicts follow without running anything again.',
  inputs: { sensitivity, monteCarlo: ifRun(monteCarlo), minAri, maxChanged, verdictStep },
  run: (v) => ({ sensitivity: judgeSensitivity(v.sensitivity, thresholdsOf(v)), monteCarlo: v.monteCarlo && withMinAri(v.monteCarlo, v.minAri) }),
  view: (r, { document }) => verdictView(r.sensitivity, r.monteCarlo, { document }),
});

export const dropOne = cell({
  name: 'dropOne',
  title: 'Drop one feature',
  trigger: 'demand',
  description: 'The customers clustered again without each feature in turn: the features whose removal moves the most customers are the ones the segmentation rests on.',
  inputs: { prepared, clustering, host, ...clusterInputs },
  run: (v, { signal, lane, progress }) =>
    v.host.tasks.run('dropOneFeature', [v.prepared.matrix, { cluster: clusterSpecOf(v), ...weightingOf(v.prepared), baseline: v.clustering.labels }], {
      signal,
      lane,
      onProgress: progress,
    }),
  view: (d, { document }) =>
    el(
      document,
      'div',
      undefined,
      dropOneView(d.dropOne, 0.8, { document }),
      el(document, 'p', 'tb-muted', whatRan(d.dropOne.length, '(one per feature left out)', d.settings)),
      warnings(document, d.issues),
    ),
});

/** A bootstrap result with the customers and clusters it was computed for. */
export interface BootstrapRun {
  readonly result: BootstrapResult;
  /** The clustering's labels per prepared row (the baseline). */
  readonly labels: Int32Array;
  /** Customer id per prepared row. */
  readonly ids: readonly string[];
  readonly idColumn: string;
  /** The prepared rows' rows in the customer table. */
  readonly rows: Int32Array;
  /** Customers in the table. */
  readonly customers: number;
}

export const bootstrap = cell({
  name: 'bootstrap',
  title: 'Bootstrap stability',
  trigger: 'demand',
  description:
    'B resamples of the customers (drawn with replacement, repeats dropped), each clustered again; each cluster above scores its best Jaccard overlap in each replicate. Bands: below 0.6 do not trust; 0.6–0.75 a pattern, membership doubtful; 0.75 stable; 0.85 highly stable.',
  inputs: { prepared, clustering, table, host, replicates, ...clusterInputs },
  run: async (v, { signal, lane, progress }): Promise<BootstrapRun> => {
    const result = await v.host.tasks.run(
      'bootstrap',
      [v.prepared.matrix, { cluster: clusterSpecOf(v), replicates: v.replicates, seed: v.seed, baseline: v.clustering.labels }],
      { signal, lane, onProgress: progress },
    );
    const rows = v.prepared.rows;
    return { result, labels: v.clustering.labels, ids: Array.from(rows, (r) => v.table.ids[r]), idColumn: v.table.idColumn, rows, customers: v.table.rowCount };
  },
  view: ({ result: b }, { document, width, memory }) =>
    el(
      document,
      'div',
      undefined,
      stabilityChart([...b.clusters, ...(b.noise ? [b.noise] : [])], { width: chartWidth(width), document, slots: rememberedSlots(memory) }),
      bootstrapTable(b.clusters, b.noise, b.replicates, { document }),
      el(document, 'p', 'tb-muted', `Ran ${b.replicates} replicates, resampled from seed ${b.seed}: ${b.method}. ${whatRan(b.replicates, 'in all', b.settings)}`),
      warnings(document, b.issues),
    ),
});

export const confidence = cell({
  name: 'confidence',
  title: 'Per-customer confidence',
  description: 'From the same replicates: how often each customer stayed in (the match of) its cluster, and where it went otherwise. The table lists every customer that moved at least once, least confident first.',
  inputs: { bootstrap },
  run: ({ bootstrap: b }) => ({ ...b, movers: likelyMovers(b.ids, b.labels, b.result.customers) }),
  view: (c, { document, width, memory }) =>
    el(
      document,
      'div',
      undefined,
      confidenceHistogram({ confidence: c.result.customers.confidence, labels: c.labels }, { width: chartWidth(width), document, slots: rememberedSlots(memory) }),
      moversView(c.movers, {
        document,
        idColumn: c.idColumn,
        customers: c.labels.length,
        download: (movers) => download(document, 'customers-likely-to-move.csv', moversCsv(movers, c.idColumn), 'text/csv'),
      }),
    ),
});

export const holdout = cell({
  name: 'holdout',
  title: 'Holdout validation',
  trigger: 'demand',
  description: 'Fit on a seeded share of the customers, assign the others to the fitted clusters, and compare with their clusters above.',
  inputs: { prepared, clustering, host, holdoutFit, ...clusterInputs },
  run: (v, { signal, lane, progress }) =>
    v.host.tasks.run('holdout', [v.prepared.matrix, { cluster: clusterSpecOf(v), share: (100 - v.holdoutFit) / 100, seed: v.seed, baseline: v.clustering.labels }], {
      signal,
      lane,
      onProgress: progress,
    }),
  view: (h, { document }) => el(document, 'div', undefined, holdoutView(h, { document }), warnings(document, h.issues)),
});

/** Stability across periods, or why it cannot run on this data. */
export type PeriodOutcome = ({ readonly needs: null } & PeriodTaskResult) | { readonly needs: 'order-lines' };

export const periodStability = cell({
  name: 'periodStability',
  title: 'Stability across periods',
  trigger: 'demand',
  description:
    'The order lines split by order date; each period’s customer features prepared with the scaling fitted on the first period (then frozen), clustered with the settings above; the first period’s clusters take the numbers of the clusters above, and each later period is matched to the first.',
  inputs: {
    imported,
    dataFile,
    importSpec,
    host,
    ...preparationInputs,
    periods,
    periodWindow,
    periodStep,
    prepared,
    clustering,
    table,
    ...clusterInputs,
  },
  run: async (v, { signal, lane, progress }): Promise<PeriodOutcome> => {
    if (v.imported.imported.kind.kind !== 'order-lines') return { needs: 'order-lines' };
    // The first period takes the cluster numbers of the clustering above (matched on the customers they share).
    const ids = { ids: Array.from(v.prepared.rows, (r) => v.table.ids[r]), labels: v.clustering.labels };
    const args = [v.dataFile?.bytes ?? null, v.dataFile?.name ?? SAMPLE_ORDERS_NAME, v.importSpec, periodSpecOf(v), preparationSpecOf(v), clusterSpecOf(v), ids] as const;
    return { needs: null, ...(await v.host.tasks.run('periodStability', [...args], { signal, lane, onProgress: progress })) };
  },
  view: (p, { document, width }) => periodView(p, { document, width: chartWidth(width) }),
});

/**
 * The robustness evidence for the exported config: whatever ran on the settings in force (an
 * analysis not run, or out of date, is left out), with the thresholds in force.
 */
export const robustnessSummary = cell({
  name: 'robustnessSummary',
  title: 'Robustness summary',
  hidden: true,
  inputs: {
    bootstrap: ifRun(bootstrap),
    sensitivity: ifRun(sensitivity),
    dropOne: ifRun(dropOne),
    holdout: ifRun(holdout),
    monteCarlo: ifRun(monteCarlo),
    periods: ifRun(periodStability),
    minAri,
    maxChanged,
    verdictStep,
  },
  run: (v): RobustnessSummary | null => {
    const ran = {
      bootstrap: v.bootstrap?.result ?? null,
      sensitivity: v.sensitivity && judgeSensitivity(v.sensitivity, thresholdsOf(v)),
      dropOne: v.dropOne,
      holdout: v.holdout,
      monteCarlo: v.monteCarlo && withMinAri(v.monteCarlo, v.minAri),
    };
    const split = v.periods?.needs === null ? v.periods : null;
    if (Object.values(ran).every((r) => r === null) && !split) return null;
    return summarizeRobustness(ran, split ? { result: split.result, kind: periodKindText(split.split) } : undefined);
  },
});

/** `halves`, `quarters` or `rolling 6 months every 3`. */
function periodKindText(s: PeriodTaskResult['split']): string {
  return s.kind === 'rolling' ? `rolling ${s.windowMonths} months every ${s.stepMonths}` : s.kind;
}

/**
 * robustness.json of `tierbook run --set robustness=on`: the report `tierbook stability --json`
 * prints for the same settings (the verdict judged against the thresholds in force).
 */
export const robustnessReport = cell({
  name: 'robustnessReport',
  title: 'Robustness report',
  hidden: true,
  inputs: { bootstrap, sensitivity, dropOne, holdout, table, minAri, maxChanged, verdictStep },
  run: (v) =>
    stabilityReport({
      rows: v.table.rowCount,
      features: v.sensitivity.features.map((f) => f.feature),
      bootstrap: v.bootstrap.result,
      sensitivity: judgeSensitivity(v.sensitivity, thresholdsOf(v)),
      dropOne: v.dropOne,
      holdout: v.holdout,
    }),
});

/** What "Run all" of the section runs, in order (Monte Carlo is optional: its own Run only). */
export const ROBUSTNESS_RUN = [sensitivity, dropOne, bootstrap, holdout, periodStability] as const;

/** Section 7's cells in reading order (the hidden summary and report last). */
export const ROBUSTNESS_CELLS = [
  sensitivity,
  sensitivityVerdicts,
  monteCarlo,
  dropOne,
  bootstrap,
  confidence,
  holdout,
  periodStability,
  robustnessSummary,
  robustnessReport,
] as const;
