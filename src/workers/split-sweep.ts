/**
 * The k sweep split over two workers: each k's clustering and metrics depend on that k only (the
 * same seed and tolerance for every k), so the lower and the upper ks run side by side and the
 * two results are put back together exactly as one sweep over all of them would give them: the
 * points and issues in k order, the knee over the whole inertia curve (tests/workers/split-sweep.test.ts).
 */
import { sweepKnee } from '../analytics/choose-k/knee.ts';
import type { SweepResult, SweepSpec } from '../analytics/choose-k/sweep.ts';
import type { Matrix } from '../analytics/matrix.ts';
import { abortError, type RunOptions, type TaskRunner } from './tasks.ts';

type SweepArgs = [Matrix, Omit<SweepSpec, 'onProgress' | 'signal'>];

/** A k's share of a sweep's work: its k-means (about k) and its metrics (as `sweepK` counts them). */
const weight = (k: number) => k + 12;

/**
 * The two halves of a sweep's k range, split where the work is about even, or null when the
 * range is too short to split (fewer than 4 ks) or invalid (the single sweep reports it).
 */
export function sweepHalves(n: number, spec: SweepArgs[1]): [SweepArgs[1], SweepArgs[1]] | null {
  const kMin = spec.kMin ?? 2;
  const kMax = Math.min(spec.kMax ?? 10, n);
  if (!Number.isInteger(kMin) || !Number.isInteger(kMax) || kMin < 1 || kMax - kMin + 1 < 4) return null;
  let total = 0;
  for (let k = kMin; k <= kMax; k++) total += weight(k);
  let lower = 0;
  let split = kMin;
  while (split < kMax - 1 && lower + weight(split) <= total / 2) lower += weight(split++);
  return [
    { ...spec, kMin, kMax: split - 1 },
    { ...spec, kMin: split, kMax },
  ];
}

/** One sweep's result from its halves' (lower ks first), as `sweepK` over the whole range gives it. */
export function mergeSweeps(lower: SweepResult, upper: SweepResult): SweepResult {
  const points = [...lower.points, ...upper.points];
  return { points, kneeK: sweepKnee(points), issues: [...lower.issues, ...upper.issues] };
}

/**
 * Runs a sweep as two halves on two runners at once, with one progress (weighted by the halves'
 * work) and one Cancel; a failure of either half stops the other. A range too short to split runs
 * whole on the first runner.
 */
export async function splitSweep(runners: readonly [TaskRunner, TaskRunner], args: SweepArgs, options: RunOptions = {}): Promise<SweepResult> {
  const [m, spec] = args;
  const halves = sweepHalves(m.n, spec);
  if (!halves) return runners[0].run('sweep', args, options);
  if (options.signal?.aborted) throw abortError();
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const work = halves.map((h) => {
    let w = 0;
    for (let k = h.kMin ?? 2; k <= (h.kMax ?? 10); k++) w += weight(k);
    return w;
  });
  const done = [0, 0];
  const report = () => options.onProgress?.((done[0] * work[0] + done[1] * work[1]) / (work[0] + work[1]));
  try {
    const [lower, upper] = await Promise.all(
      halves.map((half, i) =>
        runners[i]
          .run('sweep', [m, half], {
            ...options,
            signal: stop.signal,
            onProgress: (f) => {
              done[i] = f;
              report();
            },
          })
          .catch((error: unknown) => {
            stop.abort();
            throw error;
          }),
      ),
    );
    return mergeSweeps(lower, upper);
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
  }
}
