/**
 * The approver's signing key in the browser: an ECDSA P-256 key pair generated once, with a
 * non-extractable private key (it can sign but can never be read, exported or copied out of
 * the browser profile), kept in IndexedDB across reloads. "Clear local data" deletes it; the
 * next approval then makes a new key, with a new fingerprint.
 */
import { generateSigningKey } from '../../config/approval.ts';
import { withStore } from './idb.ts';

/** Where the key pair lives. */
export interface KeyStore {
  get(): Promise<CryptoKeyPair | undefined>;
  put(pair: CryptoKeyPair): Promise<void>;
}

/** The stored key pair, or a new one (stored) on first use. */
export async function signingKey(store: KeyStore): Promise<CryptoKeyPair> {
  const existing = await store.get();
  if (existing) return existing;
  const pair = await generateSigningKey();
  await store.put(pair);
  return pair;
}

const KEY = 'signing';

export class IndexedDbKeyStore implements KeyStore {
  constructor(private readonly factory: IDBFactory = indexedDB) {}

  async get(): Promise<CryptoKeyPair | undefined> {
    return (await withStore(this.factory, 'keys', 'readonly', (s) => s.get(KEY))) as CryptoKeyPair | undefined;
  }

  async put(pair: CryptoKeyPair): Promise<void> {
    await withStore(this.factory, 'keys', 'readwrite', (s) => s.put(pair, KEY));
  }
}
