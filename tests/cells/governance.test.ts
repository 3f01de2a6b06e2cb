import { describe, expect, it } from 'vitest';
import { approval, approvalStatus, approveAction, approvedDiff } from '../../cells/governance.ts';
import { config } from '../../cells/export.ts';
import { k } from '../../cells/cluster.ts';
import { weights } from '../../cells/prepare.ts';
import { generateSigningKey } from '../../src/config/approval.ts';
import { MemoryAuditStore } from '../../src/app/governance/audit-store.ts';
import { chooseExport, exportText } from '../../src/config/export-document.ts';
import { verifyConfig } from '../../src/config/verify.ts';
import { webStorageStore } from '../../src/runtime/index.ts';
import { createEngine } from '../../src/runtime/index.ts';
import { segmentation } from '../../notebooks/segmentation.ts';
import { inlineHost } from '../../src/workers/host.ts';
import { blobsFile, openBlobs } from './fixtures.ts';
import { idle, memoryStorage } from '../runtime/helpers.ts';

const ada = { name: 'Ada Lovelace', role: 'Head of Planning', comment: 'Pilot', date: '2025-03-01T09:00:00.000Z' };

async function approve(engine: ReturnType<typeof openBlobs>, audit = new MemoryAuditStore()) {
  await audit.append({ time: ada.date, kind: 'approval', details: { approver: ada.name } });
  const keys = await generateSigningKey();
  await engine.act(approveAction, { spec: ada, keys, audit: await audit.entries() });
  return audit;
}

describe('Approve (an engine action) and changed since approval', () => {
  it('signs the current config, then lists every setting changed since, and exports the approved config only while nothing changed', async () => {
    const engine = openBlobs({ k: 3 });
    const audit = await approve(engine);
    const kept = engine.getInput(approval);
    expect(kept?.config.approval.approver).toEqual({ name: 'Ada Lovelace', role: 'Head of Planning' });
    expect(kept?.config.audit).toBeUndefined();
    await idle(engine);
    expect(engine.state(approvalStatus).value).toEqual({ approved: { name: ada.name, role: ada.role, date: ada.date, comment: 'Pilot' }, changes: [], data: null });
    // an export while nothing changed: the approved config, approved and intact
    const same = chooseExport(await engine.value(config), kept?.config ?? null, await audit.entries());
    expect(same.note).toBe('');
    expect((await verifyConfig(JSON.parse(await exportText(same, await audit.entries())))).verdict).toBe('approved');

    engine.setInput(weights, { b: 2 });
    engine.setInput(k, 4);
    await idle(engine);
    expect(engine.state(approvalStatus).value?.changes).toEqual([
      { input: 'k', approved: 3, current: 4 },
      { input: 'weights.b', approved: undefined, current: 2 },
    ]);
    const changed = chooseExport(await engine.value(config), kept?.config ?? null, await audit.entries());
    expect(changed.approved).toBe(false);
    expect((await verifyConfig(JSON.parse(await exportText(changed, await audit.entries())))).verdict).toBe('draft');
    engine.dispose();
  });

  it('keeps the approval through Reset and a reload, and then lists what Reset changed', async () => {
    const storage = memoryStorage();
    const open = () => createEngine(segmentation, { debounceMs: 5, store: webStorageStore(storage), initial: { host: inlineHost, dataFile: blobsFile(), features: ['a', 'b', 'c', 'd'], transform: 'none' } });
    const engine = open();
    engine.setInput(k, 3);
    await approve(engine);
    await engine.reset();
    await idle(engine);
    expect(engine.getInput(approval)).not.toBeNull();
    expect(engine.state(approvalStatus).value?.changes.map((c) => c.input)).toEqual(['features', 'k', 'transform']);
    engine.dispose();
    const reloaded = open();
    await idle(reloaded);
    expect(reloaded.state(approvalStatus).value?.approved?.name).toBe('Ada Lovelace');
    reloaded.dispose();
  });

  it('refuses an approval without a name, changing nothing', async () => {
    const engine = openBlobs({ k: 3 });
    const keys = await generateSigningKey();
    await expect(engine.act(approveAction, { spec: { ...ada, name: ' ' }, keys, audit: [] })).rejects.toThrow('invalid approval: the approver name is empty');
    expect(engine.getInput(approval)).toBeNull();
    engine.dispose();
  });

  it('diffs against the approved version on demand: settings, weights, model and the customers who moved', async () => {
    const engine = openBlobs({ k: 3 });
    await approve(engine);
    await engine.run(approvedDiff);
    expect(engine.state(approvedDiff).value).toMatchObject({ same: true, changes: [], moved: { by: 'tier', customers: [] } });
    engine.setInput(k, 4);
    await idle(engine);
    await engine.run(approvedDiff);
    const d = engine.state(approvedDiff).value;
    const paths = d?.changes.map((c) => c.path) ?? [];
    expect(paths).toEqual(expect.arrayContaining(['inputs.k', 'model.k', 'model.centroids', 'model.sizes', 'assignmentsHash']));
    expect(d?.moved?.compared).toBe(150);
    expect(d?.moved?.customers.length).toBeGreaterThan(0);
    // the approved assignments were recomputed exactly (same data, k-means): no caveat
    expect(d?.notes.filter((n) => n.startsWith('moved customers'))).toEqual([]);
    engine.dispose();
  });
});
