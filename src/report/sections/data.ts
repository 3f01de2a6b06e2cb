/** Section "Data and quality": the data fingerprint, how it was read, and where every row went. */
import type { ReportInput } from '../report-input.ts';
import { facts, paragraph, type Block, type ReportSection } from '../report-document.ts';
import type { Bar } from '../charts.ts';
import { formatCount, formatShare } from '../format.ts';
import { column, fact, specFacts, table } from './helpers.ts';

export function dataSection(input: ReportInput): ReportSection {
  const d = input.config.data;
  const blocks: Block[] = [
    facts([
      fact('Source', d.source === 'sample' ? 'sample (the bundled generated data)' : d.source, 'data.source'),
      fact('Customers', formatCount(d.rows), 'data.rows'),
      fact('Customer id column', d.idColumn, 'data.idColumn'),
      fact('Fingerprint (SHA-256 of the file)', d.fingerprint, 'data.fingerprint'),
      fact('Input kind', d.kind, 'data.kind'),
    ]),
    facts(specFacts(d.import, 'data.import'), 'Import options'),
  ];
  const q = d.quality;
  if (!q) {
    blocks.push(
      paragraph(
        'No row accounting: quality rules apply to order lines, and this config was built from a customer table (data.quality is absent).',
        'note',
      ),
    );
    return { id: 'data', title: 'Data and quality', blocks };
  }
  const excluded = Object.values(q.excluded).reduce((s, n) => s + n, 0);
  const balanced = q.keptRows + excluded === q.inputRows;
  blocks.push(
    paragraph(
      balanced
        ? `Every input row is accounted for: ${formatCount(q.keptRows)} kept + ${formatCount(excluded)} excluded = ${formatCount(q.inputRows)} input rows.`
        : `The row accounting does not add up: ${formatCount(q.keptRows)} kept + ${formatCount(excluded)} excluded ≠ ${formatCount(q.inputRows)} input rows. Ask for the quality report of this export.`,
      balanced ? 'ok' : 'error',
    ),
    facts([
      fact('Input rows', formatCount(q.inputRows), 'data.quality.inputRows'),
      fact('Kept rows', formatCount(q.keptRows), 'data.quality.keptRows'),
    ]),
  );
  const bars: Bar[] = [
    {
      label: 'kept',
      value: q.keptRows,
      text: `${formatCount(q.keptRows)} (${formatShare(q.keptRows / Math.max(1, q.inputRows))})`,
      tone: 'ok',
    },
  ];
  for (const [reason, n] of Object.entries(q.excluded).sort(([, a], [, b]) => b - a)) {
    bars.push({
      label: `excluded: ${reason}`,
      value: n,
      text: `${formatCount(n)} (${formatShare(n / Math.max(1, q.inputRows), 2)})`,
      tone: 'error',
    });
  }
  blocks.push(
    {
      kind: 'chart',
      caption: 'Where the input rows went',
      chart: { kind: 'bars', bars, valueLabel: 'rows' },
    },
    table(
      'Rows repaired, by rule',
      [column('rule', 'Rule'), column('rows', 'Rows', true)],
      Object.entries(q.repaired).map(([rule, n]) => ({ rule, rows: formatCount(n) })),
      { field: 'data.quality.repaired' },
    ),
    table(
      'Rows excluded, by reason',
      [column('reason', 'Reason'), column('rows', 'Rows', true)],
      Object.entries(q.excluded).map(([reason, n]) => ({ reason, rows: formatCount(n) })),
      { field: 'data.quality.excluded' },
    ),
  );
  return { id: 'data', title: 'Data and quality', blocks };
}
