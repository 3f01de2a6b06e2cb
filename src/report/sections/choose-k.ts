/** Section "Choosing k": the metrics of the k sweep next to the chosen k and the business limit. */
import type { ReportInput } from '../report-input.ts';
import { paragraph, type Block, type ReportSection } from '../report-document.ts';
import { formatCount, formatFigure } from '../format.ts';
import { column, table } from './helpers.ts';

export function chooseKSection(input: ReportInput): ReportSection {
  const { config } = input;
  const k = config.model.k;
  const limit = config.inputs.maxTiers;
  const blocks: Block[] = [
    paragraph(
      `The config uses k = ${k} (${config.model.algorithm}).${typeof limit === 'number' ? ` The business limit on tiers was ${limit}.` : ''} No single metric picks k: the elbow of the inertia curve, the silhouette (higher is better), Calinski–Harabasz (higher) and Davies–Bouldin (lower) are read together with how many tiers the business can run.`,
    ),
  ];
  const sweep = input.evidence?.sweep;
  if (!sweep || sweep.points.length === 0) {
    blocks.push(
      paragraph(
        'The config does not record the k sweep. Export the report from the segmentation notebook, or run `tierbook report config.json --data <file>`, to recompute it on the data with the config’s settings.',
        'note',
      ),
    );
    return { id: 'choose-k', title: 'Choosing k', blocks };
  }
  const picks = sweep.picks;
  const named: string[] = [];
  if (picks.knee !== null) named.push(`the knee of the inertia curve at k = ${picks.knee}`);
  if (picks.silhouette !== null) named.push(`the best silhouette at k = ${picks.silhouette}`);
  if (picks.calinskiHarabasz !== null)
    named.push(`the best Calinski–Harabasz at k = ${picks.calinskiHarabasz}`);
  if (picks.daviesBouldin !== null) named.push(`the best Davies–Bouldin at k = ${picks.daviesBouldin}`);
  blocks.push(
    paragraph(`Recomputed (${input.evidence?.source}): ${named.join('; ') || 'no metric gives a pick'}.`),
  );
  const line = (key: 'inertia' | 'silhouette', label: string): Block | null => {
    const points = sweep.points.flatMap((p) => (p[key] === null ? [] : [{ x: p.k, y: p[key] as number }]));
    return points.length < 2
      ? null
      : {
          kind: 'chart',
          caption: `${label} by k`,
          chart: { kind: 'line', xLabel: 'k', yLabel: label, points, marked: { x: k, label: `k = ${k}` } },
        };
  };
  for (const chart of [line('inertia', 'Inertia'), line('silhouette', 'Silhouette')])
    if (chart) blocks.push(chart);
  const sampled = sweep.points.find(
    (p) => p.silhouetteSampleSize !== null && p.silhouetteSampleSize < config.data.rows,
  );
  blocks.push(
    table(
      'The k sweep',
      [
        column('k', 'k', true),
        column('inertia', 'Inertia', true),
        column('silhouette', 'Silhouette', true),
        column('ch', 'Calinski–Harabasz', true),
        column('db', 'Davies–Bouldin', true),
      ],
      sweep.points.map((p) => ({
        k: String(p.k) + (p.k === k ? ' (chosen)' : ''),
        inertia: formatFigure(p.inertia),
        silhouette: formatFigure(p.silhouette),
        ch: formatFigure(p.calinskiHarabasz),
        db: formatFigure(p.daviesBouldin),
      })),
    ),
  );
  if (sampled)
    blocks.push(
      paragraph(
        `The silhouette was estimated on a stratified sample of ${formatCount(sampled.silhouetteSampleSize)} customers.`,
        'note',
      ),
    );
  return { id: 'choose-k', title: 'Choosing k', blocks };
}
