// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import '../../src/ui/tb-table.ts';
import { fairnessReview, type FairnessReview } from '../../cells/fairness.ts';
import { configToJson } from '../../src/config/config-json.ts';
import type { SegmentationConfig } from '../../src/config/segmentation-config.ts';
import type { FileValue, RunContext } from '../../src/runtime/index.ts';
import { filterDowngraded } from '../../src/ui/views/downgraded-view.ts';
import { draftConfig, TABLE } from '../config/fixture.ts';
import { tableCsv, tierbook, writeFiles } from '../cli/governance-helpers.ts';
import { settle } from '../ui/helpers.ts';

const context: RunContext = { signal: new AbortController().signal, progress: () => {}, lane: 'background' };
const XSS = '<img src=x onerror=alert(1)>';

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

/** The approved config and a current one that moves the Gold cluster to Silver (the configs of the diff command's test). */
async function configs(): Promise<{ approved: SegmentationConfig; current: SegmentationConfig }> {
  const approved = await draftConfig();
  const current = { ...approved, tierMap: approved.tierMap && { ...approved.tierMap, clusters: ['Bronze', 'Silver', 'Silver'] } };
  return { approved, current };
}

async function review(approved: SegmentationConfig | null, current: SegmentationConfig, table = TABLE, previousConfig: FileValue | null = null): Promise<FairnessReview> {
  const approval = approved && { config: approved };
  return fairnessReview.run({ config: current, approval, previousConfig, table, fairnessAttribute: 'region', churnRate: 10 }, context) as Promise<FairnessReview>;
}

const file = (name: string, text: string): FileValue => ({ name, bytes: new TextEncoder().encode(text) });

function view(r: FairnessReview, readOnly = false): HTMLElement {
  const el = fairnessReview.view?.(r, { document, width: 900, memory: {}, readOnly }) as HTMLElement;
  document.body.append(el);
  return el;
}

/** Presses the download button and returns the file it offered (name and text). */
async function pressDownload(root: HTMLElement): Promise<{ name: string; text: string }> {
  let blob: Blob | undefined;
  let name = '';
  URL.createObjectURL = (b: Blob | MediaSource) => ((blob = b as Blob), 'blob:test');
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    name = this.download;
  });
  const button = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Download downgraded customers (CSV)');
  expect(button).toBeDefined();
  button?.click();
  if (!blob) throw new Error('nothing was offered');
  const text = await new Promise<string>((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob as Blob);
  });
  return { name, text };
}

