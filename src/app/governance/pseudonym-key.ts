/**
 * The key that pseudonymises customer ids in exports, kept in this browser (IndexedDB, next to
 * the signing key) and never exported: the same key gives the same pseudonyms in every export
 * from this browser, so shared files still join. "Clear local data" deletes it.
 */
import { generatePseudonymKey } from '../../config/pseudonymise.ts';
import { IndexedDbSecret, keptOrNew, type SecretStore } from './kept-secret.ts';

export type PseudonymKeyStore = SecretStore<Uint8Array>;

/** The stored key, or a new one (stored) on first use. */
export function pseudonymKey(store: PseudonymKeyStore): Promise<Uint8Array> {
  return keptOrNew(store, generatePseudonymKey);
}

export class IndexedDbPseudonymKeyStore extends IndexedDbSecret<Uint8Array> {
  constructor(factory: IDBFactory = indexedDB) {
    super('pseudonym', factory);
  }
}
