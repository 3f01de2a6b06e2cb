/**
 * The interactive analytics worker, started by the page's first, small script (src/boot.ts)
 * while the main bundle is still loading: the worker's own bundle then loads and starts in
 * parallel, and is ready for the sample's import when the notebook asks for it. When the page
 * will open on the bundled sample, the worker also fetches and decodes the build's import of it
 * (src/workers/sample-snapshot.ts) right away, so the import is done before the app asks.
 */
import { readDataNote } from '../app/data-note.ts';
import type { PrefetchRequest } from './protocol.ts';

/** The meta tag by which the built page names the sample's snapshot file (vite.config.ts). */
export const SAMPLE_META = 'tierbook-sample';

/** The notebook a page opens on without `?notebook=` (notebooks/segmentation.ts; a test holds them equal). */
export const DEFAULT_NOTEBOOK_ID = 'segmentation';

/** A new analytics worker (its bundle is one file, shared by every lane). */
export function analyticsWorker(): Worker {
  return new Worker(new URL('./analytics.worker.ts', import.meta.url), { type: 'module' });
}

let early: Worker | undefined;

/** Starts the worker the interactive lane will use (once); `prefetch`: the sample snapshot's URL to fetch now. */
export function startEarlyWorker(prefetch?: string): void {
  if (typeof Worker !== 'function') return;
  early ??= analyticsWorker();
  if (prefetch) early.postMessage({ type: 'prefetch', url: prefetch } satisfies PrefetchRequest);
}

/** The worker `startEarlyWorker` started, handed out once (undefined when none was started). */
export function takeEarlyWorker(): Worker | undefined {
  const worker = early;
  early = undefined;
  return worker;
}

/** What the first script knows of the page, before the app loads. */
export interface PageStart {
  /** The snapshot file the meta tag names (none: the dev server, which ships none). */
  readonly snapshot: string | null | undefined;
  /** The page's address (the snapshot's name is relative to it). */
  readonly href: string;
  readonly storage: Pick<Storage, 'getItem'> | null;
}

/**
 * The sample snapshot worth fetching before the app asks: only when the page opens the
 * segmentation notebook on the bundled sample, that is, with no file of the person's own kept
 * in this browser and no other notebook asked for in the address (the review notebook reads a
 * config). Settings saved for the sample that change how it is imported give another snapshot
 * name: the app then fetches (or generates) that one and this fetch was in vain, nothing worse.
 */
export function samplePrefetchUrl(page: PageStart): string | undefined {
  if (!page.snapshot) return undefined;
  const url = new URL(page.href);
  if (url.searchParams.has('notebook')) return undefined;
  // readDataNote reads storage that cannot be read (disabled) as nothing kept.
  if (page.storage && readDataNote(page.storage, DEFAULT_NOTEBOOK_ID)) return undefined;
  return new URL(page.snapshot, url).href;
}
