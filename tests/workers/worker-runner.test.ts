import { describe, expect, it } from 'vitest';
import { laneRunner, workerRunner } from '../../src/workers/worker-runner.ts';
import type { TaskReply, TaskRequest } from '../../src/workers/protocol.ts';

/** A stand-in Web Worker: records requests; the test answers them. */
class FakeWorker extends EventTarget {
  requests: TaskRequest[] = [];
  terminated = false;
  postMessage(request: TaskRequest): void {
    this.requests.push(request);
  }
  reply(reply: TaskReply): void {
    this.dispatchEvent(new MessageEvent('message', { data: reply }));
  }
  terminate(): void {
    this.terminated = true;
  }
}

/** A worker factory for the runners, and every worker it made. */
function fakeWorkers() {
  const workers: FakeWorker[] = [];
  const create = () => {
    workers.push(new FakeWorker());
    return workers.at(-1) as unknown as Worker;
  };
  return { workers, create };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('workerRunner', () => {
  it('reports progress 0 as soon as a task is handed over, then what the worker reports, then the result', async () => {
    const worker = new FakeWorker();
    const runner = workerRunner(() => worker as unknown as Worker);
    const seen: [number, string | undefined][] = [];
    const result = runner.run('kDistance', [{ n: 0, d: 1, data: new Float64Array(0) }, 3], { onProgress: (f, m) => seen.push([f, m]) });
    expect(seen).toEqual([[0, undefined]]);
    await flush();
    const id = worker.requests[0].id;
    worker.reply({ id, type: 'progress', fraction: 0.5, message: 'half' });
    worker.reply({ id, type: 'result', value: new Float64Array([1, 2]) });
    expect(Array.from(await result)).toEqual([1, 2]);
    expect(seen).toEqual([
      [0, undefined],
      [0.5, 'half'],
    ]);
  });

  it('runs one task at a time and terminates the worker on cancel', async () => {
    const { workers, create } = fakeWorkers();
    const runner = workerRunner(create);
    const controller = new AbortController();
    const m = { n: 0, d: 1, data: new Float64Array(0) };
    const first = runner.run('kDistance', [m, 3], { signal: controller.signal });
    const second = runner.run('kDistance', [m, 4]);
    await flush();
    expect(workers[0].requests).toHaveLength(1);
    controller.abort();
    await expect(first).rejects.toThrow('cancelled');
    expect(workers[0].terminated).toBe(true);
    await flush();
    // The queued task starts on a fresh worker.
    expect(workers).toHaveLength(2);
    workers[1].reply({ id: workers[1].requests[0].id, type: 'result', value: new Float64Array([7]) });
    expect(Array.from(await second)).toEqual([7]);
  });
});

describe('laneRunner', () => {
  it('sends background work to its own worker', async () => {
    const { workers, create } = fakeWorkers();
    const runner = laneRunner(create);
    const m = { n: 0, d: 1, data: new Float64Array(0) };
    void runner.run('kDistance', [m, 3], { lane: 'background' });
    void runner.run('kDistance', [m, 3], { lane: 'interactive' });
    await flush();
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.requests.length)).toEqual([1, 1]);
  });

  it('gives the live preview its own worker: a drag never waits behind the clustering', async () => {
    const { workers, create } = fakeWorkers();
    const runner = laneRunner(create);
    const m = { n: 0, d: 1, data: new Float64Array(0) };
    void runner.run('cluster', [m, { algorithm: 'kmeans', k: 2 }], { lane: 'interactive' });
    const live = runner.run('warmLabels', [m, m, 3], { lane: 'interactive' });
    await flush();
    expect(workers).toHaveLength(2);
    expect(workers.map((w) => w.requests.map((r) => r.task))).toEqual([['cluster'], ['warmLabels']]);
    const labels = new Int32Array(0);
    workers[1].reply({ id: workers[1].requests[0].id, type: 'result', value: labels });
    expect(await live).toBe(labels);
  });

  it('gives long background tasks a worker of their own: quick diagnostics never queue behind the k sweep', async () => {
    const { workers, create } = fakeWorkers();
    const runner = laneRunner(create);
    const m = { n: 0, d: 1, data: new Float64Array(0) };
    void runner.run('sweep', [m, { kMin: 2, kMax: 3 }], { lane: 'background' });
    void runner.run('silhouette', [m, new Int32Array(0)], { lane: 'background' });
    void runner.run('kDistance', [m, 3], { lane: 'background' });
    await flush();
    expect(workers.map((w) => w.requests.map((r) => r.task))).toEqual([['sweep'], ['silhouette']]);
  });

  it('runs a k sweep as two halves on two workers', async () => {
    const { workers, create } = fakeWorkers();
    const runner = laneRunner(create);
    const m = { n: 100, d: 1, data: new Float64Array(100) };
    void runner.run('sweep', [m, { kMin: 2, kMax: 10 }], { lane: 'background' });
    await flush();
    expect(workers.map((w) => w.requests.map((r) => [r.task, (r.args[1] as { kMin: number; kMax: number }).kMin, (r.args[1] as { kMax: number }).kMax]))).toEqual([
      [['sweep', 2, 6]],
      [['sweep', 7, 10]],
    ]);
  });
});
