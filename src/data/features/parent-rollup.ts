/** Groups customers under their parent accounts, following chains and breaking cycles. */
import type { OrderLines } from '../quality/order-lines.ts';

export interface ParentGroups {
  /** Group index per customer code. */
  groupOf: Int32Array;
  /** Group ids (the root account id). */
  ids: string[];
  /** Customers whose parent chain loops back on itself (they stand alone). */
  cycles: string[];
}

/**
 * Each customer's parent is the parent_id on most of its lines. A parent that is itself a
 * customer with a parent is followed to the root; a chain that loops makes every customer on
 * it stand alone (reported in `cycles`). Customers without a parent form their own group.
 */
export function resolveParents(lines: OrderLines): ParentGroups {
  const nc = lines.customerIds.length;
  const parentOf: (string | undefined)[] = new Array(nc);
  if (lines.parent) {
    const votes = new Map<number, Map<number, number>>();
    for (let i = 0; i < lines.rowCount; i++) {
      const p = lines.parent.codes[i];
      if (p < 0) continue;
      const c = lines.customer[i];
      const m = votes.get(c) ?? new Map<number, number>();
      m.set(p, (m.get(p) ?? 0) + 1);
      votes.set(c, m);
    }
    for (const [c, m] of votes) {
      let best = -1;
      let bestN = 0;
      for (const [p, k] of m) if (k > bestN) [best, bestN] = [p, k];
      const id = lines.parent.dictionary[best].trim().toUpperCase();
      if (id && id !== lines.customerIds[c]) parentOf[c] = id;
    }
  }
  const codeOf = new Map(lines.customerIds.map((id, c) => [id, c]));
  const root = (c: number): string | undefined => {
    const seen = new Set<number>([c]);
    let id = lines.customerIds[c];
    let cur: number | undefined = c;
    while (cur !== undefined && parentOf[cur] !== undefined) {
      id = parentOf[cur] as string;
      cur = codeOf.get(id);
      if (cur !== undefined) {
        if (seen.has(cur)) return undefined;
        seen.add(cur);
      }
    }
    return id;
  };
  const index = new Map<string, number>();
  const ids: string[] = [];
  const cycles: string[] = [];
  const groupOf = new Int32Array(nc);
  for (let c = 0; c < nc; c++) {
    let r = root(c);
    if (r === undefined) {
      cycles.push(lines.customerIds[c]);
      r = lines.customerIds[c];
    }
    let g = index.get(r);
    if (g === undefined) {
      g = ids.length;
      ids.push(r);
      index.set(r, g);
    }
    groupOf[c] = g;
  }
  return { groupOf, ids, cycles };
}
