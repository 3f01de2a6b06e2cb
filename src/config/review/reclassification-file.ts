/**
 * Reclassification requests as a CSV file for the account teams: one row per logged request or
 * decision, in log order. Written through the one CSV writer (formula neutralising).
 */
import { csvDocument, csvNumber, csvText } from '../../data/csv-write.ts';
import type { ReclassificationRecord } from './review-entries.ts';

export const RECLASSIFICATION_COLUMNS = [
  'seq',
  'time',
  'customer',
  'current_tier',
  'requested_tier',
  'reason',
  'decision',
  'by',
] as const;

export function reclassificationCsv(records: readonly ReclassificationRecord[]): string {
  return csvDocument(
    RECLASSIFICATION_COLUMNS,
    records.map((r) => [
      csvNumber(r.seq),
      csvText(r.time),
      csvText(r.customer),
      csvText(r.currentTier),
      csvText(r.requestedTier),
      csvText(r.reason),
      csvText(r.decision),
      csvText(r.by),
    ]),
  );
}
