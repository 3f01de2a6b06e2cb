/**
 * Governance: fairness screening of the tiers and migration from the approved version (or a
 * previous config file, when one is chosen), on demand (it scores the customers with the config).
 * The figures come with their caveats as text; the downgraded customers can be downloaded as the
 * command's downgraded.csv.
 */
import { cell, fileInput, slider, text, type FileValue } from '../src/runtime/index.ts';
import { parseConfigFile } from '../src/config/load-config.ts';
import type { SegmentationConfig } from '../src/config/config-schema.ts';
import { governanceReview, type GovernanceReview } from '../src/config/governance-review.ts';
import { downgradedCsv } from '../src/analytics/monitor/downgrade-impact.ts';
import { download } from '../src/app/download.ts';
import { downgradedView } from '../src/ui/views/downgraded-view.ts';
import { table } from './data.ts';
import { config } from './export.ts';
import { approval } from './governance.ts';
import { tableBlock, textBlock } from './view-helpers.ts';

export const fairnessAttribute = text({
  name: 'fairnessAttribute',
  title: 'Screen fairness by',
  value: 'region',
  description: 'A categorical column of the data (region, channel, …): the share of each group in the top tier is compared with the best group’s.',
});

export const churnRate = slider({
  name: 'churnRate',
  title: 'Assumed churn of a downgraded customer',
  min: 0,
  max: 50,
  value: 10,
  unit: '%',
  description: 'The probability that a customer moved to a lower tier leaves: revenue and gross margin at risk are the movers’ figures times this.',
});

export interface FairnessReview extends GovernanceReview {
  /** The data's id column: the first header of the downgraded customers' table and CSV. */
  readonly idColumn: string;
  /** What the migration compares with, for the view: "the approved version" or "the previous config <file>". */
  readonly against: string;
}

export const previousConfig = fileInput({
  name: 'previousConfig',
  title: 'Previous config (optional)',
  accept: '.json,application/json',
  none: 'the approved version',
  description: 'An earlier exported config (config.json) to compare with instead of the approved version, e.g. last year’s. It is read here, in this browser; nothing is uploaded.',
});

/** The version to compare with: the chosen previous config, else the approved one; or why neither can be used. */
function previousVersion(file: FileValue | null, approved: SegmentationConfig | null): { config: SegmentationConfig | null; against: string; problem?: string } {
  if (file === null) return { config: approved, against: 'the approved version' };
  const against = `the previous config ${file.name}`;
  try {
    const { config } = parseConfigFile(new TextDecoder('utf-8', { fatal: false }).decode(file.bytes), file.name);
    if (!config.tierMap) return { config: null, against, problem: `Migration: ${file.name} has no tier map, so upgrades and downgrades cannot be told apart. Choose a config exported with tiers, or clear the file to compare with the approved version.` };
    return { config, against };
  } catch (error) {
    return { config: null, against, problem: `Migration: ${error instanceof Error ? error.message : String(error)}. Choose another config file, or clear it to compare with the approved version.` };
  }
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const money = (x: number) => Math.round(x).toLocaleString('en-US');

export const fairnessReview = cell({
  name: 'fairnessReview',
  title: 'Fairness and migration',
  trigger: 'demand',
  description: 'Impact ratio of the top tier per group (four-fifths rule), Cramér’s V between tier and each categorical column, and who moves down from the approved version (or the previous config chosen above), with revenue and margin at risk.',
  inputs: { config, approval, previousConfig, table, fairnessAttribute, churnRate },
  run: ({ config, approval, previousConfig, table, fairnessAttribute, churnRate }): FairnessReview => {
    const previous = previousVersion(previousConfig, approval?.config ?? null);
    const review = governanceReview({ current: config, approved: previous.config, table, attribute: fairnessAttribute.trim(), churnProbability: churnRate / 100, against: previous.against });
    return { ...review, ...(previous.problem ? { migration: { unavailable: previous.problem } } : {}), idColumn: table.idColumn, against: previous.against };
  },
  view: (r, { document, readOnly }) => {
    const el = textBlock(document, []);
    const f = r.fairness;
    if ('unavailable' in f) el.append(textBlock(document, [f.unavailable]));
    else {
      const flagged = f.impact.flagged;
      el.append(
        textBlock(document, [
          `Favourable outcome: ${f.favourable.join(' or ')}, for ${f.customers.toLocaleString('en-US')} customers. ${
            flagged.length > 0 ? `Below four fifths of the best group’s rate: ${flagged.join(', ')}.` : 'No group above 2% of customers is below four fifths of the best group’s rate.'
          }`,
        ]),
      );
      el.append(
        tableBlock(document, `Impact ratio by ${f.attribute}`, [
          { key: 'group', label: f.attribute },
          { key: 'customers', label: 'Customers' },
          { key: 'rate', label: 'In favourable tier' },
          { key: 'ratio', label: 'Impact ratio' },
          { key: 'flag', label: 'Flag' },
        ], f.impact.groups.map((g) => ({
          group: g.group,
          customers: g.customers,
          rate: pct(g.rate),
          ratio: g.ratio === null ? 'n/a' : g.ratio.toFixed(3),
          flag: g.flagged ? 'below 4/5' : g.screened ? '' : 'too small to screen',
        }))),
      );
      el.append(
        textBlock(document, [
          ...f.association.map((a) => `Cramér’s V (bias-corrected), tier × ${a.attribute}: ${a.corrected === null ? 'n/a' : a.corrected.toFixed(3)}${a.review ? ' (0.3 or more: worth a review)' : ''}.`),
          ...f.caveats.map((c) => `Caveat: ${c}`),
        ]),
      );
    }
    const m = r.migration;
    if ('unavailable' in m) el.append(textBlock(document, [m.unavailable]));
    else {
      const i = m.impact.totals;
      el.append(
        textBlock(document, [
          `Against ${r.against}: ${m.matrix.compared.toLocaleString('en-US')} customers compared, ${pct(m.matrix.stableShare)} stay in their tier, ${m.matrix.upgrades.customers.toLocaleString('en-US')} move up, ${m.matrix.downgrades.customers.toLocaleString('en-US')} move down.`,
          `At ${pct(m.impact.churnProbability)} assumed churn of downgraded customers: revenue at risk ${money(i.revenueAtRisk)}, gross margin at risk ${money(i.marginAtRisk)}${i.net === null ? '' : `, net effect ${money(i.net)}`}.`,
          ...m.impact.assumptions.map((a) => `Assumption: ${a}`),
        ]),
      );
      if (m.impact.downgraded.length > 0) {
        // the same bytes as `tierbook diff --out`'s downgraded.csv: one writer for both
        const csv = () => download(document, 'downgraded.csv', downgradedCsv(m.impact, r.idColumn), 'text/csv');
        el.append(downgradedView(m.impact, { document, idColumn: r.idColumn, ...(readOnly ? {} : { download: csv }) }));
      }
    }
    return el;
  },
});
