/** Migration matrix between two clusterings of (partly) the same customers, matched by id. */

/** One period's clustered customers. */
export interface LabelledCustomers {
  /** Customer ids of the clustered rows. */
  readonly ids: readonly string[];
  /** Cluster per row in shared ids (e.g. matched to a reference); -1 = noise. */
  readonly labels: ArrayLike<number>;
  /** Revenue per row in that period, or null when unknown. */
  readonly revenue: ArrayLike<number> | null;
}

/** Rows = groups of the earlier clustering, columns = groups of the later one; the last row and column are "absent". */
export interface MigrationMatrix {
  /** The group of each row and column: cluster ids ascending, then -1 (noise) if present, then null (absent). */
  readonly groups: readonly (number | null)[];
  /** Customers moving from the row group to the column group. */
  readonly customers: readonly (readonly number[])[];
  /** Their revenue in the earlier period (0 for customers absent from it); null without revenue. */
  readonly revenueFrom: readonly (readonly number[])[] | null;
  /** Their revenue in the later period (0 for customers absent from it); null without revenue. */
  readonly revenueTo: readonly (readonly number[])[] | null;
  /** Share of the customers clustered in both that kept their cluster (noise to noise counts). */
  readonly stayed: number;
}

/**
 * Cross-tabulates two clusterings by customer id. Customers only in the earlier one land in the
 * "absent" column (lost), customers only in the later one in the "absent" row (new), so every
 * customer of either is counted once.
 */
export function migrationMatrix(from: LabelledCustomers, to: LabelledCustomers): MigrationMatrix {
  const ids = new Set([...Array.from(from.labels), ...Array.from(to.labels)]);
  const clusters = [...ids].filter((c) => c >= 0).sort((a, b) => a - b);
  const groups: (number | null)[] = [...clusters, ...(ids.has(-1) ? [-1] : []), null];
  const slot = new Map<number, number>(groups.flatMap((g, s) => (g === null ? [] : [[g, s] as [number, number]])));
  const absent = groups.length - 1;
  const size = groups.length;
  const grid = () => Array.from({ length: size }, () => new Array<number>(size).fill(0));
  const customers = grid();
  const revenueFrom = from.revenue && to.revenue ? grid() : null;
  const revenueTo = revenueFrom ? grid() : null;
  const later = new Map(to.ids.map((id, r) => [id, r]));
  const matched = new Uint8Array(to.ids.length);
  let both = 0;
  let kept = 0;
  const add = (a: number, b: number, ra: number, rb: number) => {
    customers[a][b]++;
    if (revenueFrom && revenueTo) {
      revenueFrom[a][b] += ra;
      revenueTo[a][b] += rb;
    }
  };
  from.ids.forEach((id, r) => {
    const a = slot.get(from.labels[r]) as number;
    const ra = from.revenue ? from.revenue[r] : 0;
    const t = later.get(id);
    if (t === undefined) return add(a, absent, ra, 0);
    matched[t] = 1;
    both++;
    if (from.labels[r] === to.labels[t]) kept++;
    add(a, slot.get(to.labels[t]) as number, ra, to.revenue ? to.revenue[t] : 0);
  });
  to.ids.forEach((_, t) => {
    if (!matched[t]) add(absent, slot.get(to.labels[t]) as number, 0, to.revenue ? to.revenue[t] : 0);
  });
  return { groups, customers, revenueFrom, revenueTo, stayed: both ? kept / both : NaN };
}
