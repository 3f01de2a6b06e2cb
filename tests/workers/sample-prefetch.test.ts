import { afterEach, describe, expect, it, vi } from 'vitest';
import { gzipSync } from 'node:zlib';
import { DEFAULT_NOTEBOOK_ID, samplePrefetchUrl } from '../../src/workers/early-worker.ts';
import { encodeSnapshot } from '../../src/workers/snapshot-codec.ts';
import { fetchSampleSnapshot, prefetchSampleSnapshot, sampleReplies, sampleSnapshotName } from '../../src/workers/sample-snapshot.ts';
import { writeDataNote } from '../../src/app/data-note.ts';
import { segmentation } from '../../notebooks/segmentation.ts';

const memoryStorage = () => {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
    removeItem: (k: string) => void items.delete(k),
  };
};

describe('which sample snapshot the first script has the worker fetch', () => {
  const page = { snapshot: 'sample-import-0123456789abcdef.bin', href: 'https://example.org/tierbook/?k=5', storage: memoryStorage() };

  it('the one the page names, relative to the page, when the page opens on the sample', () => {
    expect(samplePrefetchUrl(page)).toBe('https://example.org/tierbook/sample-import-0123456789abcdef.bin');
  });

  it('none without a snapshot (the dev server), for the review notebook, or with a file of the person’s own kept', () => {
    expect(samplePrefetchUrl({ ...page, snapshot: undefined })).toBeUndefined();
    expect(samplePrefetchUrl({ ...page, href: 'https://example.org/tierbook/?notebook=review' })).toBeUndefined();
    const storage = memoryStorage();
    writeDataNote(storage, DEFAULT_NOTEBOOK_ID, { name: 'orders.csv', size: 10 });
    expect(samplePrefetchUrl({ ...page, storage })).toBeUndefined();
    const broken = { getItem: () => { throw new Error('storage disabled'); } };
    expect(samplePrefetchUrl({ ...page, storage: broken })).toBe('https://example.org/tierbook/sample-import-0123456789abcdef.bin');
  });

  it('reads the note of the notebook the page opens by default', () => {
    expect(DEFAULT_NOTEBOOK_ID).toBe(segmentation.id);
  });
});

describe('a prefetched snapshot', () => {
  afterEach(() => vi.unstubAllGlobals());
  const spec = { quality: { disabled: [] } };
  const base = 'https://example.org/tierbook/';

  it('is taken by the import with the same settings, once, and fetched only once', async () => {
    const url = new URL(await sampleSnapshotName(spec), base).href;
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (u: string | URL) => {
      fetched.push(String(u));
      const reply = { task: 'cluster', args: [fetched.length], value: { labels: Int32Array.of(fetched.length) } };
      return new Response(encodeSnapshot({ import: { imported: { n: new Int32Array([fetched.length]) }, fingerprint: 'f', bytes: 1 }, replies: [reply] }) as Uint8Array<ArrayBuffer>);
    });
    prefetchSampleSnapshot(url);
    prefetchSampleSnapshot(url);
    const first = await fetchSampleSnapshot(spec, base);
    expect(fetched).toEqual([url]);
    expect(first).toMatchObject({ fingerprint: 'f', imported: { n: new Int32Array([1]) } });
    // Its recorded replies are the worker's to answer with.
    expect(sampleReplies.take('cluster', [1] as never)?.value).toEqual({ labels: Int32Array.of(1) });
    // The next import (its arrays moved away with the first) fetches again.
    const second = await fetchSampleSnapshot(spec, base);
    expect(fetched).toEqual([url, url]);
    expect(second).toMatchObject({ imported: { n: new Int32Array([2]) } });
  });

  it('is read gzip-compressed, as the build writes it, or as a host inflated it', async () => {
    const snapshot = encodeSnapshot({ import: { imported: {}, fingerprint: 'gz', bytes: 2 }, replies: [] });
    for (const body of [gzipSync(snapshot), snapshot]) {
      vi.stubGlobal('fetch', async () => new Response(new Uint8Array(body) as Uint8Array<ArrayBuffer>));
      expect(await fetchSampleSnapshot(spec, base)).toMatchObject({ fingerprint: 'gz', bytes: 2 });
    }
  });

  it('for other settings is let go, and the import fetches its own', async () => {
    const fetched: string[] = [];
    vi.stubGlobal('fetch', async (u: string | URL) => {
      fetched.push(String(u));
      return new Response(null, { status: 404 });
    });
    prefetchSampleSnapshot(`${base}sample-import-guess.bin`);
    expect(await fetchSampleSnapshot(spec, base)).toBeNull();
    expect(fetched).toEqual([`${base}sample-import-guess.bin`, new URL(await sampleSnapshotName(spec), base).href]);
    // Let go: a later import with the guessed settings would fetch it again, not take a stale one.
    prefetchSampleSnapshot(`${base}sample-import-guess.bin`);
    expect(fetched).toHaveLength(3);
  });
});
