/**
 * Section "Robustness": how much of the segmentation survives another sample of customers
 * (bootstrap Jaccard per cluster), small weight changes, dropping a feature, held-out
 * customers, random weights and other periods, as the config's robustness summary records it.
 */
import { BAND_FLOORS, BAND_MEANINGS, STABILITY_BANDS } from '../../analytics/stability/bands.ts';
import type { ReportInput } from '../report-input.ts';
import { facts, paragraph, type Block, type ReportSection } from '../report-document.ts';
import type { BarTone } from '../charts.ts';
import { formatCount, formatFigure, formatShare } from '../format.ts';
import { clusterName, column, fact, specFacts, table } from './helpers.ts';

const BAND_TONE: Readonly<Record<(typeof STABILITY_BANDS)[number], BarTone>> = {
  unstable: 'error',
  pattern: 'warn',
  stable: 'ok',
  'highly-stable': 'ok',
};

export function robustnessSection(input: ReportInput): ReportSection {
  const r = input.config.robustness;
  if (!r) {
    return {
      id: 'robustness',
      title: 'Robustness',
      blocks: [
        paragraph(
          'No robustness evidence: the analyses (bootstrap, weight sensitivity, holdout) had not run when this config was exported. Ask for them before approving tiers that depend on small clusters.',
          'warn',
        ),
      ],
    };
  }
  const blocks: Block[] = [
    facts(
      [
        fact('Kind', r.kind, 'robustness.kind'),
        fact('Version', String(r.version), 'robustness.version'),
        ...specFacts(r.cluster, 'robustness.cluster'),
      ],
      'The clustering tested',
    ),
  ];
  const b = r.bootstrap;
  if (b) {
    const clusters = [...b.clusters, ...(b.noise ? [b.noise] : [])];
    blocks.push(
      facts(
        [
          fact('Replicates', formatCount(b.replicates), 'robustness.bootstrap.replicates'),
          fact('Seed', String(b.seed), 'robustness.bootstrap.seed'),
          fact('What ran on each', b.method, 'robustness.bootstrap.method'),
        ],
        'Bootstrap stability',
      ),
      {
        kind: 'chart',
        caption: 'Mean bootstrap Jaccard per cluster',
        chart: {
          kind: 'bars',
          max: 1,
          valueLabel: 'mean Jaccard',
          rules: STABILITY_BANDS.filter((band) => BAND_FLOORS[band] > 0).map((band) => ({
            value: BAND_FLOORS[band],
            label: String(BAND_FLOORS[band]),
          })),
          bars: clusters.map((c) => ({
            label: c.cluster < 0 ? 'noise' : clusterName(c.cluster),
            value: c.meanJaccard ?? 0,
            text:
              c.meanJaccard === null
                ? 'never drawn'
                : `${formatFigure(c.meanJaccard)}${c.band ? ` (${c.band})` : ''}`,
            tone: c.band ? BAND_TONE[c.band] : 'muted',
          })),
        },
      },
      table(
        'Per cluster',
        [
          column('cluster', 'Cluster', false, 'cluster'),
          column('size', 'Customers', true, 'size'),
          column('meanJaccard', 'Mean Jaccard', true, 'meanJaccard'),
          column('dissolved', 'Dissolved (≤ 0.5)', true, 'dissolved'),
          column('recovered', 'Recovered (> 0.75)', true, 'recovered'),
          column('band', 'Band', false, 'band'),
        ],
        clusters.map((c) => ({
          cluster: c.cluster < 0 ? 'noise' : clusterName(c.cluster),
          size: formatCount(c.size),
          meanJaccard: formatFigure(c.meanJaccard),
          dissolved: formatCount(c.dissolved),
          recovered: formatCount(c.recovered),
          band: c.band ?? '–',
        })),
        { field: 'robustness.bootstrap.clusters[]' },
      ),
      { kind: 'list', items: STABILITY_BANDS.map((band) => `${band}: ${BAND_MEANINGS[band]}`) },
    );
    if (b.noise) blocks.push(facts(specFacts(b.noise, 'robustness.bootstrap.noise'), 'DBSCAN noise group'));
  }
  const s = r.sensitivity;
  if (s) {
    blocks.push(
      paragraph(
        s.pass === null
          ? 'Weight sensitivity: no feature could be judged.'
          : s.pass
            ? 'Weight sensitivity: every feature passed.'
            : 'Weight sensitivity: at least one feature failed; the segmentation depends on its exact weight.',
        s.pass === false ? 'warn' : s.pass ? 'ok' : 'note',
      ),
      facts([
        fact('Steps', s.steps.map((x) => formatShare(x, 0)).join(', '), 'robustness.sensitivity.steps'),
        ...specFacts(s.thresholds, 'robustness.sensitivity.thresholds'),
        fact('Passed', s.pass === null ? '–' : s.pass ? 'yes' : 'no', 'robustness.sensitivity.pass'),
      ]),
      table(
        'Weight changes',
        [
          column('feature', 'Feature', false, 'feature'),
          column('change', 'Change', true, 'change'),
          column('ari', 'ARI', true, 'ari'),
          column('shareChanged', 'Customers moved', true, 'shareChanged'),
        ],
        s.weights.map((w) => ({
          feature: w.feature,
          change: formatShare(w.change, 0),
          ari: formatFigure(w.ari),
          shareChanged: formatShare(w.shareChanged),
        })),
        { field: 'robustness.sensitivity.weights[]' },
      ),
      table(
        'Verdict per feature',
        [
          column('feature', 'Feature', false, 'feature'),
          column('verdict', 'Verdict', false, 'verdict'),
          column('reason', 'Why', false, 'reason'),
        ],
        s.verdicts.map((v) => ({ feature: v.feature, verdict: v.verdict ?? '–', reason: v.reason })),
        { field: 'robustness.sensitivity.verdicts[]' },
      ),
    );
  }
  if (r.dropOne) {
    blocks.push(
      table(
        'Clustering without each feature',
        [
          column('feature', 'Feature left out', false, 'feature'),
          column('ari', 'ARI', true, 'ari'),
          column('shareChanged', 'Customers moved', true, 'shareChanged'),
        ],
        r.dropOne.map((d) => ({
          feature: d.feature,
          ari: formatFigure(d.ari),
          shareChanged: formatShare(d.shareChanged),
        })),
        { field: 'robustness.dropOne[]' },
      ),
    );
  }
  if (r.holdout) {
    const h = r.holdout;
    blocks.push(
      facts(
        [
          fact('Share held out', formatShare(h.share, 0), 'robustness.holdout.share'),
          fact('Seed', String(h.seed), 'robustness.holdout.seed'),
          fact('Customers held out', formatCount(h.heldOut), 'robustness.holdout.heldOut'),
          fact('ARI on them', formatFigure(h.ari), 'robustness.holdout.ari'),
          fact('Moved', formatShare(h.shareChanged), 'robustness.holdout.shareChanged'),
          fact('Assigned by', h.assignment, 'robustness.holdout.assignment'),
        ],
        'Holdout',
      ),
    );
  }
  if (r.monteCarlo) {
    const mc = r.monteCarlo;
    blocks.push(
      facts(
        [
          fact('Draws', formatCount(mc.draws), 'robustness.monteCarlo.draws'),
          fact('Weights within', `±${formatShare(mc.range, 0)}`, 'robustness.monteCarlo.range'),
          fact('Seed', String(mc.seed), 'robustness.monteCarlo.seed'),
          ...specFacts(mc.ari, 'robustness.monteCarlo.ari'),
          fact(
            'Draws below the minimum ARI',
            formatShare(mc.belowMinAri),
            'robustness.monteCarlo.belowMinAri',
          ),
        ],
        'Random weights (Monte Carlo)',
      ),
    );
  }
  if (r.periods) {
    const p = r.periods;
    blocks.push(
      facts(
        [
          fact('Periods', `${p.kind}: ${p.labels.join(', ')}`, 'robustness.periods.labels'),
          fact('Split', p.kind, 'robustness.periods.kind'),
          fact('Reference period', p.reference, 'robustness.periods.reference'),
          fact(
            'Kept their cluster, first to last period',
            formatShare(p.stayed),
            'robustness.periods.stayed',
          ),
        ],
        'Stability across periods',
      ),
      table(
        'Consecutive periods',
        [
          column('from', 'From', false, 'from'),
          column('to', 'To', false, 'to'),
          column('common', 'Customers in both', true, 'common'),
          column('ari', 'ARI', true, 'ari'),
        ],
        p.consecutive.map((c) => ({
          from: c.from,
          to: c.to,
          common: formatCount(c.common),
          ari: formatFigure(c.ari),
        })),
        { field: 'robustness.periods.consecutive[]' },
      ),
    );
  }
  const ran = [
    b && 'bootstrap',
    s && 'sensitivity',
    r.dropOne && 'drop one',
    r.holdout && 'holdout',
    r.monteCarlo && 'Monte Carlo',
    r.periods && 'periods',
  ].filter(Boolean);
  const missing = ['bootstrap', 'sensitivity', 'drop one', 'holdout', 'Monte Carlo', 'periods'].filter(
    (x) => !ran.includes(x),
  );
  if (missing.length > 0) blocks.push(paragraph(`Not run before export: ${missing.join(', ')}.`, 'note'));
  return { id: 'robustness', title: 'Robustness', blocks };
}
