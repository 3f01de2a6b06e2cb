import { describe, expect, it } from 'vitest';
import { clustering, previewLabels } from '../../cells/cluster.ts';
import { prepare } from '../../src/analytics/prepare/prepare.ts';
import { gaussianBlobs } from '../../src/analytics/blobs.ts';
import { column } from '../../src/analytics/matrix.ts';
import { isCanonical } from '../../src/analytics/cluster/canonical.ts';
import { inlineHost } from '../../src/workers/host.ts';
import type { RunContext } from '../../src/runtime/index.ts';

const context: RunContext = { signal: new AbortController().signal, progress: () => {}, lane: 'interactive' };

function data(scaleB = 1) {
  const { matrix } = gaussianBlobs({ n: 600, d: 2, centers: 3, seed: 3 });
  const columns = { a: column(matrix, 0), b: column(matrix, 1) };
  return prepare(columns, { features: ['a', 'b'], weights: { b: scaleB } });
}

const settings = { algorithm: 'kmeans' as const, k: 3, seed: 1, eps: 1, minPoints: 5, host: inlineHost };

describe('clustering cell', () => {
  it('is reproducible and numbers clusters canonically (by size, largest first)', async () => {
    const a = (await clustering.run({ ...settings, prepared: data() }, context));
    const b = (await clustering.run({ ...settings, prepared: data() }, context));
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.sizes[0]).toBeGreaterThanOrEqual(a.sizes[1]);
    expect(a.sizes[1]).toBeGreaterThanOrEqual(a.sizes[2]);
    expect(isCanonical(a.labels, a.k)).toBe(true);
  });

  it('gives the same ids whatever ran before: a different seed in between changes nothing', async () => {
    const direct = (await clustering.run({ ...settings, prepared: data() }, context));
    await clustering.run({ ...settings, seed: 99, prepared: data() }, context);
    const after = (await clustering.run({ ...settings, prepared: data() }, context));
    expect(Array.from(after.labels)).toEqual(Array.from(direct.labels));
    expect(toArrays(after.centroids.data)).toEqual(toArrays(direct.centroids.data));
  });
});

const toArrays = (x: Float64Array) => Array.from(x);

describe('live preview', () => {
  it('shows the settled labels for the matrix the clustering ran on', async () => {
    const prepared = data();
    const settled = (await clustering.run({ ...settings, prepared }, context));
    const preview = await previewLabels.run({ prepared, clustering: settled, host: inlineHost }, context);
    expect(preview.warm).toBe(false);
    expect(preview.labels).toBe(settled.labels);
  });

  it('warm-starts from the settled centroids on a changed matrix: cluster c starts at centroid c, so ids match', async () => {
    const settled = (await clustering.run({ ...settings, prepared: data() }, context));
    const preview = await previewLabels.run({ prepared: data(1.2), clustering: settled, host: inlineHost }, context);
    expect(preview.warm).toBe(true);
    let same = 0;
    preview.labels.forEach((l, i) => (same += l === settled.labels[i] ? 1 : 0));
    expect(same / preview.labels.length).toBeGreaterThan(0.9);
  });

  it('runs the warm start as a task (the interactive worker in the browser), whatever the number of customers', async () => {
    const calls: { task: string; lane?: string }[] = [];
    const host = {
      ...inlineHost,
      tasks: {
        run: ((task, args, options) => {
          calls.push({ task, lane: options?.lane });
          return inlineHost.tasks.run(task, args, options);
        }) as typeof inlineHost.tasks.run,
      },
    };
    const settled = await clustering.run({ ...settings, prepared: data() }, context);
    const preview = await previewLabels.run({ prepared: data(1.2), clustering: settled, host }, context);
    expect(calls).toEqual([{ task: 'warmLabels', lane: 'interactive' }]);
    const direct = await previewLabels.run({ prepared: data(1.2), clustering: settled, host: inlineHost }, context);
    expect(Array.from(preview.labels)).toEqual(Array.from(direct.labels));
  });

  it('previews above 20,000 customers too (it used to wait for the release there)', async () => {
    const big = (scaleB: number) => {
      const { matrix } = gaussianBlobs({ n: 25_000, d: 2, centers: 3, seed: 5 });
      return prepare({ a: column(matrix, 0), b: column(matrix, 1) }, { features: ['a', 'b'], weights: { b: scaleB } });
    };
    const settled = await clustering.run({ ...settings, prepared: big(1) }, context);
    const preview = await previewLabels.run({ prepared: big(1.1), clustering: settled, host: inlineHost }, context);
    expect(preview.warm).toBe(true);
    expect(preview.labels).toHaveLength(25_000);
  });
});
