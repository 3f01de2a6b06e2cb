import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gaussianBlobs } from '../../src/analytics/blobs.ts';
import { sweepK } from '../../src/analytics/choose-k/sweep.ts';
import { splitSweep, sweepHalves } from '../../src/workers/split-sweep.ts';
import { inlineRunner, type TaskRunner } from '../../src/workers/tasks.ts';

describe('sweepHalves', () => {
  it('splits the default range 2..10 where the work is about even', () => {
    expect(sweepHalves(5000, {})).toEqual([
      { kMin: 2, kMax: 6 },
      { kMin: 7, kMax: 10 },
    ]);
  });

  it('leaves short or invalid ranges whole, and never has an empty half', () => {
    expect(sweepHalves(5000, { kMin: 2, kMax: 4 })).toBeNull();
    expect(sweepHalves(3, { kMin: 2, kMax: 10 })).toBeNull();
    expect(sweepHalves(100, { kMin: 0, kMax: 10 })).toBeNull();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 }), (kMin, extra) => {
        const halves = sweepHalves(1000, { kMin, kMax: kMin + extra });
        if (extra < 3) return halves === null;
        const [a, b] = halves!;
        return a.kMin === kMin && a.kMax! >= a.kMin! && b.kMin === a.kMax! + 1 && b.kMax! >= b.kMin! && b.kMax === kMin + extra;
      }),
    );
  });
});

describe('splitSweep', () => {
  const { matrix } = gaussianBlobs({ n: 300, d: 3, centers: 4, spread: 0.6, seed: 9 });

  it('gives exactly what one sweep over the whole range gives', async () => {
    for (const spec of [{ seed: 3 }, { kMin: 1, kMax: 8, seed: 5, restarts: 2 }, { kMin: 2, kMax: 7, metrics: ['silhouette' as const] }]) {
      const whole = sweepK(matrix, spec);
      const split = await splitSweep([inlineRunner, inlineRunner], [matrix, spec]);
      expect(split).toStrictEqual(whole);
    }
  });

  it('reports one progress over both halves, and a failed half stops the other', async () => {
    const seen: number[] = [];
    await splitSweep([inlineRunner, inlineRunner], [matrix, { seed: 1 }], { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBeCloseTo(1, 10);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);

    let stopped: AbortSignal | undefined;
    const failing: TaskRunner = { run: () => Promise.reject(new Error('the analytics worker failed: out of memory')) };
    const waiting: TaskRunner = {
      run: (_task, _args, options = {}) =>
        new Promise((_, reject) => {
          stopped = options.signal;
          options.signal?.addEventListener('abort', () => reject(new Error('cancelled')));
        }),
    };
    await expect(splitSweep([waiting, failing], [matrix, {}])).rejects.toThrow('out of memory');
    expect(stopped?.aborted).toBe(true);
  });

  it('is cancelled by its signal', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(splitSweep([inlineRunner, inlineRunner], [matrix, {}], { signal: controller.signal })).rejects.toThrow('cancelled');
  });
});
