import { describe, expect, it } from 'vitest';
import { ROBUSTNESS_RUN } from '../../cells/robustness.ts';
import type { NotebookEngine } from '../../src/runtime/index.ts';
import { openBlobs } from './fixtures.ts';

const status = (engine: NotebookEngine, name: string) => engine.state(name).status;
const value = <T>(engine: NotebookEngine, name: string) => engine.value(engine.node(name) as never) as Promise<T>;

interface BootstrapValue {
  result: { clusters: { cluster: number; size: number }[]; noise: { size: number } | null; replicates: number };
  labels: Int32Array;
}

describe('section 7, Robustness, in the notebook', () => {
  it('runs only when asked, on the notebook’s canonical cluster ids, and feeds the export', async () => {
    const engine = openBlobs({ k: 4, replicates: 20 });
    try {
      const clustering = await value<{ sizes: number[]; labels: Int32Array }>(engine, 'clustering');
      for (const cell of ROBUSTNESS_RUN) expect(status(engine, cell.name)).toBe('idle');
      expect(await value(engine, 'robustnessSummary')).toBeNull();
      const before = await value<{ confidence: Float64Array | null }>(engine, 'assignments');
      expect(before.confidence).toBeNull();

      await engine.runAll(ROBUSTNESS_RUN);
      for (const cell of ROBUSTNESS_RUN) expect(status(engine, cell.name)).toBe('ok');
      const b = await value<BootstrapValue>(engine, 'bootstrap');
      // cluster i of the bootstrap is cluster i of the clustering above
      expect(b.result.clusters.map((c) => c.size)).toEqual(clustering.sizes);
      expect(Array.from(b.labels)).toEqual(Array.from(clustering.labels));
      expect(b.result.replicates).toBe(20);
      // a customer table has no order dates: the period cell says so instead of failing
      expect(await value(engine, 'periodStability')).toEqual({ needs: 'order-lines' });

      const summary = await value<{ bootstrap: { replicates: number }; sensitivity: { pass: boolean | null }; holdout: { share: number }; periods: unknown }>(engine, 'robustnessSummary');
      expect(summary.bootstrap.replicates).toBe(20);
      expect(summary.holdout.share).toBeCloseTo(0.2, 12);
      expect(summary.periods ?? null).toBeNull();
      const config = await value<{ robustness?: unknown }>(engine, 'config');
      expect(config.robustness).toEqual(summary);
      const a = await value<{ confidence: Float64Array | null; labels: Int32Array }>(engine, 'assignments');
      expect(a.confidence).toHaveLength(a.labels.length);
      for (const c of a.confidence ?? []) expect(c >= 0 && c <= 1).toBe(true);

      // thresholds are judged again without running anything; the steps mark only the sensitivity stale
      const verdicts = await value<{ sensitivity: { thresholds: { minAri: number } } }>(engine, 'sensitivityVerdicts');
      expect(verdicts.sensitivity.thresholds.minAri).toBe(0.8);
      engine.setInput('minAri', 0.5);
      expect((await value<typeof verdicts>(engine, 'sensitivityVerdicts')).sensitivity.thresholds.minAri).toBe(0.5);
      expect(engine.state('sensitivity').stale).toBeUndefined();
      engine.setInput('weightSteps', '0.05');
      await value(engine, 'clustering');
      expect(engine.state('sensitivity').stale?.changes.map((c) => c.input)).toEqual(['weightSteps']);
      expect(status(engine, 'sensitivity')).toBe('ok');
      expect(engine.state('bootstrap').stale).toBeUndefined();
      // out-of-date evidence leaves the export
      expect(((await value<{ sensitivity: unknown }>(engine, 'robustnessSummary')).sensitivity)).toBeNull();
    } finally {
      engine.dispose();
    }
  }, 60_000);

  it('works for DBSCAN: noise is its own group, reported beside the clusters', async () => {
    const engine = openBlobs({ algorithm: 'dbscan', eps: 0.35, minPoints: 5, replicates: 10 });
    try {
      const clustering = await value<{ noise: number; sizes: number[] }>(engine, 'clustering');
      expect(clustering.noise).toBeGreaterThan(0);
      await engine.runAll(ROBUSTNESS_RUN);
      const b = await value<BootstrapValue>(engine, 'bootstrap');
      expect(b.result.clusters.map((c) => c.size)).toEqual(clustering.sizes);
      expect(b.result.noise?.size).toBe(clustering.noise);
      const summary = await value<{ bootstrap: { noise: { cluster: number } | null }; cluster: { algorithm: string } }>(engine, 'robustnessSummary');
      expect(summary.cluster.algorithm).toBe('dbscan');
      expect(summary.bootstrap.noise?.cluster).toBe(-1);
      for (const cell of ROBUSTNESS_RUN) expect(status(engine, cell.name)).toBe('ok');
    } finally {
      engine.dispose();
    }
  }, 60_000);

  it('works for Ward: the bootstrap and holdout on its canonical clusters', async () => {
    const engine = openBlobs({ algorithm: 'ward', k: 4, replicates: 10 });
    try {
      const clustering = await value<{ sizes: number[] }>(engine, 'clustering');
      await engine.runAll(ROBUSTNESS_RUN);
      for (const cell of ROBUSTNESS_RUN) expect(status(engine, cell.name)).toBe('ok');
      const b = await value<BootstrapValue>(engine, 'bootstrap');
      expect(b.result.clusters.map((c) => c.size)).toEqual(clustering.sizes);
      expect(b.result.noise).toBeNull();
      const summary = await value<{ cluster: { algorithm: string }; holdout: { ari: number | null } }>(engine, 'robustnessSummary');
      expect(summary.cluster.algorithm).toBe('ward');
      expect(summary.holdout.ari).not.toBeNull();
    } finally {
      engine.dispose();
    }
  }, 60_000);
});
