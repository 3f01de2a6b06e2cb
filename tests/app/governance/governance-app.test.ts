import { describe, expect, it } from 'vitest';
import { Governance, changedSinceApprovalLine, verdictLine } from '../../../src/app/governance/governance.ts';
import { MemoryAuditStore } from '../../../src/app/governance/audit-store.ts';
import { MemoryArchiveStore } from '../../../src/app/governance/archive-store.ts';
import { MemorySecret } from '../../../src/app/governance/kept-secret.ts';
import { verifyAuditChain } from '../../../src/config/audit.ts';
import { verifyConfig } from '../../../src/config/verify.ts';
import { segmentationApp } from '../../../notebooks/segmentation.ts';
import { k } from '../../../cells/cluster.ts';
import { weights } from '../../../cells/prepare.ts';
import { openBlobs } from '../../cells/fixtures.ts';
import { idle } from '../../runtime/helpers.ts';


function setup(initial: Record<string, unknown> = { k: 3 }) {
  const engine = openBlobs(initial);
  const stores = { audit: new MemoryAuditStore(), keys: new MemorySecret<CryptoKeyPair>(), archive: new MemoryArchiveStore(), pseudonymKey: new MemorySecret<Uint8Array>() };
  let tick = 0;
  const gov = new Governance(engine, segmentationApp, stores, { now: () => new Date(Date.UTC(2025, 2, 1, 9, 0, tick++)).toISOString() });
  const errors: string[] = [];
  gov.start((m) => errors.push(m));
  return { engine, stores, gov, errors };
}

const settle = async (engine: Parameters<typeof idle>[0]) => {
  await idle(engine);
  await new Promise((r) => setTimeout(r, 20)); // the log appends after the commit
};

