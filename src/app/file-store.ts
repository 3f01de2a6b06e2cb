/**
 * Keeps the uploaded data file in this browser (IndexedDB), so a reload shows the file the
 * settings were made for instead of silently falling back to the sample. Nothing leaves the
 * machine; clearing it is one call.
 */

import type { DataNote } from './data-note.ts';

/** A file kept for a notebook. */
export interface KeptFile {
  readonly name: string;
  /** In bytes. */
  readonly size: number;
  readonly bytes: Uint8Array;
  /** ISO 8601 time it was kept. */
  readonly savedAt: string;
}

export interface FileStore {
  load(notebookId: string): Promise<KeptFile | null>;
  save(notebookId: string, file: { readonly name: string; readonly bytes: Uint8Array }): Promise<void>;
  clear(notebookId: string): Promise<void>;
}

const STORE = 'files';

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** A `FileStore` over IndexedDB (database `tierbook`, one record per notebook). */
export function indexedDbFileStore(factory: IDBFactory, database = 'tierbook'): FileStore {
  let opened: Promise<IDBDatabase> | undefined;
  const open = (): Promise<IDBDatabase> =>
    (opened ??= new Promise((resolve, reject) => {
      const r = factory.open(database, 1);
      r.onupgradeneeded = () => r.result.createObjectStore(STORE);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error ?? new Error('IndexedDB is not available'));
    }));
  const store = async (mode: IDBTransactionMode) => (await open()).transaction(STORE, mode).objectStore(STORE);
  return {
    async load(notebookId) {
      const kept = (await request((await store('readonly')).get(notebookId))) as Partial<Record<keyof KeptFile, unknown>> | undefined;
      if (!kept || typeof kept.name !== 'string' || !(kept.bytes instanceof Blob)) return null;
      const bytes = new Uint8Array(await kept.bytes.arrayBuffer());
      return { name: kept.name, size: bytes.byteLength, bytes, savedAt: String(kept.savedAt ?? '') };
    },
    async save(notebookId, file) {
      // A Blob, not the bytes: IndexedDB then stores it without cloning 100 MB on this thread.
      const record = { name: file.name, size: file.bytes.byteLength, bytes: new Blob([file.bytes as Uint8Array<ArrayBuffer>]), savedAt: new Date().toISOString() };
      await request((await store('readwrite')).put(record, notebookId));
    },
    async clear(notebookId) {
      await request((await store('readwrite')).delete(notebookId));
    },
  };
}

/** What to open with: the kept file if it is the one the settings were made for. */
export interface Restored {
  readonly file: KeptFile | null;
  /** Whether the saved settings apply (false: they were made for a file that is gone). */
  readonly useSettings: boolean;
  /** Said to the person when something could not be restored. */
  readonly message?: string;
}

/**
 * Decides how to start from what is kept: the file and the settings made for it; or, when the
 * settings were made for a file this browser no longer holds, the sample with default settings
 * and a message saying so (never the sample with another file's settings, silently).
 */
export function restore(kept: KeptFile | null, note: DataNote | null, problem?: string): Restored {
  if (note === null) return kept ? { file: kept, useSettings: true } : { file: null, useSettings: true };
  if (kept && kept.name === note.name && kept.size === note.size) return { file: kept, useSettings: true };
  const why = problem ? ` (${problem})` : '';
  return {
    file: null,
    useSettings: false,
    message: `Your file ${note.name} could not be restored from this browser's storage${why}; the sample is shown with default settings.`,
  };
}
