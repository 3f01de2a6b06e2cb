// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { segmentation } from '../../notebooks/segmentation.ts';
import { inputCatalog } from '../../src/report/input-catalog.ts';
import { buildReport, prepareReport } from '../../src/report/build-report.ts';
import { reportHtml } from '../../src/report/report-html.ts';
import { reportMarkdown } from '../../src/report/report-markdown.ts';
import { evidenceFromCells } from '../../src/report/evidence.ts';
import { draftConfig } from '../config/fixture.ts';
import { sealConfig } from '../../src/config/integrity.ts';
import { completeConfig, HOSTILE, HOSTILE_FORMULA, HOSTILE_SCRIPT } from './complete-config.ts';
import { fieldsInDom, fieldsInMarkdown, missingFields, schemaFields } from './config-fields.ts';

const INPUTS = inputCatalog(segmentation);

async function render(text: string, options: Partial<Parameters<typeof prepareReport>[0]> = {}) {
  const input = await prepareReport({
    document: JSON.parse(text),
    fileName: 'config.json',
    inputs: INPUTS,
    ...options,
  });
  const doc = buildReport(input);
  return { input, doc, html: reportHtml(doc), markdown: reportMarkdown(doc) };
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

describe('the report lists every field of the config', () => {
  it('walks the schema: every section of version 2 is there', () => {
    const paths = schemaFields().map((f) => f.path);
    for (const p of [
      'kind',
      'data.fingerprint',
      'preparation.features[].scale',
      'model.centroids',
      'tierMap.clusters',
      'policies.tiers',
      'robustness.holdout.ari',
      'approval.publicKey.x',
      'audit.entries[].hash',
      'integrity.sections',
    ]) {
      expect(paths).toContain(p);
    }
  });

  it('names every schema field in the HTML report and in the Markdown report', async () => {
    const { text } = await completeConfig();
    const { html, markdown } = await render(text);
    expect(missingFields(fieldsInDom(parse(html)))).toEqual([]);
    expect(missingFields(fieldsInMarkdown(markdown))).toEqual([]);
  });

  it('lists every input the config records and every setting of the notebook, with its description', async () => {
    const { text, config } = await completeConfig();
    const { html, markdown } = await render(text);
    const page = parse(html);
    const table = [...page.querySelectorAll('table')].find((t) =>
      t.querySelector('caption')?.textContent?.startsWith('Every input of the config'),
    );
    expect(table).toBeDefined();
    const names = [...table!.querySelectorAll('tbody tr')].map((tr) => tr.children[1].textContent);
    for (const name of Object.keys(config.inputs)) expect(names, name).toContain(name);
    for (const info of INPUTS) {
      expect(names, info.name).toContain(info.name);
      const row = [...table!.querySelectorAll('tbody tr')].find(
        (tr) => tr.children[1].textContent === info.name,
      )!;
      if (info.description) expect(row.children[5].textContent).toContain(info.description);
      expect(markdown).toContain(`| ${info.name.replaceAll('_', '\\_')} |`);
    }
    // a recorded value is written as the input writes it; a missing one says the default applies
    expect(names.length).toBe(new Set([...INPUTS.map((i) => i.name), ...Object.keys(config.inputs)]).size);
    const k = [...table!.querySelectorAll('tbody tr')].find((tr) => tr.children[1].textContent === 'k')!;
    expect(k.children[2].textContent).toBe('3');
    const scaling = [...table!.querySelectorAll('tbody tr')].find(
      (tr) => tr.children[1].textContent === 'rateOrder',
    )!;
    expect(scaling.children[2].textContent).toMatch(/^not recorded \(default 25 applies\)$/);
  });
});

describe('nothing from a config is rendered as markup', () => {
  it('keeps ids, tier names, comments, assumptions and audit details as text in the HTML report', async () => {
    const { text } = await completeConfig(true);
    const { html } = await render(text);
    const page = parse(html);
    expect(page.querySelectorAll('img, script, iframe, object, embed, link, base, form')).toHaveLength(0);
    const withHandlers = [...page.querySelectorAll('*')].filter((el) =>
      [...el.attributes].some((a) => /^on/i.test(a.name)),
    );
    expect(withHandlers).toEqual([]);
    const body = page.body.textContent ?? '';
    for (const hostile of [HOSTILE, HOSTILE_SCRIPT, HOSTILE_FORMULA]) expect(body).toContain(hostile);
    // the report's own policy forbids every request and every script, whatever it contains
    expect(page.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
  });

  it('escapes markup in the Markdown report', async () => {
    const { text } = await completeConfig(true);
    const { markdown } = await render(text);
    expect(markdown).not.toMatch(/(^|[^\\])<(img|script)/);
    expect(markdown).toContain('\\<img src=x onerror="window.pwned=1"\\>');
  });
});

describe('report content', () => {
  it('is a function of its inputs: the same bytes for a re-serialised document', async () => {
    const { text, config } = await completeConfig();
    const a = await render(text);
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(config).reverse()));
    const b = await render(reordered);
    expect(b.html).toBe(a.html);
    expect(b.markdown).toBe(a.markdown);
  });

  it('gives the verdict, the approval and the review decisions', async () => {
    const { text } = await completeConfig();
    const { html } = await render(text);
    const body = parse(html).body.textContent ?? '';
    expect(body).toContain('Approved and intact: approved by Bea Approver (Head of Supply Chain)');
    expect(body).toContain('request-changes');
    expect(body).toContain('Explain the Bronze lead time.');
    expect(body).toContain('Strategic growth account');
    expect(body).toMatch(/audit log's 7 entries form an intact hash chain/);
  });

  it('says when a config was edited after approval, naming the section', async () => {
    const { config } = await completeConfig();
    const tampered = {
      ...config,
      model: {
        ...config.model,
        centroids: config.model.centroids.map((r, i) => (i === 0 ? r.map((x) => x + 0.5) : r)),
      },
    };
    const { html } = await render(JSON.stringify(tampered));
    const page = parse(html);
    const summary = page.querySelector('#summary .callout')!;
    expect(summary.className).toContain('tone-error');
    expect(summary.textContent).toContain('model.centroids');
  });

  it('draws charts as inline SVG with their figures as text', async () => {
    const { text } = await completeConfig();
    const { html, markdown } = await render(text);
    const page = parse(html);
    const charts = page.querySelectorAll('figure.chart svg');
    expect(charts.length).toBeGreaterThanOrEqual(5);
    expect(page.querySelector('#data figure.chart svg')?.textContent).toContain('excluded: exact-duplicate');
    expect(markdown).toContain('**Where the input rows went** (chart in the HTML report)');
  });

  it('adds the evidence of a run: the k sweep, the profiles and what working capital needs', async () => {
    const draft = await sealConfig(await draftConfig());
    const sweep = {
      points: [2, 3, 4, 5].map((k) => ({
        k,
        inertia: 100 / k,
        silhouette: k === 3 ? 0.6 : 0.4,
        silhouetteSampleSize: 16,
        calinskiHarabasz: 10 * k,
        daviesBouldin: 1 / k,
        sizes: [],
        iterations: 1,
        converged: true,
      })),
      kneeK: 3,
      issues: [],
    };
    const evidence = evidenceFromCells(
      {
        sweep,
        profiles: [{ cluster: 0, size: 5, share: 0.36, features: [], description: 'high cts_pct' }],
        safetyStock: {
          status: 'needs-data',
          needs: ['order lines'],
          message: 'Safety stock needs order lines.',
        },
      },
      'recomputed from customers.csv',
    );
    const { html } = await render(JSON.stringify(draft), { evidence });
    const page = parse(html);
    expect(page.querySelector('#choose-k')?.textContent).toContain(
      'the knee of the inertia curve at k = 3; the best silhouette at k = 3',
    );
    expect(page.querySelectorAll('#choose-k svg')).toHaveLength(2);
    expect(page.querySelector('#clusters')?.textContent).toContain('high cts_pct');
    expect(page.querySelector('#working-capital')?.textContent).toContain(
      'Not computed: Safety stock needs order lines.',
    );
  });

  it('refuses a document that is not a config, naming what is wrong', async () => {
    await expect(
      prepareReport({ document: { kind: 'other' }, fileName: 'x.json', inputs: [] }),
    ).rejects.toThrow(/invalid config: kind is "other"/);
  });
});
