/**
 * The key that pseudonymises customer ids in exports, kept in this browser (IndexedDB, next to
 * the signing key) and never exported: the same key gives the same pseudonyms in every export
 * from this browser, so shared files still join. "Clear local data" deletes it.
 */
import { generatePseudonymKey } from '../../config/pseudonymise.ts';
import { withStore } from './idb.ts';

export interface PseudonymKeyStore {
  get(): Promise<Uint8Array | undefined>;
  put(key: Uint8Array): Promise<void>;
}

/** The stored key, or a new one (stored) on first use. */
export async function pseudonymKey(store: PseudonymKeyStore): Promise<Uint8Array> {
  const existing = await store.get();
  if (existing) return existing;
  const key = generatePseudonymKey();
  await store.put(key);
  return key;
}

const KEY = 'pseudonym';

export class IndexedDbPseudonymKeyStore implements PseudonymKeyStore {
  constructor(private readonly factory: IDBFactory = indexedDB) {}

  async get(): Promise<Uint8Array | undefined> {
    return (await withStore(this.factory, 'keys', 'readonly', (s) => s.get(KEY))) as Uint8Array | undefined;
  }

  async put(key: Uint8Array): Promise<void> {
    await withStore(this.factory, 'keys', 'readwrite', (s) => s.put(key, KEY));
  }
}

export class MemoryPseudonymKeyStore implements PseudonymKeyStore {
  private key: Uint8Array | undefined;

  async get(): Promise<Uint8Array | undefined> {
    return this.key;
  }

  async put(key: Uint8Array): Promise<void> {
    this.key = key;
  }
}
