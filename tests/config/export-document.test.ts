import { beforeAll, describe, expect, it } from 'vitest';
import { chooseExport, exportText } from '../../src/config/export-document.ts';
import { approveConfig, generateSigningKey } from '../../src/config/approval.ts';
import { appendAudit } from '../../src/config/audit.ts';
import type { AuditEntry } from '../../src/config/audit-schema.ts';
import { verifyConfig } from '../../src/config/verify.ts';
import { approvedVersion, approvedVersionProblem } from '../../src/config/approved-version.ts';
import { auditKindOf, inputChangeEntry } from '../../src/config/audit-events.ts';
import type { SegmentationConfig } from '../../src/config/segmentation-config.ts';
import { draftConfig } from './fixture.ts';

let draft: SegmentationConfig;
let log: AuditEntry[];
let approved: SegmentationConfig;
beforeAll(async () => {
  const { audit, assignments: _a, ...rest } = await draftConfig();
  draft = rest;
  log = await appendAudit(audit?.entries ?? [], { time: '2025-01-07T09:00:00.000Z', kind: 'approval', details: { approver: 'Ada' } });
  approved = approvedVersion(await approveConfig({ ...draft, audit: { entries: log } }, { name: 'Ada Lovelace', role: 'Head of Planning', date: '2025-01-07T09:00:00.000Z' }, await generateSigningKey())).config;
});

const verdict = async (text: string) => (await verifyConfig(JSON.parse(text))).verdict;

describe('what an export writes', () => {
  it('is the approved config, approved and intact, while only the export time differs; the later log travels with it', async () => {
    const later = await appendAudit(log, { time: '2025-01-08T09:00:00.000Z', kind: 'export', details: {} });
    const choice = chooseExport({ ...draft, createdAt: '2025-01-08T09:00:00.000Z' }, approved, later);
    expect(choice).toMatchObject({ approved: true, note: '' });
    const text = await exportText(choice, later);
    expect(await verdict(text)).toBe('approved');
    expect(JSON.parse(text).audit.entries).toHaveLength(later.length);
  });

  it('is an unsigned draft, intact, naming what changed, once the segmentation changed since approval', async () => {
    const changed = { ...draft, inputs: { ...draft.inputs, k: 4 }, model: { ...draft.model, seed: 8 } };
    const choice = chooseExport(changed, approved, log);
    expect(choice.approved).toBe(false);
    expect(choice.note).toBe('Exported as an unsigned draft: it changed since approval (inputs.k, model.seed).');
    expect(choice.config.approval).toBeUndefined();
    expect(await verdict(await exportText(choice, log))).toBe('draft');
  });

  it('is a draft when the log no longer holds what the approval signed (local data cleared)', async () => {
    const choice = chooseExport(draft, approved, []);
    expect(choice.approved).toBe(false);
    expect(choice.note).toMatch(/audit log no longer holds/);
    expect(await verdict(await exportText(choice, []))).toBe('draft');
  });

  it('is a draft without any approval in force, and a robustness section that has not run again is no change', async () => {
    expect(chooseExport(draft, null, log)).toEqual({ config: draft, approved: false, note: '' });
    const { robustness: _r, ...notRun } = draft;
    expect(chooseExport(notRun, approved, log).approved).toBe(true);
  });
});

describe('the approved version kept by the app', () => {
  it('drops the audit entries and embedded assignments, and is checked like any stored value', () => {
    const kept = approvedVersion({ ...approved, audit: { entries: log } });
    expect(kept.config.audit).toBeUndefined();
    expect(approvedVersionProblem(JSON.parse(JSON.stringify(kept)))).toBeUndefined();
    expect(approvedVersionProblem(null)).toBeUndefined();
    expect(approvedVersionProblem({ config: draft })).toBe('the config has no approval record');
    expect(approvedVersionProblem({ config: { kind: 'x' } })).toMatch(/^invalid config: kind is "x"/);
    expect(() => approvedVersion(draft)).toThrow('not an approved config');
  });
});

describe('input changes in the audit log', () => {
  it('have readable names and their own kinds for tier renames, policy edits and assumptions', () => {
    expect(['tierNames', 'policy', 'assumptionsModel', 'k'].map(auditKindOf)).toEqual(['tier-rename', 'policy-edit', 'assumption-edit', 'input-change']);
    const k = inputChangeEntry({ name: 'k', title: 'Number of clusters (k)', role: 'setting', old: 4, new: 5 }, '2025-01-01T00:00:00.000Z');
    expect(k).toEqual({
      time: '2025-01-01T00:00:00.000Z',
      kind: 'input-change',
      details: { input: 'k', title: 'Number of clusters (k)', old: 4, new: 5, summary: 'Number of clusters (k): 4 → 5' },
    });
    const w = inputChangeEntry({ name: 'weights', title: 'Feature weights', role: 'setting', old: {}, new: { cts_pct: 2 } }, 't', 'Import config');
    expect(w.details).toMatchObject({ summary: 'Feature weights: weights.cts_pct: (none) → 2', via: 'Import config' });
    const names = inputChangeEntry({ name: 'tierNames', title: 'Tier names', role: 'setting', old: '', new: 'Gold,Silver' }, 't');
    expect(names).toMatchObject({ kind: 'tier-rename', details: { summary: 'Tier names: (empty) → Gold,Silver' } });
  });

  it('record a data file by name and size, never its bytes', () => {
    const file = { name: 'orders.csv', bytes: new Uint8Array(2048) };
    const e = inputChangeEntry({ name: 'dataFile', title: 'Data file', role: 'data', old: null, new: file }, 't');
    expect(e.details).toEqual({ input: 'dataFile', title: 'Data file', old: null, new: 'orders.csv (2,048 bytes)', summary: 'Data file: the sample → orders.csv (2,048 bytes)' });
    // Another file input says what its absence means, not "the sample".
    const previous = inputChangeEntry({ name: 'previousConfig', title: 'Previous config (optional)', role: 'data', none: 'the approved version', old: null, new: { name: 'old.json', bytes: new Uint8Array(10) } }, 't');
    expect(previous.details).toMatchObject({ summary: 'Previous config (optional): the approved version → old.json (10 bytes)' });
  });
});
