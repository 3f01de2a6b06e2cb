/**
 * Migration between two segmentations of the same customers: rows = segment before, columns =
 * segment after, cells = customers (and revenue). With segments ordered best first, a move
 * towards the start of the order is an upgrade, a move towards its end a downgrade, and the
 * diagonal share is the stable share. Heavy migration means the segments are unreliable.
 */

/** One customer's segment before and after, aligned by customer id. */
export interface AlignedSegments {
  readonly ids: string[];
  /** Segment before; null when the customer was not assigned (or not present) then. */
  readonly before: (string | null)[];
  readonly after: (string | null)[];
}

/**
 * Aligns two assignments by customer id: the customers of `after` in their order, then those
 * found only in `before`. A repeated id is an error naming it.
 */
export function alignById(
  before: { ids: readonly string[]; segments: readonly (string | null)[] },
  after: { ids: readonly string[]; segments: readonly (string | null)[] },
): AlignedSegments {
  const index = (side: string, ids: readonly string[]) => {
    const map = new Map<string, number>();
    ids.forEach((id, i) => {
      if (map.has(id)) throw new Error(`invalid assignments: customer "${id}" appears twice in the ${side} assignments`);
      map.set(id, i);
    });
    return map;
  };
  const b = index('previous', before.ids);
  index('current', after.ids);
  const ids = [...after.ids];
  const out: AlignedSegments = { ids, before: [], after: [...after.segments] };
  for (const id of after.ids) {
    const i = b.get(id);
    out.before.push(i === undefined ? null : before.segments[i]);
  }
  const seen = new Set(after.ids);
  before.ids.forEach((id, i) => {
    if (seen.has(id)) return;
    ids.push(id);
    out.before.push(before.segments[i]);
    out.after.push(null);
  });
  return out;
}

/** Customers and (when given) revenue of a group of moves. */
export interface MoveTotals {
  readonly customers: number;
  readonly revenue: number | null;
}

export interface MigrationMatrix {
  /** Segments, best first: the rows and columns of the matrices. */
  readonly order: readonly string[];
  /** customers[from][to]. */
  readonly customers: number[][];
  /** revenue[from][to] (sum of the current revenue of the customers), or null without revenue. */
  readonly revenue: number[][] | null;
  readonly upgrades: MoveTotals;
  readonly downgrades: MoveTotals;
  readonly stable: MoveTotals;
  /** Customers assigned before and after (the matrix total). */
  readonly compared: number;
  /** Stable customers / compared (0 when nothing is compared). */
  readonly stableShare: number;
  /** Assigned after but not before (new or previously unassigned customers). */
  readonly entered: number;
  /** Assigned before but not after. */
  readonly left: number;
  /** Assigned neither before nor after. */
  readonly unassigned: number;
}

/** Direction of a move: -1 downgrade, 0 stable, 1 upgrade (by position in `order`, best first). */
export function moveDirection(from: number, to: number): -1 | 0 | 1 {
  return to === from ? 0 : to < from ? 1 : -1;
}

/** The migration matrix of aligned segments; a segment missing from `order` is an error naming it. */
export function migrationMatrix(aligned: AlignedSegments, order: readonly string[], revenue?: ArrayLike<number>): MigrationMatrix {
  const pos = new Map(order.map((s, i) => [s, i]));
  if (pos.size !== order.length) throw new Error('invalid order: a segment is listed twice');
  const k = order.length;
  const customers = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const money = revenue ? Array.from({ length: k }, () => new Array<number>(k).fill(0)) : null;
  const totals = { up: [0, 0], down: [0, 0], same: [0, 0] };
  let entered = 0;
  let left = 0;
  let unassigned = 0;
  const find = (segment: string, side: string, i: number) => {
    const p = pos.get(segment);
    if (p === undefined) throw new Error(`invalid segment "${segment}" (${side}, customer ${aligned.ids[i]}): not among ${order.join(', ')}`);
    return p;
  };
  for (let i = 0; i < aligned.ids.length; i++) {
    const b = aligned.before[i];
    const a = aligned.after[i];
    if (b === null || a === null) {
      if (b === null && a === null) unassigned++;
      else if (b === null) entered++;
      else left++;
      continue;
    }
    const from = find(b, 'before', i);
    const to = find(a, 'after', i);
    const r = revenue && Number.isFinite(revenue[i]) ? revenue[i] : 0;
    customers[from][to]++;
    if (money) money[from][to] += r;
    const t = moveDirection(from, to) === 1 ? totals.up : moveDirection(from, to) === -1 ? totals.down : totals.same;
    t[0]++;
    t[1] += r;
  }
  const compared = totals.up[0] + totals.down[0] + totals.same[0];
  const move = ([c, r]: number[]): MoveTotals => ({ customers: c, revenue: revenue ? r : null });
  return {
    order: [...order],
    customers,
    revenue: money,
    upgrades: move(totals.up),
    downgrades: move(totals.down),
    stable: move(totals.same),
    compared,
    stableShare: compared > 0 ? totals.same[0] / compared : 0,
    entered,
    left,
    unassigned,
  };
}
