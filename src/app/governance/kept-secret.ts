/**
 * A secret the app makes once and keeps in this browser (IndexedDB, governance database, `keys`
 * store, under its own name): the approver's signing key pair, the pseudonymisation key.
 */
import { withStore } from './idb.ts';

/** Where one secret lives. */
export interface SecretStore<T> {
  get(): Promise<T | undefined>;
  put(value: T): Promise<void>;
}

/** The stored secret, or a new one made by `make` (and stored) on first use. */
export async function keptOrNew<T>(store: SecretStore<T>, make: () => T | Promise<T>): Promise<T> {
  const existing = await store.get();
  if (existing !== undefined) return existing;
  const value = await make();
  await store.put(value);
  return value;
}

export class IndexedDbSecret<T> implements SecretStore<T> {
  constructor(
    private readonly name: string,
    private readonly factory: IDBFactory = indexedDB,
  ) {}

  async get(): Promise<T | undefined> {
    return (await withStore(this.factory, 'keys', 'readonly', (s) => s.get(this.name))) as T | undefined;
  }

  async put(value: T): Promise<void> {
    await withStore(this.factory, 'keys', 'readwrite', (s) => s.put(value, this.name));
  }
}

export class MemorySecret<T> implements SecretStore<T> {
  private value: T | undefined;

  async get(): Promise<T | undefined> {
    return this.value;
  }

  async put(value: T): Promise<void> {
    this.value = value;
  }
}
