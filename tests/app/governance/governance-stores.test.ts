import { describe, expect, it } from 'vitest';
import { signingKey, type KeyStore } from '../../../src/app/governance/signing-key.ts';
import { MemoryAuditStore, filterAudit, inputChangeDraft } from '../../../src/app/governance/audit-store.ts';
import { MemoryArchiveStore } from '../../../src/app/governance/archive-store.ts';
import { clearLocalData, ownNames } from '../../../src/app/governance/local-data.ts';
import { verifyAuditChain } from '../../../src/config/audit.ts';
import { approveConfig } from '../../../src/config/approval.ts';
import { verifyConfig } from '../../../src/config/verify.ts';
import { archiveApproved, customerHistory } from '../../../src/config/archive.ts';
import { exportConfigText } from '../../../src/config/config-json.ts';
import { assignmentsCsv } from '../../../src/config/segmentation-config.ts';
import { draftConfig, fixtureLabels, TABLE } from '../../config/fixture.ts';

class MemoryKeyStore implements KeyStore {
  pair: CryptoKeyPair | undefined;
  puts = 0;
  async get() {
    return this.pair;
  }
  async put(pair: CryptoKeyPair) {
    this.pair = pair;
    this.puts++;
  }
}

describe('signing key', () => {
  it('is made once, kept, and its private half cannot be exported', async () => {
    const store = new MemoryKeyStore();
    const a = await signingKey(store);
    const b = await signingKey(store);
    expect(b).toBe(a);
    expect(store.puts).toBe(1);
    expect(a.privateKey.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('pkcs8', a.privateKey)).rejects.toThrow();
    const approved = await approveConfig(await draftConfig(), { name: 'Ada', role: 'Reviewer' }, a);
    expect((await verifyConfig(approved)).verdict).toBe('approved');
  });
});

describe('audit store', () => {
  it('chains appends made at the same time, one after another', async () => {
    const store = new MemoryAuditStore();
    await Promise.all([1, 2, 3, 4, 5].map((k) => store.append(inputChangeDraft('k', k - 1, k, `2025-01-0${k}T00:00:00.000Z`))));
    const entries = await store.entries();
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect((await verifyAuditChain(entries)).ok).toBe(true);
    expect(entries[0].details).toEqual({ input: 'k', old: 0, new: 1 });
    await store.clear();
    expect(await store.entries()).toEqual([]);
  });

  it('filters entries by kind, text and time for the log viewer', async () => {
    const store = new MemoryAuditStore();
    await store.append(inputChangeDraft('k', 4, 5, '2025-01-01T10:00:00.000Z'));
    await store.append({ time: '2025-01-02T10:00:00.000Z', kind: 'tier-rename', details: { old: 'Tier 1', new: 'Gold' }, actor: 'Ada' });
    await store.append(inputChangeDraft('scaling', 'zscore', 'robust', '2025-01-03T10:00:00.000Z'));
    const all = await store.entries();
    expect(filterAudit(all, { kinds: ['input-change'] }).map((e) => e.seq)).toEqual([1, 3]);
    expect(filterAudit(all, { text: 'ROBUST' }).map((e) => e.seq)).toEqual([3]);
    expect(filterAudit(all, { text: 'ada' }).map((e) => e.seq)).toEqual([2]);
    expect(filterAudit(all, { from: '2025-01-02T00:00:00.000Z', to: '2025-01-02T23:59:59.999Z' }).map((e) => e.seq)).toEqual([2]);
  });
});

describe('archive', () => {
  it('keeps approved versions once and reads a customer history from them', async () => {
    const store = new MemoryArchiveStore();
    const keys = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
    const config = await approveConfig(await draftConfig(), { name: 'Ada', role: 'Reviewer', date: '2025-02-01T00:00:00.000Z' }, keys);
    const text = await exportConfigText(config);
    const labels = await fixtureLabels();
    const csv = assignmentsCsv(TABLE.ids, labels);
    const v = await archiveApproved(store, text, csv);
    await archiveApproved(store, text, csv);
    expect(await store.list()).toEqual([v]);
    expect(v).toMatchObject({ kind: 'approved', approver: { name: 'Ada', role: 'Reviewer' }, assignmentsHash: config.assignmentsHash });
    const history = await customerHistory(store, 'C016');
    expect(history).toEqual([{ version: v.id, kind: 'approved', date: '2025-02-01T00:00:00.000Z', approver: 'Ada (Reviewer)', cluster: null, tier: null }]);
    expect((await customerHistory(store, 'nobody'))[0].cluster).toBeUndefined();
  });
});

describe('clear local data', () => {
  it("removes only Tierbook's databases, keys and files, and lists them", async () => {
    const deletedDbs: string[] = [];
    const indexedDB = {
      databases: async () => [{ name: 'tierbook-governance', version: 1 }, { name: 'other-app', version: 1 }, { name: 'tierbook-files', version: 1 }],
      deleteDatabase: (name: string) => {
        const r = { onsuccess: null as null | (() => void), onerror: null, onblocked: null, error: null };
        deletedDbs.push(name);
        setTimeout(() => r.onsuccess?.(), 0);
        return r as unknown as IDBOpenDBRequest;
      },
    };
    const items = new Map([['tierbook:persist:inputs', '{}'], ['theme', 'dark'], ['tierbook:file', 'x']]);
    const localStorage = {
      get length() {
        return items.size;
      },
      key: (i: number) => [...items.keys()][i] ?? null,
      removeItem: (k: string) => void items.delete(k),
    };
    const files = new Set(['tierbook-upload.csv', 'notes.txt']);
    const getDirectory = async () => ({
      async *keys() {
        yield* [...files];
      },
      removeEntry: async (name: string) => void files.delete(name),
    });
    const cleared = await clearLocalData({ indexedDB, localStorage, getDirectory });
    expect(cleared).toEqual({ databases: ['tierbook-files', 'tierbook-governance'], keys: ['tierbook:file', 'tierbook:persist:inputs'], files: ['tierbook-upload.csv'] });
    expect(deletedDbs).toEqual(['tierbook-files', 'tierbook-governance']);
    expect([...items.keys()]).toEqual(['theme']);
    expect([...files]).toEqual(['notes.txt']);
    expect(ownNames(['b-tierbook', 'tierbook'])).toEqual(['tierbook']);
    expect(await clearLocalData({})).toEqual({ databases: [], keys: [], files: [] });
  });
});