describe('governance in the app', () => {
  it('logs every committed change with readable names, approves, exports the approved config while nothing changed, and a draft after a change', async () => {
    const { engine, gov, errors } = setup();
    engine.setInput(weights, { b: 2 });
    await settle(engine);
    const approved = await gov.approve({ name: 'Ada Lovelace', role: 'Head of Planning', comment: 'Pilot' });
    expect(approved).toEqual({ archived: true, message: 'Approved by Ada Lovelace and archived in this browser.' });
    await settle(engine);
    // the archive answers a customer's tier history
    const history = await gov.history(` ${(await engine.value(segmentationApp.assignments)).ids[0]} `);
    expect(history).toHaveLength(1);
    expect(history[0].approver).toBe('Ada Lovelace (Head of Planning)');

    const first = await gov.exportConfig();
    expect(first.approved).toBe(true);
    const v1 = await verifyConfig(JSON.parse(first.text));
    expect(v1.verdict).toBe('approved');
    expect(verdictLine(v1)).toMatch(/^Approved and intact: approved by Ada Lovelace \(Head of Planning\)/);

    engine.setInput(k, 4);
    await settle(engine);
    expect(changedSinceApprovalLine(engine.state(segmentationApp.approvalStatus).value)).toMatch(/^Changed since approval by Ada Lovelace on 2025-03-01: k: 3 → 4\.$/);
    const second = await gov.exportConfig();
    expect(second.approved).toBe(false);
    expect(second.message).toMatch(/^Exported as an unsigned draft: it changed since approval/);
    expect((await verifyConfig(JSON.parse(second.text))).verdict).toBe('draft');

    const log = await gov.entries();
    expect(log.map((e) => e.kind)).toEqual(['input-change', 'approval', 'export', 'input-change', 'export']);
    expect(log[0].details.summary).toBe('Feature weights: weights.b: (none) → 2');
    expect(log[3].details).toMatchObject({ input: 'k', title: 'Number of clusters (k)', old: 3, new: 4 });
    expect((await verifyAuditChain(log)).ok).toBe(true);
    // the export carries the log as it was, the export entry included
    expect(JSON.parse(second.text).audit.entries).toHaveLength(5);
    expect(errors).toEqual([]);
    engine.dispose();
  });

  it('reports the import verdict and logs the import and the settings it changed (via Import config)', async () => {
    const { engine, gov } = setup();
    await gov.approve({ name: 'Ada', role: 'Reviewer' });
    const text = (await gov.exportConfig()).text;
    engine.setInput(k, 5);
    await settle(engine);
    const intact = await gov.importConfig(text, 'approved.json');
    expect(intact.line).toMatch(/^Approved and intact/);
    await settle(engine);
    expect(engine.getInput(k)).toBe(3);
    const log = await gov.entries();
    expect(log.at(-1)?.kind).toBe('import');
    expect(log.find((e) => e.details.via === 'Import config')?.details).toMatchObject({ input: 'k', old: 5, new: 3 });

    const doc = JSON.parse(text);
    doc.model.centroids[0][0] += 0.5;
    const tampered = await gov.importConfig(JSON.stringify(doc), 'tampered.json');
    expect(tampered.verdict.verdict).toBe('edited');
    expect(tampered.line).toMatch(/^Edited after approval \(.*model.*\)/);
    const resigned = JSON.parse(text);
    resigned.approval.comment = 'Approved without changes';
    const forged = await gov.importConfig(JSON.stringify(resigned), 'forged.json');
    expect(forged.line).toBe('Signature invalid: approval: the signature does not match the approval record under its public key.');
    // a version 1 config cannot be verified: said as such, with the note on what to do
    const v1 = { verdict: 'unverifiable', intact: false, message: 'cannot verify: a version 1 config carries no content hash', problems: [], changedSections: [], notes: ['x'], approval: null, contentHash: '' } as const;
    expect(verdictLine(v1)).toBe('Cannot verify: a version 1 config carries no content hash.');
    engine.dispose();
  });

  it('pseudonymises the assignments with a key kept in the browser: the same pseudonym each time, never the id', async () => {
    const { engine, gov } = setup();
    const plain = await gov.assignmentsText(false);
    const first = await gov.assignmentsText(true);
    const second = await gov.assignmentsText(true);
    expect(second).toBe(first);
    expect(plain.split('\n')[1]).toMatch(/^C\d+,/);
    const lines = first.trim().split('\n');
    expect(lines[0]).toBe(plain.split('\n')[0]);
    expect(lines.slice(1).every((l) => /^p-[0-9a-f]{20},/.test(l))).toBe(true);
    // the clusters are the same, row by row
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual(plain.trim().split('\n').slice(1).map((l) => l.split(',')[1]));
    expect((await gov.entries()).map((e) => e.details.pseudonymised)).toEqual([false, true, true]);
    engine.dispose();
  });

  it('refuses a bad file before anything changes or is logged, and an approval without a role', async () => {
    const { engine, gov } = setup();
    await settle(engine);
    const before = JSON.stringify(engine.inputValues());
    await expect(gov.importConfig('{"kind":', 'broken.json')).rejects.toThrow(/^broken\.json: not JSON/);
    await expect(gov.importConfig('{"kind":"tierbook-segmentation-config","version":7}', 'v7.json')).rejects.toThrow('v7.json: invalid config: schema version 7 is newer');
    await expect(gov.importConfig('{"kind":"tierbook-segmentation-config","version":2}', 'empty.json')).rejects.toThrow(/^empty\.json: invalid config: /);
    // a whole, valid export with one polluting key among the settings
    const text = (await gov.exportConfig()).text.replace('"inputs": {', '"inputs": {"__proto__": {"polluted": true},');
    await expect(gov.importConfig(text, 'p.json')).rejects.toThrow('p.json: invalid config: key "__proto__" at inputs is not allowed');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await expect(gov.approve({ name: 'Ada', role: ' ' })).rejects.toThrow('Approve: enter the approver’s role.');
    await settle(engine);
    expect(JSON.stringify(engine.inputValues())).toBe(before);
    expect((await gov.entries()).map((e) => e.kind)).toEqual(['export']);
    engine.dispose();
  });
});
