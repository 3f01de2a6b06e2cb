/**
 * "Clear local data": removes everything Tierbook keeps in this browser. What is Tierbook's is
 * decided by name: IndexedDB databases, local-storage keys and origin-private-file-system
 * entries whose names start with `tierbook` (so the app on a shared origin leaves other data
 * alone). Every store the app adds must follow that naming.
 */

/** Names Tierbook uses for what it stores begin with this. */
export const LOCAL_PREFIX = 'tierbook';

/** The browser storage the action touches; each part optional so a missing API is skipped, not fatal. */
export interface LocalStorageAccess {
  readonly indexedDB?: Pick<IDBFactory, 'databases' | 'deleteDatabase'>;
  readonly localStorage?: Pick<Storage, 'length' | 'key' | 'removeItem'>;
  /** `navigator.storage.getDirectory` (origin private file system). */
  readonly getDirectory?: () => Promise<{ keys(): AsyncIterable<string>; removeEntry(name: string, options?: { recursive?: boolean }): Promise<void> }>;
  /** Databases to delete when `indexedDB.databases()` is not available (older browsers). */
  readonly knownDatabases?: readonly string[];
}

/** What was removed, for the confirmation message. */
export interface ClearedData {
  readonly databases: string[];
  readonly keys: string[];
  readonly files: string[];
}

/** Names that belong to Tierbook, in order. */
export function ownNames(names: Iterable<string>): string[] {
  return [...names].filter((n) => n.startsWith(LOCAL_PREFIX)).sort();
}

function deleted(factory: Pick<IDBFactory, 'deleteDatabase'>, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const r = factory.deleteDatabase(name);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error ?? new Error(`could not delete ${name}`));
    // another tab holds the database open: it is deleted when that tab closes it
    r.onblocked = () => resolve();
  });
}

export async function clearLocalData(access: LocalStorageAccess): Promise<ClearedData> {
  const databases: string[] = [];
  if (access.indexedDB) {
    const listed = typeof access.indexedDB.databases === 'function' ? (await access.indexedDB.databases()).map((d) => d.name ?? '') : [...(access.knownDatabases ?? [])];
    for (const name of ownNames(listed)) {
      await deleted(access.indexedDB, name);
      databases.push(name);
    }
  }
  const keys: string[] = [];
  const ls = access.localStorage;
  if (ls) {
    const all: string[] = [];
    for (let i = 0; i < ls.length; i++) all.push(ls.key(i) ?? '');
    for (const key of ownNames(all)) {
      ls.removeItem(key);
      keys.push(key);
    }
  }
  const files: string[] = [];
  if (access.getDirectory) {
    const root = await access.getDirectory();
    const names: string[] = [];
    for await (const name of root.keys()) names.push(name);
    for (const name of ownNames(names)) {
      await root.removeEntry(name, { recursive: true });
      files.push(name);
    }
  }
  return { databases, keys, files };
}