describe('Fairness and migration: the downgraded customers', () => {
  it('lists them in a searchable table and downloads the same bytes as `tierbook diff --out` downgraded.csv', async () => {
    const { approved, current } = await configs();
    const r = await review(approved, current);
    if ('unavailable' in r.migration) throw new Error(r.migration.unavailable);
    const downgraded = r.migration.impact.downgraded;
    expect(downgraded).toHaveLength(5); // as the command reports for these configs: downgrades 5
    const root = view(r);
    const table = root.querySelector('.tb-downgraded tb-table') as unknown as HTMLElement & { rows: readonly { id: string; g0: string; g1: string }[] };
    await settle(table);
    expect(table.rows.map((x) => x.id)).toEqual(downgraded.map((d) => d.id));
    expect(table.rows[0]).toMatchObject({ g0: downgraded[0].groups.region, g1: downgraded[0].groups.channel });
    const headers = [...(table.shadowRoot?.querySelectorAll('th') ?? [])].map((th) => th.textContent?.replace(/[↕▲▼\s]/g, ''));
    expect(headers).toEqual(['customer_id', 'Oldtier', 'Newtier', 'Revenue', 'Grossmargin', 'region', 'channel']);

    // the search box narrows the table (by id, case-insensitively)
    const search = root.querySelector<HTMLInputElement>('input.tb-downgraded-search');
    if (!search) throw new Error('no search box');
    search.value = downgraded[0].id.toLowerCase();
    search.dispatchEvent(new Event('input'));
    expect(table.rows.map((x) => x.id)).toEqual([downgraded[0].id]);
    expect(root.querySelector('[role=status]')?.textContent).toBe('1 of 5 shown');

    const file = await pressDownload(root);
    const paths = await writeFiles({ 'old.json': configToJson(approved), 'new.json': configToJson(current), 'customers.csv': tableCsv() });
    const out = join(paths['old.json'], '..', 'out');
    const cli = await tierbook('diff', paths['old.json'], paths['new.json'], '--data', paths['customers.csv'], '--churn', '0.1', '--out', out);
    expect(cli.stderr).toBe('');
    expect(file.name).toBe('downgraded.csv');
    expect(file.text).toBe(await readFile(join(out, 'downgraded.csv'), 'utf8'));
    expect(file.text.split('\n')[0]).toBe('customer_id,from_tier,to_tier,revenue,gross_margin,cts_saved,region,channel');
  });

  it('renders hostile ids and tier names as text, in the table and the CSV', async () => {
    const { approved, current } = await configs();
    const first = await review(approved, current);
    if ('unavailable' in first.migration) throw new Error(first.migration.unavailable);
    const target = first.migration.impact.downgraded[0].id;
    const table = { ...TABLE, ids: TABLE.ids.map((id) => (id === target ? XSS : id)) };
    const hostile = (c: SegmentationConfig): SegmentationConfig => {
      const m = c.tierMap;
      if (!m) throw new Error('the fixture has tiers');
      const rename = (t: string) => (t === 'Silver' ? `${XSS}Silver` : t);
      return { ...c, tierMap: { ...m, order: m.order.map(rename), clusters: m.clusters.map(rename) } };
    };
    const r = await review(hostile(approved), hostile(current), table);
    if ('unavailable' in r.migration) throw new Error(r.migration.unavailable);
    expect(r.migration.impact.downgraded[0].id).toBe(XSS);
    const root = view(r);
    const t = root.querySelector('.tb-downgraded tb-table') as HTMLElement;
    await settle(t);
    const cells = [...(t.shadowRoot?.querySelectorAll('tbody td') ?? [])].map((td) => td.textContent);
    expect(cells).toContain(XSS);
    expect(cells).toContain(`${XSS}Silver`);
    expect(root.querySelector('img')).toBeNull();
    expect(t.shadowRoot?.querySelector('img')).toBeNull();
    expect(filterDowngraded(r.migration.impact.downgraded, '<IMG').map((d) => d.id)).toEqual([XSS]);
    // the CSV neutralises nothing here (no leading = + - @), and quotes nothing it need not
    const file = await pressDownload(root);
    expect(file.text.split('\n')[1].startsWith(`${XSS},`)).toBe(true);
  });

  it('offers no download on a read-only page (the audience window)', async () => {
    const { approved, current } = await configs();
    const root = view(await review(approved, current), true);
    expect(root.querySelector('input.tb-downgraded-search')).not.toBeNull();
    expect(root.querySelector('button.tb-downgraded-download')).toBeNull();
  });

  it('compares with a previous config file instead of the approved version, and says which', async () => {
    const { approved, current } = await configs();
    const approvedOnly = await review(approved, current);
    expect(view(approvedOnly).textContent).toContain('Against the approved version: 15 customers compared');
    // the previous config given: compared with it, even with nothing approved
    const fromFile = await review(null, current, TABLE, file('last-year.json', configToJson(approved)));
    expect(fromFile.against).toBe('the previous config last-year.json');
    expect(fromFile.migration).toEqual(approvedOnly.migration);
    expect(view(fromFile).textContent).toContain('Against the previous config last-year.json: 15 customers compared, 66.7% stay in their tier, 0 move up, 5 move down.');
    // the file wins over the approved version: the current config against itself moves nobody
    const itself = await review(approved, current, TABLE, file('same.json', configToJson(current)));
    expect(itself.migration).toMatchObject({ impact: { downgraded: [] } });
  });

  it('says what is wrong with a previous config file, naming it, and still screens fairness', async () => {
    const { current } = await configs();
    const broken = await review(null, current, TABLE, file('broken.json', '{"kind":'));
    expect(broken.migration).toEqual({ unavailable: expect.stringMatching(/^Migration: broken\.json: not JSON .*Choose another config file, or clear it to compare with the approved version\.$/) });
    expect(broken.fairness).not.toHaveProperty('unavailable');
    const { tierMap: _t, ...untiered } = current;
    const plain = await review(null, current, TABLE, file('plain.json', configToJson(untiered)));
    expect(plain.migration).toEqual({ unavailable: expect.stringContaining('Migration: plain.json has no tier map') });
  });
});
