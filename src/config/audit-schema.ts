/** The audit log's entry shape, shared by the config schema, the chain and the stores. */
import { z } from '../data/zod.ts';

/** What an entry records. */
export const AUDIT_KINDS = [
  'input-change',
  'import',
  'export',
  'approval',
  'tier-rename',
  'policy-edit',
  'assumption-edit',
  'reset',
  'clear-data',
  'note',
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');

export const auditEntrySchema = z.strictObject({
  seq: z.number().int().min(1).describe('Position in the log, from 1.'),
  time: z.string().describe('ISO 8601 time of the event.'),
  kind: z.enum(AUDIT_KINDS),
  actor: z.string().optional().describe('Who did it, when known.'),
  details: z.record(z.string(), z.unknown()).describe('What happened, e.g. {input, old, new} for an input change.'),
  prev: hex64.nullable().describe('Hash of the previous entry; null for the first.'),
  hash: hex64.describe('SHA-256 of the canonical JSON of this entry without `hash`.'),
});

export const auditHeadSchema = z.strictObject({
  entries: z.number().int().nonnegative(),
  head: hex64.nullable().describe('Hash of the last entry; null when the log is empty.'),
});

export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditHead = z.infer<typeof auditHeadSchema>;
