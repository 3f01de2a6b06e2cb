/**
 * The outcome of a computation that cannot run on the data at hand (e.g. safety stock from a
 * customer table, which has no order lines): a reason for people and the inputs that would
 * enable it. Returned, never thrown, so the rest of a notebook keeps working.
 */
export interface NeedsData {
  readonly status: 'needs-data';
  /** What is missing, e.g. `order lines`, `a ship_date column`. */
  readonly needs: readonly string[];
  /** A sentence saying what cannot be computed and what would enable it. */
  readonly message: string;
}

export function needsData(needs: readonly string[], message: string): NeedsData {
  return { status: 'needs-data', needs, message };
}

/** Whether a result is a `NeedsData` outcome. */
export function isNeedsData(value: unknown): value is NeedsData {
  return typeof value === 'object' && value !== null && (value as { status?: unknown }).status === 'needs-data';
}

/** The standard outcome for what needs order lines. */
export function needsOrderLines(what: string): NeedsData {
  return needsData(['order lines'], `${what} needs order lines (one row per order line with dates and quantities); a customer table does not carry them. Load order lines to see it.`);
}
