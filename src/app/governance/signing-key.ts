/**
 * The approver's signing key in the browser: an ECDSA P-256 key pair generated once, with a
 * non-extractable private key (it can sign but can never be read, exported or copied out of
 * the browser profile), kept in IndexedDB across reloads. "Clear local data" deletes it; the
 * next approval then makes a new key, with a new fingerprint.
 */
import { generateSigningKey } from '../../config/approval.ts';
import { IndexedDbSecret, keptOrNew, type SecretStore } from './kept-secret.ts';

/** Where the key pair lives. */
export type KeyStore = SecretStore<CryptoKeyPair>;

/** The stored key pair, or a new one (stored) on first use. */
export function signingKey(store: KeyStore): Promise<CryptoKeyPair> {
  return keptOrNew(store, generateSigningKey);
}

export class IndexedDbKeyStore extends IndexedDbSecret<CryptoKeyPair> {
  constructor(factory: IDBFactory = indexedDB) {
    super('signing', factory);
  }
}
