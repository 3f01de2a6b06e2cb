// The page's entry: starts the analytics worker, then loads the app (src/main.ts). The worker's
// bundle then loads and starts while the main bundle loads, instead of after it (see
// src/workers/early-worker.ts); the app adopts the worker for its interactive lane.
import { startEarlyWorker } from './workers/early-worker.ts';

startEarlyWorker();
await import('./main.ts');
