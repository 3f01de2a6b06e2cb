import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approveConfig, generateSigningKey, keyFingerprint } from '../../src/config/approval.ts';
import { sealConfig } from '../../src/config/integrity.ts';
import { verifyConfig, type Verification } from '../../src/config/verify.ts';
import { appendAudit } from '../../src/config/audit.ts';
import { canonicalJson } from '../../src/config/hash.ts';
import type { SegmentationConfig } from '../../src/config/segmentation-config.ts';
import { draftConfig } from './fixture.ts';

type Json = Record<string, unknown>;
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

let draft: SegmentationConfig;
let sealed: Json;
let signed: Json;
let keys: CryptoKeyPair;

beforeAll(async () => {
  draft = await draftConfig();
  sealed = clone(await sealConfig(draft)) as unknown as Json;
  keys = await generateSigningKey();
  const entries = await appendAudit(draft.audit?.entries ?? [], { time: '2025-01-07T08:00:00.000Z', kind: 'approval', details: { approver: 'Ada Lovelace' } });
  signed = clone(
    await approveConfig({ ...draft, audit: { entries } }, { name: 'Ada Lovelace', role: 'Head of Supply Chain', comment: 'Pilot tiers', date: '2025-01-07T08:00:00.000Z' }, keys),
  ) as unknown as Json;
});

async function verdictOf(document: unknown): Promise<Verification | 'unreadable'> {
  try {
    return await verifyConfig(document);
  } catch {
    return 'unreadable';
  }
}

/** Every leaf of a JSON value, as a path of keys and indexes. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [i, v] as const) : Object.entries(value);
    if (entries.length === 0) return [path];
    return entries.flatMap(([k, v]) => leaves(v, [...path, k]));
  }
  return [path];
}

function edited(document: Json, path: (string | number)[], change: (old: unknown) => unknown): Json {
  const copy = clone(document);
  let at: Record<string | number, unknown> = copy;
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  at[last] = change(at[last]);
  return copy;
}

/** A different value of the same JSON type where possible. */
function changeOf(old: unknown): unknown {
  if (typeof old === 'number') return old === 0 ? 1 : old * -1.5 + 1;
  // a hash keeps its form (another valid hash), so the edit is not caught by the schema alone
  if (typeof old === 'string' && /[0-9a-f]{64}$/.test(old)) return `${old.slice(0, -1)}${old.endsWith('0') ? '1' : '0'}`;
  if (typeof old === 'string') return `${old}x`;
  if (typeof old === 'boolean') return !old;
  if (old === null) return 0;
  if (Array.isArray(old)) return [...old, 0];
  return { ...(old as Json), added: 1 };
}

