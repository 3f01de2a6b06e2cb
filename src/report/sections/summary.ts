/** Section "Summary": the verdict, what was segmented and how, the segments, the packages. */
import type { ReportInput } from '../report-input.ts';
import { facts, paragraph, type Block, type ReportSection, type Tone } from '../report-document.ts';
import type { Bar } from '../charts.ts';
import { formatCount, formatShare, plural, sentence } from '../format.ts';
import { clusterName, fact, segmentCounts, table, column } from './helpers.ts';
import type { Verdict } from '../../config/verify.ts';

export const VERDICT_TONE: Readonly<Record<Verdict, Tone>> = {
  approved: 'ok',
  draft: 'note',
  edited: 'error',
  'signature-invalid': 'error',
  unverifiable: 'warn',
};

/** One sentence per verdict, for people who do not read hashes. */
export const VERDICT_TITLE: Readonly<Record<Verdict, string>> = {
  approved: 'Approved and intact',
  draft: 'Unsigned draft, intact',
  edited: 'Edited after approval or export',
  'signature-invalid': 'Signature invalid',
  unverifiable: 'Cannot be verified',
};

/** Bars of customers per segment: tiers when the config has a tier map, else clusters. */
export function segmentBars(input: ReportInput): Bar[] {
  const { config } = input;
  const counts = segmentCounts(config);
  const total = Math.max(1, config.data.rows);
  const bar = (label: string, n: number, tone?: Bar['tone']): Bar => ({
    label,
    value: n,
    text: `${formatCount(n)} (${formatShare(n / total)})`,
    ...(tone ? { tone } : {}),
  });
  const map = config.tierMap;
  const bars: Bar[] = [];
  if (map) {
    const byTier = new Map(map.order.map((t) => [t, 0]));
    counts.clusters.forEach((n, i) => byTier.set(map.clusters[i], (byTier.get(map.clusters[i]) ?? 0) + n));
    if (map.strategic !== null)
      byTier.set(map.strategic, (byTier.get(map.strategic) ?? 0) + counts.strategic);
    for (const [tier, n] of byTier) bars.push(bar(tier, n));
    if (map.strategic === null && counts.strategic > 0)
      bars.push(bar('Strategic (no tier)', counts.strategic, 'muted'));
  } else {
    counts.clusters.forEach((n, i) => bars.push(bar(clusterName(i), n)));
    if (counts.strategic > 0) bars.push(bar('Strategic', counts.strategic));
  }
  if (counts.notClustered > 0) bars.push(bar('Not clustered', counts.notClustered, 'muted'));
  return bars;
}

export function summarySection(input: ReportInput): ReportSection {
  const { config, verification: v } = input;
  const tone = VERDICT_TONE[v.verdict];
  const blocks: Block[] = [
    paragraph(sentence(v.message), tone),
    paragraph(
      `${plural(config.data.rows, 'customer')} from ${config.data.source === 'sample' ? 'the bundled sample' : config.data.source} were clustered with ${config.model.algorithm} into ${plural(config.model.k, 'cluster')} on ${plural(config.features.length, 'feature')}${config.tierMap ? `, mapped to ${plural(config.tierMap.order.length, 'tier')} (${config.tierMap.order.join(', ')})` : ''}.`,
    ),
    ...v.notes.map((n) => paragraph(n, 'warn')),
    facts([
      fact('Config file', input.fileName),
      fact('Kind', config.kind, 'kind'),
      fact('Schema version', String(config.version), 'version'),
      fact('Notebook', config.notebook, 'notebook'),
      fact('Exported', config.createdAt, 'createdAt'),
      fact('Tierbook version', config.tierbook.version, 'tierbook.version'),
      fact('Customers', formatCount(config.data.rows), 'data.rows'),
      fact('Algorithm and k', `${config.model.algorithm}, k = ${config.model.k}`, 'model.k'),
      fact('Assignments hash', config.assignmentsHash, 'assignmentsHash'),
    ]),
    {
      kind: 'chart',
      caption: config.tierMap ? 'Customers per tier' : 'Customers per cluster',
      chart: { kind: 'bars', bars: segmentBars(input), valueLabel: 'customers' },
    },
    table(
      'Package versions that computed it',
      [column('name', 'Package'), column('version', 'Version')],
      Object.entries(config.packages)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([name, version]) => ({ name, version })),
      { field: 'packages' },
    ),
  ];
  return { id: 'summary', title: 'Summary', blocks };
}
