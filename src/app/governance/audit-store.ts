/**
 * Where the audit log lives: in IndexedDB in the app (it survives reloads), in memory for
 * tests and the command. Appends are chained one after another (a queue), so two quick events
 * never both claim the same position; in IndexedDB the entry's position is its key, so a second
 * tab writing the same position fails instead of forking the chain.
 */
import { nextEntry, type AuditDraft } from '../../config/audit.ts';
import type { AuditEntry, AuditKind } from '../../config/audit-schema.ts';
import { withStore } from './idb.ts';

export interface AuditStore {
  /** Appends an event and returns the chained entry. */
  append(draft: AuditDraft): Promise<AuditEntry>;
  /** Every entry, in order. */
  entries(): Promise<AuditEntry[]>;
  /** Removes every entry (part of "clear local data"). */
  clear(): Promise<void>;
}

/** The chaining shared by every store: one append at a time, each after the last entry. */
abstract class ChainedStore implements AuditStore {
  private queue: Promise<unknown> = Promise.resolve();

  protected abstract last(): Promise<AuditEntry | null>;
  protected abstract add(entry: AuditEntry): Promise<void>;
  abstract entries(): Promise<AuditEntry[]>;
  abstract clear(): Promise<void>;

  append(draft: AuditDraft): Promise<AuditEntry> {
    const run = this.queue.then(async () => {
      const entry = await nextEntry(await this.last(), draft);
      await this.add(entry);
      return entry;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }
}

export class MemoryAuditStore extends ChainedStore {
  private readonly log: AuditEntry[] = [];

  protected async last(): Promise<AuditEntry | null> {
    return this.log[this.log.length - 1] ?? null;
  }

  protected async add(entry: AuditEntry): Promise<void> {
    this.log.push(entry);
  }

  async entries(): Promise<AuditEntry[]> {
    return [...this.log];
  }

  async clear(): Promise<void> {
    this.log.length = 0;
  }
}

export class IndexedDbAuditStore extends ChainedStore {
  constructor(private readonly factory: IDBFactory = indexedDB) {
    super();
  }

  private use<T>(mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return withStore(this.factory, 'audit', mode, body);
  }

  protected async last(): Promise<AuditEntry | null> {
    const cursor = await this.use('readonly', (s) => s.openCursor(null, 'prev'));
    return (cursor?.value as AuditEntry | undefined) ?? null;
  }

  protected async add(entry: AuditEntry): Promise<void> {
    await this.use('readwrite', (s) => s.add(entry));
  }

  async entries(): Promise<AuditEntry[]> {
    return (await this.use('readonly', (s) => s.getAll())) as AuditEntry[];
  }

  async clear(): Promise<void> {
    await this.use('readwrite', (s) => s.clear());
  }
}

/** What the log viewer filters by; every field optional. */
export interface AuditFilter {
  /** Only these kinds. */
  readonly kinds?: readonly AuditKind[];
  /** Only entries whose details or actor contain this text (case-insensitive). */
  readonly text?: string;
  /** ISO 8601 bounds, inclusive. */
  readonly from?: string;
  readonly to?: string;
}

export function filterAudit(entries: readonly AuditEntry[], filter: AuditFilter): AuditEntry[] {
  const text = filter.text?.trim().toLowerCase();
  return entries.filter(
    (e) =>
      (!filter.kinds || filter.kinds.includes(e.kind)) &&
      (!filter.from || e.time >= filter.from) &&
      (!filter.to || e.time <= filter.to) &&
      (!text || `${e.actor ?? ''} ${JSON.stringify(e.details)}`.toLowerCase().includes(text)),
  );
}

/** The audit draft of an input change (time: now unless given). */
export function inputChangeDraft(input: string, old: unknown, value: unknown, time = new Date().toISOString()): AuditDraft {
  return { time, kind: 'input-change', details: { input, old: old ?? null, new: value ?? null } };
}
