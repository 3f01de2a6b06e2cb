/** A recoverable problem found while computing, returned beside the result (never logged). */
export interface AnalyticsIssue {
  /** Stable machine-readable code, e.g. `zero-variance`, `missing-values`, `empty-cluster`. */
  readonly code: string;
  /** A sentence for people, saying what happened and what was done about it. */
  readonly message: string;
  /** The feature concerned, when there is one. */
  readonly feature?: string;
}

/** Formats a list of row indexes for messages, showing only the first few. */
export function formatRows(rows: readonly number[], total: number, shown = 5): string {
  const head = rows.slice(0, shown).join(', ');
  return total > shown ? `${head}, … (${total} in all)` : head;
}

/** Formats a share as a percentage with at most one decimal, e.g. `12%` or `0.4%`. */
export function formatPercent(share: number): string {
  const p = share * 100;
  const rounded = p >= 10 || p === 0 ? Math.round(p) : Math.round(p * 10) / 10;
  return `${rounded}%`;
}
