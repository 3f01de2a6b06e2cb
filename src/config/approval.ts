/**
 * Approving a config: the approver's name, role, date and comment, the content hash and section
 * hashes of what is approved, the audit log's head at that moment and the public key, signed
 * with ECDSA P-256 / SHA-256 through Web Crypto (`globalThis.crypto.subtle`: the same code in
 * Node 20 and browsers). The signature covers the canonical JSON of the approval record
 * without its `signature` field, so neither the record nor (through its hashes) the content
 * can change without the signature failing or the hashes differing.
 *
 * The public key travels in the config, so a valid signature proves that the content is what
 * the holder of that key approved, not who that holder is: compare the key's fingerprint with
 * the one your approver published (`keyFingerprint`), or pass trusted fingerprints to `verify`.
 */
import { canonicalJson, fromBase64, sha256, toBase64 } from './hash.ts';
import { auditHead, computeIntegrity, configContent, sectionHashes } from './integrity.ts';
import type { Approval, SegmentationConfig } from './config-schema.ts';

export const SIGNATURE_ALGORITHM = 'ECDSA-P256-SHA256';
const ECDSA = { name: 'ECDSA', namedCurve: 'P-256' } as const;
const SIGN = { name: 'ECDSA', hash: 'SHA-256' } as const;

/** Who approves and why; the date defaults to now. */
export interface ApprovalSpec {
  /** Approver's name (required, trimmed). */
  readonly name: string;
  /** Approver's role, e.g. "Head of Supply Chain" (required, trimmed). */
  readonly role: string;
  /** Free text; default empty. */
  readonly comment?: string;
  /** ISO 8601 time of approval; default: the current time. */
  readonly date?: string;
}

export type PublicJwk = Approval['publicKey'];

/** Generates a signing key pair; the private key is non-extractable (it can sign, never be read). */
export async function generateSigningKey(): Promise<CryptoKeyPair> {
  return crypto.subtle.generateKey(ECDSA, false, ['sign', 'verify']);
}

/** The public key as the JWK members a config carries (kty, crv, x, y). */
export async function exportPublicKey(key: CryptoKey): Promise<PublicJwk> {
  const jwk = await crypto.subtle.exportKey('jwk', key);
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.x || !jwk.y) throw new Error('invalid key: expected an ECDSA P-256 public key');
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
}

/** SHA-256 (hex) of the key's canonical {crv, kty, x, y}: the RFC 7638 thumbprint input. */
export async function keyFingerprint(key: PublicJwk): Promise<string> {
  return sha256(canonicalJson({ crv: key.crv, kty: key.kty, x: key.x, y: key.y }));
}

/** The bytes a signature covers: the canonical approval record without `signature`. */
function signedBytes(approval: Omit<Approval, 'signature'> & { signature?: string }): Uint8Array<ArrayBuffer> {
  const { signature: _ignored, ...payload } = approval;
  return new TextEncoder().encode(canonicalJson(payload)) as Uint8Array<ArrayBuffer>;
}

function normalizeApproval(spec: ApprovalSpec): { name: string; role: string; comment: string; date: string } {
  const name = spec.name.trim();
  const role = spec.role.trim();
  if (name === '') throw new Error('invalid approval: the approver name is empty');
  if (role === '') throw new Error('invalid approval: the approver role is empty');
  const date = spec.date ?? new Date().toISOString();
  if (Number.isNaN(Date.parse(date))) throw new Error(`invalid approval date: "${date}" (expected an ISO 8601 time, e.g. 2025-03-31T12:00:00Z)`);
  return { name, role, comment: spec.comment ?? '', date };
}

/**
 * The config approved and signed, with a fresh integrity record. Append the `approval` audit
 * entry (see `AuditStore`) before calling, so the signed audit head includes it.
 */
export async function approveConfig(config: SegmentationConfig, spec: ApprovalSpec, keys: CryptoKeyPair): Promise<SegmentationConfig> {
  if (config.version !== 2) throw new Error('cannot approve a version 1 config: build it again to upgrade it to version 2');
  const who = normalizeApproval(spec);
  const document = config as unknown as Record<string, unknown>;
  const content = configContent(document);
  const record: Omit<Approval, 'signature'> = {
    algorithm: SIGNATURE_ALGORITHM,
    approver: { name: who.name, role: who.role },
    date: who.date,
    comment: who.comment,
    contentHash: await sha256(canonicalJson(content)),
    sections: await sectionHashes(content),
    audit: auditHead(config.audit?.entries),
    publicKey: await exportPublicKey(keys.publicKey),
  };
  const signature = new Uint8Array(await crypto.subtle.sign(SIGN, keys.privateKey, signedBytes(record)));
  const approved = { ...config, approval: { ...record, signature: toBase64(signature) } };
  return { ...approved, integrity: await computeIntegrity(approved as unknown as Record<string, unknown>) };
}

/** Whether the approval's signature is valid for its record under its own public key (false for an unreadable key or signature). */
export async function verifySignature(approval: Approval): Promise<boolean> {
  try {
    const { kty, crv, x, y } = approval.publicKey;
    const key = await crypto.subtle.importKey('jwk', { kty, crv, x, y }, ECDSA, false, ['verify']);
    return await crypto.subtle.verify(SIGN, key, fromBase64(approval.signature) as Uint8Array<ArrayBuffer>, signedBytes(approval));
  } catch {
    return false;
  }
}
