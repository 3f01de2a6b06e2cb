/**
 * What a reviewer adds to a config's audit log: comments, an approve / request-changes decision,
 * and reclassification requests (a customer asking for another tier, with the decision on it).
 * They are audit entries of kind `note` with a `type` in their details, so a config carrying
 * them still reads in every Tierbook that reads version 2 (a new entry kind would not), and the
 * hash chain covers them like any other entry.
 */
import { z } from '../../data/zod.ts';
import type { AuditDraft } from '../audit.ts';
import type { AuditEntry } from '../audit-schema.ts';

export const REVIEW_DECISIONS = ['approve', 'request-changes', 'comment'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

export const RECLASSIFICATION_DECISIONS = ['pending', 'accepted', 'rejected'] as const;
export type ReclassificationDecision = (typeof RECLASSIFICATION_DECISIONS)[number];

const text = (max: number) => z.string().trim().max(max);
const required = (what: string, max: number) => text(max).min(1, `${what} is empty`);

/** A reviewer's decision or comment, as the review form sends it. */
export const reviewSpecSchema = z.strictObject({
  decision: z.enum(REVIEW_DECISIONS),
  /** Who reviews (required). */
  reviewer: required('the reviewer name', 200),
  /** The reviewer's role, e.g. "Finance, governance committee". */
  role: text(200).default(''),
  comment: text(5000).default(''),
});
export type ReviewSpec = z.input<typeof reviewSpecSchema>;

export const reclassificationSpecSchema = z.strictObject({
  customer: required('the customer id', 200),
  /** The customer's tier under the config under review (filled in from the assignments when known). */
  currentTier: text(200).default(''),
  requestedTier: required('the requested tier', 200),
  reason: required('the reason', 2000),
  decision: z.enum(RECLASSIFICATION_DECISIONS).default('pending'),
  /** Who logs the request or decides on it. */
  by: required('who logs it', 200),
});
export type ReclassificationSpec = z.input<typeof reclassificationSpecSchema>;

/** A validated form value, or `invalid <what>: <why>` naming the field at fault. */
function read<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new Error(`invalid ${what}: ${issue.path.join('.') || 'form'}: ${issue.message}`);
}

/** The audit draft of a review decision or comment; `content` is the reviewed content hash. */
export function reviewDraft(spec: ReviewSpec, content: string, time: string): AuditDraft {
  const r = read(reviewSpecSchema, spec, 'review');
  if (r.decision === 'comment' && r.comment === '') throw new Error('invalid review: a comment needs text');
  if (r.decision === 'request-changes' && r.comment === '')
    throw new Error('invalid review: say which changes you request (the comment is empty)');
  return {
    time,
    kind: 'note',
    actor: r.reviewer,
    details: { type: 'review', decision: r.decision, role: r.role, comment: r.comment, content },
  };
}

export function reclassificationDraft(spec: ReclassificationSpec, time: string): AuditDraft {
  const r = read(reclassificationSpecSchema, spec, 'reclassification request');
  if (r.currentTier !== '' && r.currentTier === r.requestedTier)
    throw new Error(`invalid reclassification request: ${r.customer} is already in ${r.requestedTier}`);
  return {
    time,
    kind: 'note',
    actor: r.by,
    details: {
      type: 'reclassification',
      customer: r.customer,
      currentTier: r.currentTier,
      requestedTier: r.requestedTier,
      reason: r.reason,
      decision: r.decision,
    },
  };
}

export interface ReviewRecord {
  readonly seq: number;
  readonly time: string;
  readonly reviewer: string;
  readonly role: string;
  readonly decision: ReviewDecision;
  readonly comment: string;
  /** The content hash the decision was taken on: a decision on other content does not count for this one. */
  readonly content: string;
}

export interface ReclassificationRecord {
  readonly seq: number;
  readonly time: string;
  readonly customer: string;
  readonly currentTier: string;
  readonly requestedTier: string;
  readonly reason: string;
  readonly decision: ReclassificationDecision;
  readonly by: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The review decisions and comments of a log, in log order. */
export function reviewRecords(entries: readonly AuditEntry[]): ReviewRecord[] {
  return entries.flatMap((e) => {
    const d = e.details;
    if (e.kind !== 'note' || d.type !== 'review' || !REVIEW_DECISIONS.includes(d.decision as ReviewDecision))
      return [];
    return [
      {
        seq: e.seq,
        time: e.time,
        reviewer: e.actor ?? '',
        role: str(d.role),
        decision: d.decision as ReviewDecision,
        comment: str(d.comment),
        content: str(d.content),
      },
    ];
  });
}

/** The reclassification requests of a log, in log order (a later entry for the same customer and tier is a later decision). */
export function reclassificationRecords(entries: readonly AuditEntry[]): ReclassificationRecord[] {
  return entries.flatMap((e) => {
    const d = e.details;
    if (e.kind !== 'note' || d.type !== 'reclassification') return [];
    const decision = RECLASSIFICATION_DECISIONS.includes(d.decision as ReclassificationDecision)
      ? (d.decision as ReclassificationDecision)
      : 'pending';
    return [
      {
        seq: e.seq,
        time: e.time,
        customer: str(d.customer),
        currentTier: str(d.currentTier),
        requestedTier: str(d.requestedTier),
        reason: str(d.reason),
        decision,
        by: e.actor ?? '',
      },
    ];
  });
}

/** The latest decision (approve or request changes) taken on `content`, if any. */
export function latestDecision(records: readonly ReviewRecord[], content: string): ReviewRecord | null {
  for (let i = records.length - 1; i >= 0; i--)
    if (records[i].decision !== 'comment' && records[i].content === content) return records[i];
  return null;
}
