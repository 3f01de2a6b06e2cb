import type { SweepPoint } from './sweep.ts';

/**
 * Index of the knee of a curve (e.g. inertia against k): the point farthest from the chord
 * between the first and last points, after scaling both axes to [0, 1] so that the units of
 * inertia do not decide. Returns 0 when there are fewer than 3 points or the curve is flat.
 */
export function kneeIndex(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length;
  if (n !== ys.length) throw new Error(`invalid curve: ${n} x values and ${ys.length} y values`);
  if (n < 3) return 0;
  const span = (v: readonly number[]) => Math.max(...v) - Math.min(...v) || 1;
  const sx = span(xs);
  const sy = span(ys);
  const x = xs.map((v) => (v - xs[0]) / sx);
  const y = ys.map((v) => (v - ys[0]) / sy);
  const dx = x[n - 1];
  const dy = y[n - 1];
  const len = Math.hypot(dx, dy);
  if (len === 0) return 0;
  let best = 0;
  let bestDist = 0;
  for (let i = 1; i < n - 1; i++) {
    const dist = Math.abs(dx * y[i] - dy * x[i]) / len;
    if (dist > bestDist) {
      bestDist = dist;
      best = i;
    }
  }
  return best;
}

/** k at the knee of the points' inertia curve (null without inertia or with fewer than 3 k). */
export function sweepKnee(points: readonly Pick<SweepPoint, 'k' | 'inertia'>[]): number | null {
  const withInertia = points.filter((p) => p.inertia !== null);
  return withInertia.length >= 3
    ? withInertia[
        kneeIndex(
          withInertia.map((p) => p.k),
          withInertia.map((p) => p.inertia as number),
        )
      ].k
    : null;
}
