/**
 * Impact ratio of a favourable outcome (a top tier, priority allocation, not being downgraded)
 * per group: rate_g = favourable_g / customers_g, ratio_g = rate_g / the highest rate among
 * the screened groups. A screened group (more than `minShare` of the customers, default 2%)
 * with a ratio below `threshold` (default 0.8, the four-fifths rule) is flagged. Smaller
 * groups are reported but not flagged: their rates are unreliable.
 */

export interface ImpactRatioSpec {
  /** Groups at or below this share of customers are not screened. Default 0.02. */
  readonly minShare?: number;
  /** Ratios below this are flagged. Default 0.8. */
  readonly threshold?: number;
}

export interface GroupImpact {
  readonly group: string;
  readonly customers: number;
  /** Share of all customers. */
  readonly share: number;
  readonly favourable: number;
  /** favourable / customers. */
  readonly rate: number;
  /** rate / highest screened rate; null when no screened group has a favourable outcome. */
  readonly ratio: number | null;
  /** Whether the group is large enough to screen (share > minShare). */
  readonly screened: boolean;
  /** Screened and ratio < threshold. */
  readonly flagged: boolean;
}

export interface ImpactRatios {
  readonly minShare: number;
  readonly threshold: number;
  /** Groups by size, largest first (ties by name). */
  readonly groups: GroupImpact[];
  /** The screened group with the highest rate (the ratios' denominator), or null. */
  readonly reference: string | null;
  readonly flagged: string[];
}

/** Label used for customers without a value of the attribute. */
export const MISSING_GROUP = '(missing)';

export function impactRatios(groups: readonly string[], favourable: ArrayLike<boolean>, spec: ImpactRatioSpec = {}): ImpactRatios {
  const minShare = spec.minShare ?? 0.02;
  const threshold = spec.threshold ?? 0.8;
  if (!(minShare >= 0 && minShare < 1)) throw new Error(`invalid minimum group share: ${minShare} (expected a fraction in [0, 1))`);
  if (!(threshold > 0)) throw new Error(`invalid impact-ratio threshold: ${threshold} (expected a number > 0)`);
  if (groups.length !== favourable.length) throw new Error(`invalid outcome: ${favourable.length} outcomes for ${groups.length} customers`);
  const counts = new Map<string, { customers: number; favourable: number }>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] === '' ? MISSING_GROUP : groups[i];
    const c = counts.get(g) ?? { customers: 0, favourable: 0 };
    c.customers++;
    if (favourable[i]) c.favourable++;
    counts.set(g, c);
  }
  const n = groups.length;
  const rows = [...counts].map(([group, c]) => ({ group, ...c, share: c.customers / n, rate: c.favourable / c.customers, screened: c.customers / n > minShare }));
  rows.sort((a, b) => b.customers - a.customers || (a.group < b.group ? -1 : 1));
  let best: (typeof rows)[number] | null = null;
  for (const r of rows) if (r.screened && (best === null || r.rate > best.rate)) best = r;
  const top = best && best.rate > 0 ? best.rate : null;
  const out = rows.map((r): GroupImpact => {
    const ratio = top === null ? null : r.rate / top;
    return { ...r, ratio, flagged: r.screened && ratio !== null && ratio < threshold };
  });
  return { minShare, threshold, groups: out, reference: top === null ? null : (best?.group ?? null), flagged: out.filter((g) => g.flagged).map((g) => g.group) };
}
