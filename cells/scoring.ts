/**
 * Governance: score a new file with the approved config (or, before approval, the current one),
 * frozen: the config's fitted preparation and centroids, never refitted; customers far outside
 * the reference range flagged; drift against the reference distributions read with the trigger
 * rule. The notebook's own data is not touched: the new file is its own input.
 */
import { cell, fileInput, text } from '../src/runtime/index.ts';
import { applyConfig, type ScoredCustomers } from '../src/config/apply-config.ts';
import { driftReport, NO_REFERENCE, type DriftReport } from '../src/config/drift-report.ts';
import { parseDriftRule } from '../src/analytics/monitor/drift-rule.ts';
import { assignmentsCsv } from '../src/config/segmentation-config.ts';
import { flagsCsv, tiersCsv } from '../src/config/scored-files.ts';
import { download } from '../src/app/download.ts';
import { host } from './data.ts';
import { config } from './export.ts';
import { approval } from './governance.ts';
import { tableBlock, textBlock } from './view-helpers.ts';

export const scoreFile = fileInput({
  name: 'scoreFile',
  title: 'New file to score',
  accept: '.csv,.tsv,.txt,.json,.arrow,.parquet,.gz',
  none: 'no file',
  description: 'Order lines or a customer table like the one the config was built on, e.g. next quarter’s export. It is scored with the config as approved; the notebook’s data stays as it is.',
});

export const driftRule = text({
  name: 'driftRule',
  title: 'Re-segmentation trigger',
  value: '',
  check: (t) => void parseDriftRule(t),
  description: 'Empty: re-segment when any feature’s PSI is 0.25 or more or the segment mix’s PSI is 0.10 or more. Edit as feature-psi=0.25,segment-psi=0.1,ks-d=off.',
});

export interface ScoredFile {
  readonly file: string;
  /** Which config scored it. */
  readonly by: string;
  readonly scored: ScoredCustomers;
  /** Null when the config has no reference distributions (with the reason). */
  readonly drift: DriftReport | null;
  readonly notes: readonly string[];
}

export const scoring = cell({
  name: 'scoring',
  title: 'Score a new file with this config',
  trigger: 'demand',
  description: 'Assigns the customers of a new file with the approved config, frozen; flags values far outside its reference range; measures drift.',
  inputs: { scoreFile, driftRule, approval, config, host },
  run: async ({ scoreFile, driftRule, approval, config, host }, { signal, progress }): Promise<ScoredFile | null> => {
    if (scoreFile === null) return null;
    const using = approval?.config ?? config;
    const read = await host.tasks.run('importData', [scoreFile.bytes, scoreFile.name, using.data.import], { signal, onProgress: (f, m) => progress(f, m) });
    const table = read.imported.customers;
    const scored = applyConfig(using, table);
    const notes = [...read.imported.issues.map((i) => i.message), ...scored.issues.map((i) => i.message)];
    let drift: DriftReport | null = null;
    if (using.reference) drift = driftReport(using, table, parseDriftRule(driftRule));
    else notes.push(`Drift not measured: ${NO_REFERENCE}.`);
    const by = approval ? `the config approved by ${approval.config.approval.approver.name} on ${approval.config.approval.date.slice(0, 10)}` : 'the current config (not approved yet)';
    return { file: scoreFile.name, by, scored, drift, notes };
  },
  view: (r, { document }) => {
    if (r === null) return textBlock(document, ['Choose a new file above, then Run: its customers are scored with the approved config.']);
    const c = r.scored.counts;
    const d = r.drift;
    const f3 = (x: number | null) => (x === null ? 'n/a' : x.toFixed(3));
    const lines = [
      `${r.file}, scored with ${r.by}: ${c.customers.toLocaleString('en-US')} customers, ${c.clustered.toLocaleString('en-US')} clustered, ${c.strategic} strategic, ${c.notClustered} not clustered.`,
      `${r.scored.far.length.toLocaleString('en-US')} values far outside the range the config was built on (flags.csv lists them).`,
      ...(d ? [d.triggered ? `Re-segmentation is due: ${d.reasons.join('; ')}.` : 'No re-segmentation trigger fired.'] : []),
      ...r.notes.map((n) => `Note: ${n}`),
    ];
    const el = textBlock(document, lines);
    const ids = r.scored.ids;
    const buttons = document.createElement('p');
    const offer = (label: string, name: string, make: () => string) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', () => download(document, name, make(), 'text/csv'));
      buttons.append(b, ' ');
    };
    offer('Download assignments.csv', 'assignments.csv', () => assignmentsCsv(ids, r.scored.labels, r.scored.idColumn));
    if (r.scored.tiers) offer('Download tiers.csv', 'tiers.csv', () => tiersCsv(r.scored, ids));
    offer('Download flags.csv', 'flags.csv', () => flagsCsv(r.scored, ids));
    el.append(buttons);
    if (d) {
      el.append(
        tableBlock(document, `Drift against the reference (segment mix PSI ${f3(d.segmentMix.psi)}${d.segmentMix.psiBand ? `, ${d.segmentMix.psiBand}` : ''})`, [
          { key: 'feature', label: 'Feature' },
          { key: 'psi', label: 'PSI' },
          { key: 'band', label: 'Reading' },
          { key: 'ks', label: 'KS D' },
        ], d.features.map((f) => ({ feature: f.feature, psi: f3(f.psi), band: f.psiBand, ks: f3(f.ks) }))),
      );
    }
    return el;
  },
});
