/**
 * A reviewer's entries travel back to the committee inside the config: appended to its audit
 * chain, and the integrity record's audit head moved to the new last entry. Nothing else is
 * rewritten: the content and its hashes stay as exported, so an edited config stays edited (a
 * review never launders it), an approval stays valid (its signed audit head is still in the
 * chain), and a later edit of any entry breaks the chain for `verify`.
 */
import { appendAudit, type AuditDraft } from '../audit.ts';
import type { AuditEntry } from '../audit-schema.ts';
import { auditHead } from '../integrity.ts';
import type { SegmentationConfig } from '../config-schema.ts';

/** The drafts chained after the config's own log (the config is not changed). */
export async function chainAfter(
  config: SegmentationConfig,
  drafts: readonly AuditDraft[],
): Promise<AuditEntry[]> {
  let log = [...(config.audit?.entries ?? [])];
  for (const draft of drafts) log = await appendAudit(log, draft);
  return log.slice(config.audit?.entries.length ?? 0);
}

/**
 * The config with `entries` (chained after its log, e.g. by `chainAfter`) appended and the
 * integrity record's audit head updated. Throws when they do not continue its log: they were
 * made for another config.
 */
export function withAuditEntries(
  config: SegmentationConfig,
  entries: readonly AuditEntry[],
): SegmentationConfig {
  if (config.version !== 2)
    throw new Error(
      'cannot add review entries to a version 1 config: it has no audit log (export it again from Tierbook)',
    );
  const own = config.audit?.entries ?? [];
  const last = own.length > 0 ? own[own.length - 1] : null;
  if (entries.length > 0 && (entries[0].seq !== own.length + 1 || entries[0].prev !== (last?.hash ?? null))) {
    throw new Error(
      'the review entries do not continue this config’s audit log (they were made for another config)',
    );
  }
  const log = [...own, ...entries];
  return {
    ...config,
    audit: { entries: log },
    ...(config.integrity ? { integrity: { ...config.integrity, audit: auditHead(log) } } : {}),
  };
}
