/**
 * The audit log as a hash chain: each entry carries its position (`seq`, from 1), the hash of
 * the entry before it (`prev`) and its own hash over everything else it holds. Editing an entry
 * breaks its hash; deleting, inserting or reordering entries breaks the sequence and the link
 * to the previous hash. Cutting entries off the end leaves a valid shorter chain, so the
 * exported config and the approval record the head (count and last hash) they saw.
 */
import { canonicalJson, sha256 } from './hash.ts';
import type { AuditEntry, AuditHead, AuditKind } from './audit-schema.ts';

/** What a caller supplies for a new entry; position and hashes are filled in. */
export interface AuditDraft {
  /** ISO 8601 time of the event. */
  readonly time: string;
  readonly kind: AuditKind;
  /** What happened, as JSON, e.g. `{input: 'k', old: 4, new: 5}`. */
  readonly details: Readonly<Record<string, unknown>>;
  /** Who did it, when known. */
  readonly actor?: string;
}

/** The hash an entry must carry: SHA-256 of its canonical JSON without `hash`. */
export async function entryHash(entry: Omit<AuditEntry, 'hash'> & { hash?: string }): Promise<string> {
  const { hash: _ignored, ...rest } = entry;
  return sha256(canonicalJson(rest));
}

/** The next entry after `last` (or the first entry when `last` is null). */
export async function nextEntry(last: AuditEntry | null, draft: AuditDraft): Promise<AuditEntry> {
  const body = {
    seq: last === null ? 1 : last.seq + 1,
    time: draft.time,
    kind: draft.kind,
    ...(draft.actor === undefined ? {} : { actor: draft.actor }),
    details: JSON.parse(canonicalJson(draft.details)) as Record<string, unknown>,
    prev: last === null ? null : last.hash,
  };
  return { ...body, hash: await entryHash(body) };
}

/** A new log with the entry appended (the given log is not changed). */
export async function appendAudit(entries: readonly AuditEntry[], draft: AuditDraft): Promise<AuditEntry[]> {
  return [...entries, await nextEntry(entries.length > 0 ? entries[entries.length - 1] : null, draft)];
}

/** Outcome of checking a chain: every problem found, in log order. */
export interface AuditCheck {
  readonly ok: boolean;
  readonly problems: readonly string[];
  /** Count and last hash of the log as it is. */
  readonly head: AuditHead;
}

function describe(e: AuditEntry, i: number): string {
  return `audit entry ${i + 1} (${e.kind} at ${e.time})`;
}

/** Checks every link of the chain and, when given, that the log ends at `expected` (the head an export recorded). */
export async function verifyAuditChain(entries: readonly AuditEntry[], expected?: AuditHead): Promise<AuditCheck> {
  const problems: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if ((await entryHash(e)) !== e.hash) problems.push(`${describe(e, i)}: its content does not match its hash (the entry was edited)`);
    if (e.seq !== i + 1) problems.push(`${describe(e, i)}: numbered ${e.seq} where ${i + 1} was expected (an entry was deleted, inserted or moved)`);
    const prev = i === 0 ? null : entries[i - 1].hash;
    if (e.prev !== prev) problems.push(`${describe(e, i)}: does not follow the entry before it (an entry was deleted, inserted or moved)`);
  }
  const head: AuditHead = { entries: entries.length, head: entries.length > 0 ? entries[entries.length - 1].hash : null };
  if (expected && (expected.entries !== head.entries || expected.head !== head.head)) {
    problems.push(`audit log: ${head.entries} entries where the export recorded ${expected.entries} ending in ${expected.head?.slice(0, 12) ?? 'none'} (entries were removed or added after export)`);
  }
  return { ok: problems.length === 0, problems, head };
}

/** Whether the log contains, at its recorded position, the head recorded earlier (e.g. at approval). */
export function chainContains(entries: readonly AuditEntry[], head: AuditHead): boolean {
  if (head.entries === 0) return true;
  return entries.length >= head.entries && entries[head.entries - 1].hash === head.head;
}