describe('verify', () => {
  it('calls an exported draft intact, and an approved config approved and intact', async () => {
    const d = await verifyConfig(sealed);
    expect(d).toMatchObject({ verdict: 'draft', intact: true, problems: [] });
    expect(d.message).toBe('unsigned draft, intact: the content matches the hash written at export');
    const a = await verifyConfig(signed);
    expect(a).toMatchObject({ verdict: 'approved', intact: true, problems: [], approval: { name: 'Ada Lovelace', role: 'Head of Supply Chain', comment: 'Pilot tiers' } });
    expect(a.approval?.keyFingerprint).toBe(await keyFingerprint((signed.approval as { publicKey: never }).publicKey));
    expect(a.message).toMatch(/^approved and intact: approved by Ada Lovelace \(Head of Supply Chain\) on 2025-01-07T08:00:00.000Z; key [0-9a-f]{16}…$/);
  });

  it('keeps a config re-serialised with other key order and whitespace intact', async () => {
    const reorder = (v: unknown): unknown =>
      v && typeof v === 'object' ? (Array.isArray(v) ? v.map(reorder) : Object.fromEntries(Object.entries(v).reverse().map(([k, x]) => [k, reorder(x)]))) : v;
    const text = JSON.stringify(reorder(signed), null, '\t');
    expect(text).not.toBe(JSON.stringify(signed, null, 2));
    expect((await verifyConfig(JSON.parse(text))).verdict).toBe('approved');
    expect((await verifyConfig(JSON.parse(JSON.stringify(reorder(sealed))))).verdict).toBe('draft');
  });

  it('names the sections edited after approval: a centroid, a weight, a tier, the assignments hash', async () => {
    const cases: [(string | number)[], string, (old: unknown) => unknown][] = [
      [['model', 'centroids', 1, 2], 'model.centroids', changeOf],
      [['preparation', 'features', 1, 'weight'], 'preparation.features', changeOf],
      [['tierMap', 'clusters', 0], 'tierMap.clusters', () => 'Gold'],
      [['assignmentsHash'], 'assignmentsHash', () => `sha256:${'0'.repeat(64)}`],
      [['reference', 'features', 0, 'edges', 3], 'reference.features', (old) => Number(old) + 0.5],
    ];
    for (const [path, section, change] of cases) {
      const v = await verifyConfig(edited(signed, path, change));
      expect(v.verdict).toBe('edited');
      expect(v.changedSections).toContain(section);
      expect(v.message).toContain(`edited after approval; changed: `);
      expect(v.message).toContain(section);
    }
    const d = await verifyConfig(edited(sealed, ['policies', 'tiers', 'Gold', 'serviceLevel'], () => 0.5));
    expect(d).toMatchObject({ verdict: 'edited', changedSections: ['policies.tiers'], message: 'edited after export; changed: policies.tiers' });
  });

  it('reports an altered integrity record even when the content is untouched', async () => {
    const integrity = sealed.integrity as { sections: Record<string, string> };
    const v = await verifyConfig({ ...clone(sealed), integrity: { ...integrity, sections: { ...integrity.sections, 'model.k': '0'.repeat(64) } } });
    expect(v).toMatchObject({ verdict: 'edited', changedSections: ['integrity'], message: 'edited after export; changed: integrity' });
  });

  it('reports a tampered approval record or signature as an invalid signature', async () => {
    for (const path of [['approval', 'approver', 'name'], ['approval', 'comment'], ['approval', 'date'], ['approval', 'signature']]) {
      const v = await verifyConfig(edited(signed, path, (old) => (path[1] === 'signature' ? `${String(old).slice(0, -4)}AAA=` : `${String(old)}!`)));
      expect(v.verdict).toBe('signature-invalid');
      expect(v.intact).toBe(false);
      expect(v.message).toBe('signature invalid: the signature does not match the approval record under its public key');
    }
    // re-signed by someone else: the content is intact under their key, which is not the trusted one
    const other = await generateSigningKey();
    const resigned = await approveConfig(signed as unknown as SegmentationConfig, { name: 'Mallory', role: 'Intern' }, other);
    expect((await verifyConfig(resigned)).verdict).toBe('approved');
    const trusted = [await keyFingerprint((signed.approval as { publicKey: never }).publicKey)];
    const v = await verifyConfig(resigned, { trustedKeys: trusted });
    expect(v.verdict).toBe('signature-invalid');
    expect(v.message).toMatch(/^signature invalid: signed with key [0-9a-f]{16}…, which is not among the trusted keys$/);
  });

  it('detects a deleted, reordered, edited or cut-off audit entry', async () => {
    const entries = (signed.audit as { entries: Json[] }).entries;
    expect(entries).toHaveLength(4);
    const variants: [string, Json[]][] = [
      ['deleted', [entries[0], entries[2], entries[3]]],
      ['reordered', [entries[1], entries[0], entries[2], entries[3]]],
      ['edited', [entries[0], { ...entries[1], details: { input: 'k', old: 4, new: 9 } }, entries[2], entries[3]]],
      ['cut off', entries.slice(0, 3)],
    ];
    for (const [what, list] of variants) {
      const v = await verifyConfig({ ...clone(signed), audit: { entries: list } });
      expect(v.verdict, what).toBe('edited');
      expect(v.changedSections, what).toContain('audit');
      expect(v.problems.length, what).toBeGreaterThan(0);
    }
    const deleted = await verifyConfig({ ...clone(sealed), audit: { entries: [entries[0], entries[2]] } });
    expect(deleted.problems).toContain('audit entry 2 (tier-rename at 2025-01-06T09:06:00.000Z): numbered 3 where 2 was expected (an entry was deleted, inserted or moved)');
  });

  it('accepts audit entries appended properly after approval only when the export records them', async () => {
    const config = signed as unknown as SegmentationConfig;
    const entries = await appendAudit(config.audit?.entries ?? [], { time: '2025-01-08T08:00:00.000Z', kind: 'export', details: {} });
    expect((await verifyConfig({ ...config, audit: { entries } })).verdict).toBe('edited');
    expect((await verifyConfig(await sealConfig({ ...config, audit: { entries } }))).verdict).toBe('approved');
  });

  it('detects every single-field edit of a signed config (each leaf, and random replacement values)', async () => {
    const paths = leaves(signed);
    expect(paths.length).toBeGreaterThan(600);
    const missed: string[] = [];
    let judged = 0;
    for (const path of paths) {
      const v = await verdictOf(edited(signed, path, changeOf));
      if (v !== 'unreadable' && v.intact) missed.push(path.join('.'));
      if (v !== 'unreadable') judged++;
    }
    expect(missed).toEqual([]);
    // many edits leave a readable config that only the hashes or the signature catch (the rest,
    // e.g. percentiles out of order, are refused as unreadable, which is detection too)
    expect(judged).toBeGreaterThan(paths.length / 3);
    // removing any member of the content
    for (const path of paths.filter((p) => !['integrity', 'approval', 'audit'].includes(String(p[0])) && p.length >= 1)) {
      const copy = clone(signed);
      let at: Record<string | number, unknown> = copy;
      for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>;
      const last = path[path.length - 1];
      if (Array.isArray(at)) at.splice(last as number, 1);
      else delete at[last];
      const v = await verdictOf(copy);
      if (v !== 'unreadable' && v.intact) missed.push(`without ${path.join('.')}`);
    }
    expect(missed).toEqual([]);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: paths.length - 1 }), fc.jsonValue(), async (i, value) => {
        const before = canonicalJson(edited(signed, paths[i], (old) => old));
        const after = edited(signed, paths[i], () => value);
        fc.pre(canonicalJson(after) !== before);
        const v = await verdictOf(after);
        expect(v === 'unreadable' || !v.intact).toBe(true);
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it('cannot vouch for a version 1 config or one without an integrity record', async () => {
    const { integrity: _i, ...unsealed } = sealed;
    expect(await verifyConfig(unsealed)).toMatchObject({ verdict: 'unverifiable', intact: false });
    const { assumptions: _a, reference: _r, tierMap: _t, tiering: _g, policies: _p, robustness: _b, assignments: _s, integrity: _j, audit: _u, ...core } = sealed;
    const v1 = await verifyConfig({ ...core, version: 1 });
    expect(v1).toMatchObject({ verdict: 'unverifiable', message: 'cannot verify: a version 1 config carries no content hash' });
    expect(v1.notes[0]).toContain('predates version 2');
  });

  it('checks embedded assignments against the assignments hash', async () => {
    const clusters = [...(draft.assignments?.clusters ?? [])];
    clusters[0] = clusters[0] === 1 ? 2 : 1;
    const inconsistent = await sealConfig({ ...draft, assignments: { ...(draft.assignments as NonNullable<SegmentationConfig['assignments']>), clusters } });
    const v = await verifyConfig(inconsistent);
    expect(v.verdict).toBe('edited');
    expect(v.problems).toContain('assignments: the embedded assignments do not match assignmentsHash');
  });
});
