import { describe, expect, it } from 'vitest';
import { projection } from '../../cells/project.ts';
import { prepare } from '../../src/analytics/prepare/prepare.ts';
import { gaussianBlobs } from '../../src/analytics/blobs.ts';
import { column } from '../../src/analytics/matrix.ts';
import { pca } from '../../src/analytics/project/pca.ts';
import { inlineHost, type Host } from '../../src/workers/host.ts';
import type { RunContext } from '../../src/runtime/index.ts';

const context: RunContext = { signal: new AbortController().signal, progress: () => {}, lane: 'interactive' };

describe('projection cell', () => {
  it('runs the PCA as a task in the lane it is given (the interactive worker in the browser), with the same result as inline', async () => {
    const { matrix } = gaussianBlobs({ n: 300, d: 3, centers: 3, seed: 4 });
    const prepared = prepare({ a: column(matrix, 0), b: column(matrix, 1), c: column(matrix, 2) }, { features: ['a', 'b', 'c'] });
    const calls: { task: string; lane?: string; signal: boolean }[] = [];
    const host: Host = {
      ...inlineHost,
      tasks: {
        run: ((task, args, options) => {
          calls.push({ task, lane: options?.lane, signal: options?.signal !== undefined });
          return inlineHost.tasks.run(task, args, options);
        }) as Host['tasks']['run'],
      },
    };
    const result = await projection.run({ prepared, host }, context);
    // No signal: cancelling a worker task terminates the worker, once per drag step.
    expect(calls).toEqual([{ task: 'pca', lane: 'interactive', signal: false }]);
    const direct = pca(prepared.matrix, { components: 2 });
    expect(Array.from(result.scores)).toEqual(Array.from(direct.scores));
    expect(result.explainedVarianceRatio).toEqual(direct.explainedVarianceRatio);
  });
});
