/**
 * The governance database in IndexedDB, with the few promise helpers the stores need. One
 * database, `tierbook-governance`: `audit` (entries by seq), `archive` (versions by id) and
 * `keys` (the signing key pair, stored as non-extractable CryptoKeys, which IndexedDB can hold).
 */

export const GOVERNANCE_DB = 'tierbook-governance';
const VERSION = 1;
export type StoreName = 'audit' | 'archive' | 'keys';

/** Resolves with a request's result, rejects with its error. */
export function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error ?? new Error('IndexedDB request failed'));
  });
}

/** Resolves when a transaction has committed. */
export function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Opens (and on first use creates) the governance database. */
export function openGovernanceDb(factory: IDBFactory = indexedDB): Promise<IDBDatabase> {
  const open = factory.open(GOVERNANCE_DB, VERSION);
  open.onupgradeneeded = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains('audit')) db.createObjectStore('audit', { keyPath: 'seq' });
    if (!db.objectStoreNames.contains('archive')) db.createObjectStore('archive', { keyPath: 'version.id' });
    if (!db.objectStoreNames.contains('keys')) db.createObjectStore('keys');
  };
  return request(open);
}

/** Runs `body` in one transaction over `store` and waits for the commit. */
export async function inStore<T>(db: IDBDatabase, store: StoreName, mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const tx = db.transaction(store, mode);
  const result = request(body(tx.objectStore(store)));
  await committed(tx);
  return result;
}

/** Opens the database, runs `body` in one transaction over `store`, waits for the commit and closes. */
export async function withStore<T>(factory: IDBFactory, store: StoreName, mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openGovernanceDb(factory);
  try {
    return await inStore(db, store, mode, body);
  } finally {
    db.close();
  }
}
