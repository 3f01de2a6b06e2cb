import type { SweepResult } from './sweep.ts';

/** The k a sweep recommends, by the two readings people act on. */
export interface KSuggestion {
  /** k at the knee of the inertia curve (the elbow), or null without one. */
  readonly knee: number | null;
  /** k with the highest mean silhouette (ties: the smaller k), or null without silhouettes. */
  readonly silhouette: number | null;
}

/** Reads the suggested k off a sweep: its knee and its best silhouette. */
export function suggestK(sweep: SweepResult): KSuggestion {
  let best: { k: number; s: number } | null = null;
  for (const p of sweep.points) {
    if (p.silhouette === null || !Number.isFinite(p.silhouette)) continue;
    if (best === null || p.silhouette > best.s) best = { k: p.k, s: p.silhouette };
  }
  return { knee: sweep.kneeK, silhouette: best?.k ?? null };
}
