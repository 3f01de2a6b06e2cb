/**
 * The archive of approved versions in the browser (IndexedDB), and in memory. What gets
 * archived and how a customer's history is read is in `src/config/archive.ts`; these only
 * keep the texts.
 */
import type { ArchiveStore, ArchiveVersion } from '../../config/archive.ts';
import { withStore } from './idb.ts';

interface Stored {
  readonly version: ArchiveVersion;
  readonly configText: string;
  readonly assignmentsText: string;
}

export class MemoryArchiveStore implements ArchiveStore {
  private readonly items: Stored[] = [];

  async list(): Promise<ArchiveVersion[]> {
    return this.items.map((i) => i.version);
  }

  async put(version: ArchiveVersion, configText: string, assignmentsText: string): Promise<void> {
    this.items.push({ version, configText, assignmentsText });
  }

  async read(id: string): Promise<{ configText: string; assignmentsText: string }> {
    const item = this.items.find((i) => i.version.id === id);
    if (!item) throw new Error(`no archived version ${id}`);
    return { configText: item.configText, assignmentsText: item.assignmentsText };
  }
}

export class IndexedDbArchiveStore implements ArchiveStore {
  constructor(private readonly factory: IDBFactory = indexedDB) {}

  private use<T>(mode: IDBTransactionMode, body: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
    return withStore(this.factory, 'archive', mode, body);
  }

  async list(): Promise<ArchiveVersion[]> {
    const all = (await this.use('readonly', (s) => s.getAll())) as Stored[];
    return all.map((i) => i.version).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  }

  async put(version: ArchiveVersion, configText: string, assignmentsText: string): Promise<void> {
    const item: Stored = { version, configText, assignmentsText };
    await this.use('readwrite', (s) => s.put(item));
  }

  async read(id: string): Promise<{ configText: string; assignmentsText: string }> {
    const item = (await this.use('readonly', (s) => s.get(id))) as Stored | undefined;
    if (!item) throw new Error(`no archived version ${id}`);
    return { configText: item.configText, assignmentsText: item.assignmentsText };
  }
}
