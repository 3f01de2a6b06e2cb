/**
 * Page side of bench/browser-robustness.ts: times the bootstrap in a dedicated worker while the
 * page's main thread ticks every 16 ms, so the longest gap between ticks shows whether the page
 * stayed responsive. Built by that bench into a temporary directory; never part of the app build.
 */
import type { Matrix } from '../../src/analytics/matrix.ts';
import type { BootstrapSpec } from '../../src/analytics/stability/bootstrap.ts';

/** Result of `window.benchBootstrap`. */
export interface PageBootstrapTimes {
  /** Wall ms of each timed run, worker start to result on the main thread (after one warm-up). */
  times: number[];
  /** Longest gap between two main-thread ticks (scheduled every 16 ms) during the timed runs. */
  longestTickGapMs: number;
  /** Progress messages received in the last run. */
  progressMessages: number;
}

declare global {
  interface Window {
    benchBootstrap(matrix: { n: number; d: number; data: number[] }, spec: BootstrapSpec, runs: number): Promise<PageBootstrapTimes>;
  }
}

function runOnce(matrix: Matrix, spec: BootstrapSpec): Promise<{ ms: number; progress: number }> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
    const t = performance.now();
    let progress = 0;
    worker.onmessage = (event: MessageEvent<{ type: string }>) => {
      if (event.data.type === 'progress') progress++;
      else {
        resolve({ ms: performance.now() - t, progress });
        worker.terminate();
      }
    };
    // a copy, as a cell would post it: the page keeps its matrix
    worker.postMessage({ matrix: { n: matrix.n, d: matrix.d, data: Float64Array.from(matrix.data) }, spec });
  });
}

window.benchBootstrap = async (plain, spec, runs) => {
  const matrix: Matrix = { n: plain.n, d: plain.d, data: Float64Array.from(plain.data) };
  await runOnce(matrix, spec);
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 16);
  const times: number[] = [];
  let progressMessages = 0;
  for (let r = 0; r < runs; r++) {
    const { ms, progress } = await runOnce(matrix, spec);
    times.push(ms);
    progressMessages = progress;
  }
  clearInterval(ticker);
  return { times, longestTickGapMs: longest, progressMessages };
};
