/**
 * Customers that cannot be clustered on some feature: a value that is infinite or too large to
 * compute with (see magnitude.ts). The value is left out (NaN, like a missing value) and the
 * customer is recorded with the feature, the value and the reason, so a notebook can count the
 * customers it leaves out of clustering and say why.
 */
import { MAX_EXAMPLES, formatCount, type DataIssue } from '../errors.ts';
import { MAX_FEATURE_MAGNITUDE, unusable, type UnusableReason } from '../magnitude.ts';

/** One customer with features it cannot be clustered on. */
export interface UnclusterableCustomer {
  /** 0-based row of the customer table. */
  row: number;
  id: string;
  /** The features left out for this customer: name, the value as it was, and why. */
  features: { column: string; value: string; reason: UnusableReason }[];
}

/**
 * Checks the numeric columns in place: an unusable value becomes NaN and its customer is
 * recorded. Returns the customers, in row order, and one warning issue when there are any.
 */
export function screenUnusableValues(
  file: string,
  ids: readonly string[],
  columns: Readonly<Record<string, Float64Array>>,
  numericColumns: readonly string[],
): { unclusterable: UnclusterableCustomer[]; issues: DataIssue[] } {
  const byRow = new Map<number, UnclusterableCustomer>();
  let cells = 0;
  for (const name of numericColumns) {
    const values = columns[name];
    for (let r = 0; r < values.length; r++) {
      const reason = unusable(values[r]);
      if (!reason) continue;
      let c = byRow.get(r);
      if (!c) byRow.set(r, (c = { row: r, id: ids[r], features: [] }));
      c.features.push({ column: name, value: String(values[r]), reason });
      values[r] = NaN;
      cells++;
    }
  }
  const unclusterable = [...byRow.values()].sort((a, b) => a.row - b.row);
  if (!unclusterable.length) return { unclusterable, issues: [] };
  const first = unclusterable[0];
  const f = first.features[0];
  const columnsHit = [...new Set(unclusterable.flatMap((c) => c.features.map((x) => x.column)))];
  return {
    unclusterable,
    issues: [
      {
        code: 'unclusterable-values',
        severity: 'warning',
        message: `${file}: ${formatCount(unclusterable.length)} customer(s) have ${formatCount(cells)} value(s) that are infinite or beyond ±${MAX_FEATURE_MAGNITUDE.toExponential()} (first: customer ${JSON.stringify(first.id)}, ${f.column} = ${f.value}) in ${columnsHit.map((c) => JSON.stringify(c)).join(', ')}. These values are left out like missing ones, and those customers cannot be clustered on these features. Check the file for overflowed or placeholder values.`,
        file,
        column: columnsHit[0],
        count: unclusterable.length,
        examples: unclusterable.slice(0, MAX_EXAMPLES).map((c) => ({ row: c.row + 1, value: `${c.features[0].column} = ${c.features[0].value}` })),
      },
    ],
  };
}
