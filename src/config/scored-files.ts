/**
 * The files a scoring run writes besides assignments.csv: the tier of each customer and the
 * values far outside the reference range. The command (`tierbook apply`) and the app's "score
 * a new file" write the same bytes; ids are passed separately so they can be pseudonymised.
 */
import type { ScoredCustomers } from './apply-config.ts';
import { STRATEGIC } from './segmentation-config.ts';
import { csvDocument, csvNumber, csvText } from '../data/csv-write.ts';

/** `<id>,cluster,tier`: cluster 1-based, `strategic`, or empty when not clustered. */
export function tiersCsv(s: ScoredCustomers, ids: readonly string[]): string {
  const rows = ids.map((id, i) => {
    const l = s.labels[i];
    return [csvText(id), l === STRATEGIC ? 'strategic' : l < 0 ? '' : String(l + 1), csvText(s.tiers?.[i] ?? '')];
  });
  return csvDocument([s.idColumn, 'cluster', 'tier'], rows);
}

/** `<id>,feature,value,reference_min,reference_max`: one row per value far outside the reference range. */
export function flagsCsv(s: ScoredCustomers, ids: readonly string[]): string {
  const rows = s.far.map((f) => [csvText(ids[f.row]), csvText(f.feature), csvNumber(f.value), csvNumber(f.min), csvNumber(f.max)]);
  return csvDocument([s.idColumn, 'feature', 'value', 'reference_min', 'reference_max'], rows);
}
