// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/runtime/index.ts';
import { review } from '../../notebooks/review.ts';
import { SECTION_IDS } from '../../src/report/report-document.ts';
import { opened } from '../../cells/review-open.ts';
import {
  addReview,
  logReclassification,
  reviewEntries,
  reviewLog,
  reviewedDocument,
} from '../../cells/review-log.ts';
import { letters } from '../../cells/review-letters.ts';
import { inlineHost } from '../../src/workers/host.ts';
import { verifyConfig } from '../../src/config/verify.ts';
import { verifyAuditChain } from '../../src/config/audit.ts';
import { readConfig } from '../../src/config/load-config.ts';
import { reviewRecords } from '../../src/config/review/review-entries.ts';
import type { CellNode } from '../../src/runtime/node.ts';
import { completeConfig, HOSTILE, HOSTILE_FORMULA, HOSTILE_SCRIPT } from '../report/complete-config.ts';
import { draftConfig } from '../config/fixture.ts';
import { sealConfig } from '../../src/config/integrity.ts';

const file = (name: string, text: string) => ({
  name,
  bytes: new Uint8Array(new TextEncoder().encode(text)),
}); // this realm's Uint8Array (jsdom);

function open(text: string, previous?: string) {
  return createEngine(review, {
    live: false,
    initial: {
      host: inlineHost,
      reviewedFile: file('config.json', text),
      ...(previous ? { previousFile: file('old.json', previous) } : {}),
    },
  });
}

async function draw<T>(engine: ReturnType<typeof open>, node: CellNode<T>): Promise<HTMLElement> {
  const value = await engine.value(node);
  const view = node.view!(value, { document, width: 900, memory: {} });
  const host = document.createElement('div');
  if (view instanceof Node) host.append(view);
  else if (typeof view === 'string') host.textContent = view;
  document.body.append(host);
  return host;
}

/** The notebook's report sections, in its order: every cell that shows one section of the report. */
const REVIEW_SECTIONS = review.items.filter((i): i is CellNode<unknown> => i.kind === 'cell' && i.name.startsWith('review_'));

describe('the review notebook', () => {
  it('has one cell for every section of the report, in the report\'s order', () => {
    expect(REVIEW_SECTIONS.map((c) => c.name)).toEqual(SECTION_IDS.map((id) => `review_${id.replaceAll('-', '_')}`));
  });

  it('opens an exported config on its own and shows every section of the report, hostile text as text', async () => {
    const { text } = await completeConfig(true);
    const engine = open(text);
    let all = '';
    for (const section of REVIEW_SECTIONS) {
      const host = await draw(engine, section);
      expect(host.querySelectorAll('img, script, [onerror]').length, section.name).toBe(0);
      all += host.textContent;
    }
    for (const hostile of [HOSTILE, HOSTILE_SCRIPT, HOSTILE_FORMULA]) expect(all).toContain(hostile);
    expect(all).toContain('Every input of the config');
    expect(all).toContain('Explain the Bronze lead time.');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
    engine.dispose();
  });

  it('says what to do before a config is chosen', async () => {
    const engine = createEngine(review, { live: false, initial: { host: inlineHost } });
    const host = await draw(engine, REVIEW_SECTIONS[0]);
    expect(host.textContent).toContain('Choose the config to review');
    engine.dispose();
  });

  it('refuses a file that is not a config, naming the file', async () => {
    const engine = open('{"kind": "something else"}');
    await expect(engine.value(opened)).rejects.toThrow(/config\.json/);
    engine.dispose();
  });

  it('adds a decision and a reclassification request to the config’s audit chain without touching its content: the reviewed config still verifies', async () => {
    const { text, config } = await completeConfig();
    const engine = open(text);
    await expect(
      engine.act(addReview, {
        spec: { decision: 'request-changes', reviewer: 'Rita', comment: '' },
        time: '2025-02-01T10:00:00.000Z',
      }),
    ).rejects.toThrow(/say which changes you request/);
    await engine.act(addReview, {
      spec: { decision: 'approve', reviewer: 'Rita', role: 'Finance', comment: 'Fine.' },
      time: '2025-02-01T10:00:00.000Z',
    });
    await engine.act(logReclassification, {
      spec: { customer: config.assignments!.ids[3], requestedTier: 'Silver', reason: 'Volume up', by: 'Sam' },
      time: '2025-02-01T10:05:00.000Z',
    });
    expect(engine.getInput(reviewLog)).toHaveLength(2);
    const o = await engine.value(opened);
    const document_ = reviewedDocument(o!, engine.getInput(reviewLog));
    const reread = readConfig(JSON.parse(JSON.stringify(document_))).config;
    expect(reread.audit!.entries.length).toBe(config.audit!.entries.length + 2);
    expect((await verifyAuditChain(reread.audit!.entries, reread.integrity!.audit)).ok).toBe(true);
    const before = await verifyConfig(JSON.parse(text));
    const after = await verifyConfig(document_);
    expect(after.verdict).toBe(before.verdict);
    expect(reviewRecords(reread.audit!.entries).at(-1)).toMatchObject({
      reviewer: 'Rita',
      decision: 'approve',
      comment: 'Fine.',
    });
    const host = await draw(engine, reviewEntries);
    expect(host.textContent).toContain('You added 2 entries');
    const tables = [...host.querySelectorAll('tb-table')] as unknown as {
      caption: string;
      rows: Record<string, unknown>[];
    }[];
    expect(tables.find((t) => t.caption === 'Reclassification requests')?.rows.at(-1)).toMatchObject({
      reason: 'Volume up',
      requestedTier: 'Silver',
      by: 'Sam',
    });
    const governance = await draw(engine, REVIEW_SECTIONS.at(-1)!);
    expect(governance.textContent).toContain('Fine.');
    engine.dispose();
  });

  it('keeps entries made on another config out of this one', async () => {
    const { text } = await completeConfig();
    const engine = open(text);
    await engine.act(addReview, {
      spec: { decision: 'comment', reviewer: 'Rita', comment: 'First config' },
      time: '2025-02-01T10:00:00.000Z',
    });
    const other = await sealConfig(await draftConfig());
    engine.setInput('reviewedFile', file('other.json', JSON.stringify(other)));
    const host = await draw(engine, reviewEntries);
    expect(host.textContent).toContain('1 earlier review entry was made on another config');
    engine.dispose();
  });

  it('writes letters for the customers whose tier changed since the previous config', async () => {
    const { text, config } = await completeConfig(true);
    const tiers = config.tierMap!.clusters;
    const previous = {
      ...config,
      tierMap: { ...config.tierMap!, clusters: tiers.map((t, i) => (i === 0 ? 'Silver' : t)) },
    };
    const engine = open(text, JSON.stringify(previous));
    engine.setInput('effectiveDate', '1 March 2027');
    const value = await engine.value(letters);
    expect(value.missing).toBeNull();
    expect(value.letters.length).toBeGreaterThan(0);
    for (const l of value.letters) {
      expect(l.oldTier).toBe('Silver');
      expect(l.text).toContain('1 March 2027');
    }
    const host = await draw(engine, letters);
    expect(host.querySelectorAll('img, script').length).toBe(0);
    engine.dispose();
  });
});
