/**
 * The content of a config and its hashes. The content is the document without its envelope
 * (`integrity`, `approval`, `audit`): those describe the content (its hash, who approved it,
 * what happened to it) rather than being part of it, so an export event appended to the log
 * after approval does not change what was approved. Section hashes name what changed: one per
 * top-level key, and one per child (`model.centroids`, `inputs.k`) when the section is an
 * object.
 */
import { canonicalJson, sha256 } from './hash.ts';
import { ENVELOPE_SECTIONS, type Integrity, type SegmentationConfig } from './config-schema.ts';
import type { AuditEntry, AuditHead } from './audit-schema.ts';

type Json = Record<string, unknown>;

/** The document without `integrity`, `approval` and `audit`. */
export function configContent(document: Json): Json {
  const content: Json = {};
  for (const [key, value] of Object.entries(document)) {
    if (!(ENVELOPE_SECTIONS as readonly string[]).includes(key)) content[key] = value;
  }
  return content;
}

function isPlainObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Canonical text of each section (top-level key, or `key.child` for object sections). */
export function sectionTexts(content: Json): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(content)) {
    if (value === undefined) continue;
    if (isPlainObject(value) && Object.keys(value).length > 0) {
      for (const [child, v] of Object.entries(value)) if (v !== undefined) out.set(`${key}.${child}`, canonicalJson(v));
    } else out.set(key, canonicalJson(value));
  }
  return out;
}

/** SHA-256 of each section, keyed by section path, in sorted order. */
export async function sectionHashes(content: Json): Promise<Record<string, string>> {
  const texts = [...sectionTexts(content)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, string> = {};
  for (const [path, text] of texts) out[path] = await sha256(text);
  return out;
}

/** Entry count and last hash of an audit log. */
export function auditHead(entries: readonly AuditEntry[] | undefined): AuditHead {
  const list = entries ?? [];
  return { entries: list.length, head: list.length > 0 ? list[list.length - 1].hash : null };
}

/** The integrity record of a document as it is now. */
export async function computeIntegrity(document: Json): Promise<Integrity> {
  const content = configContent(document);
  const audit = (document.audit as { entries?: AuditEntry[] } | undefined)?.entries;
  return {
    algorithm: 'sha256',
    content: await sha256(canonicalJson(content)),
    sections: await sectionHashes(content),
    audit: auditHead(audit),
  };
}

/** The config with a fresh integrity record: what an export writes. */
export async function sealConfig(config: SegmentationConfig): Promise<SegmentationConfig> {
  if (config.version !== 2) throw new Error('cannot seal a version 1 config: build it again to upgrade it to version 2');
  return { ...config, integrity: await computeIntegrity(config as unknown as Json) };
}

/** Sections whose hash differs between two section-hash records (changed, added or removed), sorted. */
export function changedSections(before: Readonly<Record<string, string>>, after: Readonly<Record<string, string>>): string[] {
  const paths = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...paths].filter((p) => before[p] !== after[p]).sort();
}
