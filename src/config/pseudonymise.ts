/**
 * Pseudonymised customer ids for exports shared outside the team: `p-` and the first 20 hex
 * digits (80 bits) of HMAC-SHA-256(key, id) through Web Crypto. The same key gives the same
 * pseudonym for the same id in every export, so shared files still join; without the key the
 * ids cannot be recovered or guessed from a list of candidates. Keep the key with the team
 * (32 random bytes, e.g. `head -c 32 /dev/urandom > tierbook.key`).
 */
import { toHex } from './hash.ts';

export const PSEUDONYM_PREFIX = 'p-';
/** Hex digits kept: 80 bits, so a collision among a million ids has a chance of about 4e-13. */
const DIGITS = 20;
/** Shortest key accepted, in bytes. */
export const MIN_KEY_BYTES = 16;

/** 32 random bytes for a new pseudonymisation key. */
export function generatePseudonymKey(): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(32));
}

/** A function from id to pseudonym under `key`. */
export async function pseudonymiser(key: Uint8Array): Promise<(id: string) => Promise<string>> {
  if (key.length < MIN_KEY_BYTES) {
    throw new Error(`invalid pseudonymisation key: ${key.length} bytes (expected at least ${MIN_KEY_BYTES}; use 32 random bytes, e.g. head -c 32 /dev/urandom > tierbook.key)`);
  }
  const hmac = await crypto.subtle.importKey('raw', key as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const encoder = new TextEncoder();
  return async (id) => {
    const mac = new Uint8Array(await crypto.subtle.sign('HMAC', hmac, encoder.encode(id)));
    return `${PSEUDONYM_PREFIX}${toHex(mac).slice(0, DIGITS)}`;
  };
}

/** Pseudonyms of all ids, in order; throws if two different ids would share one. */
export async function pseudonymiseIds(key: Uint8Array, ids: readonly string[]): Promise<string[]> {
  const f = await pseudonymiser(key);
  const out = await Promise.all(ids.map(f));
  const seen = new Map<string, string>();
  out.forEach((p, i) => {
    const other = seen.get(p);
    if (other !== undefined && other !== ids[i]) throw new Error(`pseudonymisation: ids "${other}" and "${ids[i]}" share a pseudonym; use another key`);
    seen.set(p, ids[i]);
  });
  return out;
}
