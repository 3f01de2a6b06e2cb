/// <reference lib="webworker" />
/**
 * Worker side of bench/browser-robustness.ts: the bootstrap as the app's background lane would
 * run it (progress at most ~20 times a second, the result posted with its typed arrays moved).
 */
import type { Matrix } from '../../src/analytics/matrix.ts';
import { bootstrapStability, type BootstrapSpec } from '../../src/analytics/stability/bootstrap.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<{ matrix: Matrix; spec: BootstrapSpec }>) => {
  let last = 0;
  const result = bootstrapStability(event.data.matrix, event.data.spec, {
    onProgress: (fraction) => {
      const now = performance.now();
      if (now - last < 50 && fraction < 1) return;
      last = now;
      self.postMessage({ type: 'progress', fraction });
    },
  });
  const c = result.customers;
  self.postMessage({ type: 'result', result }, [c.confidence.buffer, c.alternative.buffer, c.drawn.buffer]);
};
