/** Issues about how a date column was read: mixed layouts and an undecidable day/month order. */
import type { Column } from './columns.ts';
import type { DateOrder } from './date-parse.ts';
import { formatCount, type DataIssue } from '../errors.ts';

export function dateIssues(file: string, columns: ReadonlyMap<string, Column>, orders: readonly { order: DateOrder; evidence: boolean }[], header: readonly string[]): DataIssue[] {
  const out: DataIssue[] = [];
  header.forEach((name, c) => {
    const col = columns.get(name);
    if (col?.type !== 'date') return;
    const { iso, numeric } = col.layouts;
    if (iso > 0 && numeric > 0) {
      out.push({
        code: 'mixed-date-formats',
        severity: 'info',
        message: `${file}, column ${JSON.stringify(name)}: dates use more than one format (${formatCount(iso)} year-first like 2024-03-10, ${formatCount(numeric)} day/month like 10/03/2024); all were read, numeric ones as ${col.order === 'dmy' ? 'day/month/year' : 'month/day/year'}.`,
        file,
        column: name,
        count: Math.min(iso, numeric),
        examples: [],
      });
    }
    if (numeric > 0 && !orders[c].evidence) {
      out.push({
        code: 'ambiguous-date-order',
        severity: 'info',
        message: `${file}, column ${JSON.stringify(name)}: no date shows whether day or month comes first; they were read as ${col.order === 'dmy' ? 'day/month/year' : 'month/day/year'}. Change "Date order" in the import options if that is wrong.`,
        file,
        column: name,
        count: numeric,
        examples: [],
      });
    }
  });
  return out;
}
