import { csvDocument, csvNumber, csvText } from '../../data/csv-write.ts';
import { NO_ALTERNATIVE, type CustomerConfidence } from './confidence.ts';

/** A customer that left its cluster in some bootstrap replicates. */
export interface Mover {
  /** Matrix row. */
  readonly row: number;
  readonly id: string;
  /** Baseline cluster; -1 = noise. */
  readonly cluster: number;
  /** Share of the replicates drawing it in which it stayed, in [0, 1). */
  readonly confidence: number;
  /** The cluster it moved to most often (-1 = noise), or null. */
  readonly alternative: number | null;
  /** Replicates that drew it. */
  readonly drawn: number;
}

/**
 * The customers most likely to move: every customer whose confidence is below `below`
 * (default 1, i.e. it moved at least once), least confident first (ties in row order), at most
 * `limit` of them (default all). `ids` and `baseline` are per matrix row.
 */
export function likelyMovers(
  ids: readonly string[],
  baseline: ArrayLike<number>,
  customers: CustomerConfidence,
  options: { readonly below?: number; readonly limit?: number } = {},
): Mover[] {
  const { below = 1, limit = Infinity } = options;
  const { confidence, alternative, drawn } = customers;
  if (ids.length !== confidence.length || baseline.length !== confidence.length) {
    throw new Error(`invalid movers input: ${ids.length} ids, ${baseline.length} labels and ${confidence.length} confidences (expected one of each per customer)`);
  }
  const rows: number[] = [];
  for (let i = 0; i < confidence.length; i++) if (confidence[i] < below) rows.push(i);
  rows.sort((a, b) => confidence[a] - confidence[b] || a - b);
  return rows.slice(0, limit).map((row) => ({
    row,
    id: ids[row],
    cluster: baseline[row],
    confidence: confidence[row],
    alternative: alternative[row] === NO_ALTERNATIVE ? null : alternative[row],
    drawn: drawn[row],
  }));
}

/** Cluster numbers as in assignments.csv (id + 1), `noise` for -1, empty for none. */
const clusterCell = (c: number | null) => (c === null ? '' : c < 0 ? 'noise' : csvNumber(c + 1));

/** The movers table as CSV (spreadsheet-safe cells), columns: id, cluster, confidence, alternative, replicates drawn. */
export function moversCsv(movers: readonly Mover[], idColumn = 'customer_id'): string {
  return csvDocument(
    [idColumn, 'cluster', 'confidence', 'most_likely_other_cluster', 'replicates_drawn'],
    movers.map((m) => [csvText(m.id), clusterCell(m.cluster), csvNumber(m.confidence, 4), clusterCell(m.alternative), csvNumber(m.drawn)]),
  );
}
