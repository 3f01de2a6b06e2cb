import type { Loaded } from '../../cells/data.ts';

/**
 * What `quality.json` holds: the row accounting (`keptRows + Σ excluded = inputRows`), repairs
 * and flags per rule, the lineage log and example rows. A customer table has no quality rules:
 * its rows are kept, except those without an id (counted as excluded).
 */
export function qualitySummary(loaded: Loaded): Record<string, unknown> {
  const { imported } = loaded;
  const q = imported.quality;
  if (q) {
    return {
      file: loaded.source,
      kind: imported.kind.kind,
      fingerprint: loaded.fingerprint,
      inputRows: q.inputRows,
      keptRows: q.keptRows,
      repaired: q.repaired,
      excluded: q.excluded,
      flagged: q.flagged,
      report: q,
    };
  }
  const t = imported.customers;
  return {
    file: loaded.source,
    kind: imported.kind.kind,
    fingerprint: loaded.fingerprint,
    inputRows: t.inputRows,
    keptRows: t.rowCount,
    repaired: {},
    excluded: t.inputRows > t.rowCount ? { 'missing-id': t.inputRows - t.rowCount } : {},
    flagged: {},
    issues: t.issues,
  };
}
