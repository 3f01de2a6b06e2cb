/** Section "Working capital": safety stock per tier at the tier's service level against the uniform baseline. */
import type { ReportInput } from '../report-input.ts';
import { paragraph, type Block, type ReportSection } from '../report-document.ts';
import { formatCount, formatShare } from '../format.ts';
import { column, table } from './helpers.ts';
import { configPolicy } from './tiers.ts';

export function workingCapitalSection(input: ReportInput): ReportSection {
  const wc = input.evidence?.workingCapital;
  const policy = configPolicy(input.config);
  const blocks: Block[] = [
    paragraph(
      'Safety stock per tier and demand stream, SS = z · √(L · σ_d² + d̄² · σ_L²) with z from the tier’s service level, valued at unit cost and compared with the same stock at the baseline service level: the difference is the working capital the tier policies add (negative: free), and its carrying cost per year.',
    ),
  ];
  if (!wc) {
    const recorded =
      policy && !('problem' in policy)
        ? ` The recorded policy uses a carrying rate of ${formatShare(policy.carryingRate)} and a baseline service level of ${formatShare(policy.baselineServiceLevel)}.`
        : '';
    blocks.push(
      paragraph(
        `Not computed: working capital needs the order lines the config was built from. Export the report from the segmentation notebook, or run \`tierbook report config.json --data <order lines>\`.${recorded}`,
        'note',
      ),
    );
  } else if ('needs' in wc) {
    blocks.push(paragraph(`Not computed: ${wc.needs}`, 'note'));
  } else {
    blocks.push(
      table(
        `Safety stock and working capital per tier (carrying rate ${formatShare(wc.carryingRate)}, baseline service level ${formatShare(wc.baselineServiceLevel)})`,
        [
          column('tier', 'Tier'),
          column('units', 'Units', true),
          column('value', 'Value', true),
          column('baselineValue', 'At baseline', true),
          column('deltaValue', 'Working capital added', true),
          column('deltaCarryingCost', 'Carrying cost / year', true),
        ],
        wc.tiers.map((t) => ({
          tier: t.tier,
          units: formatCount(t.units),
          value: formatCount(t.value),
          baselineValue: formatCount(t.baselineValue),
          deltaValue: formatCount(t.deltaValue),
          deltaCarryingCost: formatCount(t.deltaCarryingCost),
        })),
      ),
      {
        kind: 'chart',
        caption: 'Working capital added by each tier’s policy (negative: freed)',
        chart: {
          kind: 'bars',
          valueLabel: 'working capital',
          bars: wc.tiers.map((t) => ({
            label: t.tier,
            value: Math.abs(t.deltaValue),
            text: formatCount(t.deltaValue),
            tone: t.deltaValue > 0 ? 'warn' : 'ok',
          })),
        },
      },
      ...wc.notes.map((n) => paragraph(n, 'note')),
    );
  }
  return { id: 'working-capital', title: 'Working capital', blocks };
}
