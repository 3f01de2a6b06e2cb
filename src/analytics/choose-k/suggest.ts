import type { SweepPoint, SweepResult } from './sweep.ts';

/** The k each diagnostic recommends (null when it was not computed). Ties go to the smaller k. */
export interface KSuggestion {
  /** The knee of the inertia curve (the elbow). */
  readonly knee: number | null;
  /** The highest mean silhouette. */
  readonly silhouette: number | null;
  /** The highest Calinski-Harabasz index. */
  readonly calinskiHarabasz: number | null;
  /** The lowest Davies-Bouldin index. */
  readonly daviesBouldin: number | null;
}

type Scored = Pick<SweepPoint, 'k' | 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin'>;

function best(points: readonly Scored[], key: 'silhouette' | 'calinskiHarabasz' | 'daviesBouldin', higher: boolean): number | null {
  let pick: { k: number; v: number } | null = null;
  for (const p of points) {
    const v = p[key];
    if (v === null || !Number.isFinite(v)) continue;
    if (pick === null || (higher ? v > pick.v : v < pick.v)) pick = { k: p.k, v };
  }
  return pick?.k ?? null;
}

/** Reads the recommended k off a sweep: its knee and the best k of each metric. */
export function suggestK(sweep: { readonly points: readonly Scored[]; readonly kneeK: SweepResult['kneeK'] }): KSuggestion {
  return {
    knee: sweep.kneeK,
    silhouette: best(sweep.points, 'silhouette', true),
    calinskiHarabasz: best(sweep.points, 'calinskiHarabasz', true),
    daviesBouldin: best(sweep.points, 'daviesBouldin', false),
  };
}
