import { describe, expect, it } from 'vitest';
import { monteCarloWeights, withMinAri } from '../../../src/analytics/stability/monte-carlo.ts';
import { judgeSensitivity, stepsFromSizes, weightSensitivity } from '../../../src/analytics/stability/sensitivity.ts';
import { square } from './fixtures.ts';

describe('judging a run again against edited thresholds', () => {
  const { m, weights } = square();
  const cluster = { algorithm: 'kmeans' as const, k: 2, restarts: 10 };

  it('gives the verdicts a run with those thresholds gives, reclustering nothing', () => {
    const strict = weightSensitivity(m, { cluster, features: ['a', 'b'], weights, steps: [-0.1, 0.1] });
    expect(strict.pass).toBe(false);
    const thresholds = { minAri: -1, maxShareChanged: 0.5 };
    const loose = judgeSensitivity(strict, thresholds);
    expect(loose).toEqual(weightSensitivity(m, { cluster, features: ['a', 'b'], weights, steps: [-0.1, 0.1], thresholds }));
    expect(loose.pass).toBe(true);
    expect(loose.weights).toBe(strict.weights); // the steps themselves are kept as they ran
    // and back
    expect(judgeSensitivity(loose, {})).toEqual(strict);
    expect(() => judgeSensitivity(strict, { maxShareChanged: 2 })).toThrow('invalid maxShareChanged: 2');
  });

  it('reads Monte Carlo draws against another minimum ARI', () => {
    const r = monteCarloWeights(m, { cluster, features: ['a', 'b'], weights, draws: 20, range: 0.3, seed: 3 });
    expect(withMinAri(r, r.thresholds.minAri)).toEqual(r);
    // the draws are all or nothing (ARI 1 or about 0): a minimum of 0.5 splits them the same way
    expect(withMinAri(r, 0.5).belowMinAri).toBe(r.belowMinAri);
    expect(withMinAri(r, 0).belowMinAri).toBe(Array.from(r.ari).filter((x) => x < 0).length / 20);
    expect(withMinAri(r, 0.5).ari).toBe(r.ari);
  });

  it('names the option in a bad step size', () => {
    expect(stepsFromSizes('0.2, 0.1')).toEqual([-0.2, -0.1, 0.1, 0.2]);
    expect(() => stepsFromSizes('0.1,1.5', 'weightSteps')).toThrow('invalid weightSteps: "1.5" (expected sizes between 0 and 1');
  });
});
