/**
 * Agreement between two tierings of the same customers (e.g. bottom-up and top-down): the
 * Adjusted Rand Index, the contingency table by tier name, and the customers on which they
 * disagree. Customers without a tier in either are left out and counted. Two tiers agree when
 * they carry the same name; the ARI ignores names and compares the partitions only.
 */
import { adjustedRandIndex } from '../agreement/ari.ts';
import type { Tiering } from './tiering.ts';

export interface Disagreement {
  readonly row: number;
  readonly id: string;
  readonly a: string;
  readonly b: string;
}

export interface TieringAgreement {
  /** ARI over the customers tiered by both; NaN when fewer than two. */
  readonly ari: number;
  /** Customers tiered by both. */
  readonly compared: number;
  /** Customers without a tier in one or both. */
  readonly leftOut: number;
  /** Share of compared customers whose tier names match. */
  readonly sameName: number;
  /** Rows: tiers of `a`; columns: tiers of `b`; counts[i][j] customers. */
  readonly rowNames: readonly string[];
  readonly columnNames: readonly string[];
  readonly counts: number[][];
  /** Customers whose tier names differ, in row order. */
  readonly disagreements: readonly Disagreement[];
}

export function tieringAgreement(a: Pick<Tiering, 'names' | 'tier'>, b: Pick<Tiering, 'names' | 'tier'>, ids: readonly string[]): TieringAgreement {
  const n = a.tier.length;
  if (b.tier.length !== n || ids.length !== n) throw new Error(`invalid tierings: ${n} and ${b.tier.length} customers, ${ids.length} ids`);
  const counts = a.names.map(() => new Array<number>(b.names.length).fill(0));
  const la: number[] = [];
  const lb: number[] = [];
  const disagreements: Disagreement[] = [];
  for (let i = 0; i < n; i++) {
    const ta = a.tier[i];
    const tb = b.tier[i];
    if (ta < 0 || tb < 0) continue;
    counts[ta][tb]++;
    la.push(ta);
    lb.push(tb);
    if (a.names[ta] !== b.names[tb]) disagreements.push({ row: i, id: ids[i], a: a.names[ta], b: b.names[tb] });
  }
  const compared = la.length;
  return {
    ari: compared < 2 ? NaN : adjustedRandIndex(la, lb),
    compared,
    leftOut: n - compared,
    sameName: compared ? (compared - disagreements.length) / compared : NaN,
    rowNames: a.names,
    columnNames: b.names,
    counts,
    disagreements,
  };
}

/** Disagreements whose id or either tier name contains `query` (case-insensitive); all for ''. */
export function searchDisagreements(list: readonly Disagreement[], query: string): Disagreement[] {
  const q = query.trim().toLowerCase();
  if (q === '') return [...list];
  return list.filter((d) => d.id.toLowerCase().includes(q) || d.a.toLowerCase().includes(q) || d.b.toLowerCase().includes(q));
}
