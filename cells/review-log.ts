/**
 * What the reviewer adds: comments, an approve / request-changes decision and reclassification
 * requests. They are audit entries chained after the config's own log (kept as action state in
 * this browser until the reviewer downloads the reviewed config, which carries them back to the
 * committee), never a change to the analysis: the content and its hashes stay as exported.
 */
import { action, cell, stateValue } from '../src/runtime/index.ts';
import { appendAudit } from '../src/config/audit.ts';
import { auditEntrySchema, type AuditEntry } from '../src/config/audit-schema.ts';
import { configContent } from '../src/config/integrity.ts';
import { canonicalJson, sha256 } from '../src/config/hash.ts';
import { withAuditEntries } from '../src/config/review/reviewed-config.ts';
import {
  reclassificationDraft,
  reclassificationRecords,
  reviewDraft,
  reviewRecords,
  type ReclassificationSpec,
  type ReviewSpec,
} from '../src/config/review/review-entries.ts';
import { reclassificationCsv } from '../src/config/review/reclassification-file.ts';
import type { AuditDraft } from '../src/config/audit.ts';
import type { SegmentationConfig } from '../src/config/config-schema.ts';
import { opened, type OpenedConfig } from './review-open.ts';
import { tableBlock, textBlock } from './view-helpers.ts';
import { downloadButton } from './review-views.ts';

/** The reviewer's entries, chained after the log of the config they were made on. */
export const reviewLog = stateValue<readonly AuditEntry[]>({
  name: 'reviewLog',
  title: 'Review entries',
  value: [],
  check: (v) =>
    Array.isArray(v) && v.every((e) => auditEntrySchema.safeParse(e).success)
      ? undefined
      : 'expected a list of audit entries',
  format: (v) => `${v.length} entries`,
});

/** The reviewer's entries when they continue `config`'s log; [] when they were made on another config. */
export function ownEntries(config: SegmentationConfig, log: readonly AuditEntry[]): readonly AuditEntry[] {
  if (log.length === 0) return [];
  try {
    withAuditEntries(config, log);
    return log;
  } catch {
    return [];
  }
}

/**
 * The config document as the reviewer sends it back: the original document with the review
 * entries appended to its audit log and the integrity record's audit head moved with them;
 * nothing else rewritten, so its hashes and signature check as before.
 */
export function reviewedDocument(opened: OpenedConfig, log: readonly AuditEntry[]): unknown {
  const mine = ownEntries(opened.config, log);
  if (mine.length === 0) return opened.document;
  const updated = withAuditEntries(opened.config, mine);
  const doc = opened.document as Record<string, unknown>;
  const integrity = doc.integrity as Record<string, unknown> | undefined;
  return {
    ...doc,
    audit: updated.audit,
    ...(integrity && updated.integrity
      ? { integrity: { ...integrity, audit: updated.integrity.audit } }
      : {}),
  };
}

/** The reviewed content hash: the one the integrity record names, else computed from the document. */
async function contentHash(o: OpenedConfig): Promise<string> {
  return (
    o.config.integrity?.content ?? sha256(canonicalJson(configContent(o.document as Record<string, unknown>)))
  );
}

async function planEntry(
  current: readonly AuditEntry[],
  o: OpenedConfig | null,
  draft: (content: string) => AuditDraft,
) {
  if (o === null) throw new Error('open a config to review first');
  const mine = ownEntries(o.config, current);
  const log = await appendAudit([...(o.config.audit?.entries ?? []), ...mine], draft(await contentHash(o)));
  return { set: { [reviewLog.name]: log.slice(o.config.audit?.entries.length ?? 0) } };
}

/** Adds a comment or an approve / request-changes decision to the review log. */
export const addReview = action<{ readonly spec: ReviewSpec; readonly time: string }>({
  name: 'add-review',
  title: 'Add review',
  plan: async ({ spec, time }, { input, value }) =>
    planEntry(input(reviewLog), await value(opened), (content) => reviewDraft(spec, content, time)),
});

/** Logs a customer's request for another tier (and the decision on it). */
export const logReclassification = action<{ readonly spec: ReclassificationSpec; readonly time: string }>({
  name: 'log-reclassification',
  title: 'Log reclassification request',
  plan: async ({ spec, time }, { input, value }) =>
    planEntry(input(reviewLog), await value(opened), () => reclassificationDraft(spec, time)),
});

/** The decisions, comments and reclassification requests of the config's log and this review. */
export const reviewEntries = cell({
  name: 'reviewEntries',
  title: 'Your review',
  description:
    'Add a comment, approve or request changes, and log reclassification requests with the buttons at the top. They are appended to the config’s audit log; “Download reviewed config” sends them back.',
  inputs: { opened, reviewLog },
  run: ({ opened, reviewLog }) => {
    if (opened === null) return null;
    const mine = ownEntries(opened.config, reviewLog);
    const log = [...(opened.config.audit?.entries ?? []), ...mine];
    return {
      added: mine.length,
      ignored: reviewLog.length - mine.length,
      reviews: reviewRecords(log),
      requests: reclassificationRecords(log),
      fileName: opened.fileName,
    };
  },
  view: (r, { document }) => {
    if (r === null) return textBlock(document, ['Choose the config to review first.']);
    const lines = [
      r.added === 0
        ? 'You have not added anything to this config yet.'
        : `You added ${r.added} ${r.added === 1 ? 'entry' : 'entries'} to the audit log of ${r.fileName}. Download the reviewed config to send ${r.added === 1 ? 'it' : 'them'} back.`,
    ];
    if (r.ignored > 0)
      lines.push(
        `${r.ignored} earlier review ${r.ignored === 1 ? 'entry was' : 'entries were'} made on another config and ${r.ignored === 1 ? 'is' : 'are'} not shown.`,
      );
    const el = textBlock(document, lines);
    if (r.reviews.length > 0) {
      el.append(
        tableBlock(
          document,
          'Review decisions and comments',
          [
            { key: 'seq', label: '#' },
            { key: 'time', label: 'Time' },
            { key: 'reviewer', label: 'Reviewer' },
            { key: 'role', label: 'Role' },
            { key: 'decision', label: 'Decision' },
            { key: 'comment', label: 'Comment' },
          ],
          r.reviews,
        ),
      );
    }
    if (r.requests.length > 0) {
      el.append(
        tableBlock(
          document,
          'Reclassification requests',
          [
            { key: 'seq', label: '#' },
            { key: 'customer', label: 'Customer' },
            { key: 'currentTier', label: 'Current tier' },
            { key: 'requestedTier', label: 'Requested tier' },
            { key: 'reason', label: 'Reason' },
            { key: 'decision', label: 'Decision' },
            { key: 'by', label: 'Logged by' },
          ],
          r.requests,
        ),
        downloadButton(
          document,
          'Export reclassification requests (CSV)',
          'reclassification-requests.csv',
          () => reclassificationCsv(r.requests),
          'text/csv',
        ),
      );
    }
    return el;
  },
});
