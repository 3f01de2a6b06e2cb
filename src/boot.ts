// The page's entry: starts the analytics worker (and, when the page opens on the bundled sample,
// has it fetch the build's import of the sample), then loads the app (src/main.ts). The worker's
// bundle then loads and starts while the main bundle loads, instead of after it (see
// src/workers/early-worker.ts); the app adopts the worker for its interactive lane.
import { SAMPLE_META, samplePrefetchUrl, startEarlyWorker } from './workers/early-worker.ts';

let storage: Storage | null = null;
try {
  storage = localStorage;
} catch {
  // Storage disabled: nothing is kept.
}
startEarlyWorker(
  samplePrefetchUrl({ snapshot: document.querySelector<HTMLMetaElement>(`meta[name="${SAMPLE_META}"]`)?.content, href: location.href, storage }),
);
await import('./main.ts');
