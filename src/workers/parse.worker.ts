/// <reference lib="webworker" />
/**
 * A Web Worker that reads parts of large delimited files for the analytics worker, which starts
 * it (a nested worker: see part-pool.ts and analytics.worker.ts).
 */
import { answerPart, type PartRequest } from './part-pool.ts';

declare const self: DedicatedWorkerGlobalScope;

self.onmessage = (event: MessageEvent<PartRequest>) => {
  const { reply, transfer } = answerPart(event.data);
  self.postMessage(reply, transfer);
};
