// The review notebook and the report in Chromium: a config exported by the command opened on
// its own (?notebook=review), checked against the sample, a decision added to its audit log;
// the exported report opened with the network off shows every section and requests nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, assertClean, idle, openPage, start } from './harness.mjs';

const run = promisify(execFile);
let env;
let configPath;
before(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-review-'));
  await run(
    process.execPath,
    [join(ROOT, 'bin', 'tierbook.mjs'), 'run', 'segmentation', '--out', dir, '--set', 'k=4'],
    { cwd: ROOT },
  );
  configPath = join(dir, 'config.json');
  env = await start();
});
after(async () => {
  await env?.close();
});

const SECTIONS = [
  'Summary',
  'Inputs and assumptions',
  'Data and quality',
  'Features and preparation',
  'Choosing k',
  'Clusters',
  'Robustness',
  'Tiers and policies',
  'Working capital',
  'Governance',
];

describe('review notebook in Chromium', () => {
  it('opens an exported config read-only, checks it against the sample, records a decision, exports a report that works offline', async () => {
    const shots = process.env.TIERBOOK_SHOTS;
    const { page, context, problems } = await openPage(env, '/?notebook=review', {
      viewport: { width: 1400, height: 900 },
    });
    await page.locator('input[type=file]').first().setInputFiles(configPath);
    await page.getByText('Unsigned draft, intact', { exact: false }).first().waitFor({ timeout: 20000 });
    await page.getByText('The assignments reproduce', { exact: false }).first().waitFor({ timeout: 60000 });
    await idle(page);
    const text = await page.evaluate(() => document.querySelector('tb-notebook').shadowRoot.textContent);
    for (const title of SECTIONS) assert.ok(text.includes(title), title);
    assert.ok(text.includes('Every input of the config'));
    if (shots) await page.screenshot({ path: join(shots, 'review-1400.png'), fullPage: false });

    await page.getByRole('button', { name: 'Review…' }).click();
    await page.locator('dialog select[name=decision]').selectOption('approve');
    await page.locator('dialog input[name=reviewer]').fill('Rita <img src=x onerror=alert(1)>');
    await page.locator('dialog input[name=role]').fill('Finance');
    await page.locator('dialog textarea[name=comment]').fill('Looks right.');
    await page.getByRole('button', { name: 'Add to the audit log' }).click();
    await page.getByText('You added 1 entry', { exact: false }).waitFor();
    const images = await page.evaluate(
      () => document.querySelector('tb-notebook').shadowRoot.querySelectorAll('img').length,
    );
    assert.equal(images, 0);

    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export report (HTML)' }).click();
    const report = await (await downloading).path();
    const html = await readFile(report, 'utf8');
    assert.ok(html.includes('Rita &lt;img src=x onerror=alert(1)&gt;'));

    const offline = await env.browser.newContext({
      viewport: { width: 1400, height: 900 },
      offline: true,
      javaScriptEnabled: false,
    });
    const requests = [];
    offline.on('request', (r) => requests.push(r.url()));
    const view = await offline.newPage();
    await view.setContent(html);
    const body = await view.evaluate(() => document.body.innerText);
    for (const title of SECTIONS) assert.ok(body.includes(title), `report: ${title}`);
    assert.ok((await view.locator('svg').count()) > 0, 'inline charts');
    assert.deepEqual(
      requests.filter((u) => !u.startsWith('about:') && !u.startsWith('data:')),
      [],
    );
    if (shots) {
      await view.screenshot({ path: join(shots, 'report-1400.png') });
      const projector = await env.browser.newContext({
        viewport: { width: 853, height: 480 },
        deviceScaleFactor: 1.5,
        offline: true,
        javaScriptEnabled: false,
      });
      const p = await projector.newPage();
      await p.setContent(html);
      await p.screenshot({ path: join(shots, 'report-projector.png') });
      await projector.close();
      const reviewProjector = await openPage(env, '/?notebook=review', {
        viewport: { width: 853, height: 480 },
        deviceScaleFactor: 1.5,
      });
      await reviewProjector.page.locator('input[type=file]').first().setInputFiles(configPath);
      await reviewProjector.page
        .getByText('The assignments reproduce', { exact: false })
        .first()
        .waitFor({ timeout: 60000 });
      await reviewProjector.page.screenshot({ path: join(shots, 'review-projector.png') });
      await reviewProjector.context.close();
    }
    await offline.close();
    assertClean(problems);
    await context.close();
  });

  it('exports the report of the segmentation notebook from its toolbar, and links to the review page', async () => {
    const { page, context, problems } = await openPage(env, '/');
    await idle(page);
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export report' }).click();
    const download = await downloading;
    assert.match(download.suggestedFilename(), /^segmentation-report-k\d+\.html$/);
    const html = await readFile(await download.path(), 'utf8');
    for (const title of SECTIONS) assert.ok(html.includes(title), `report: ${title}`);
    assert.ok(html.includes('computed by this notebook on its current data and settings'));
    await page.getByRole('link', { name: 'Review a config' }).click();
    await page.getByText('Review a segmentation config').first().waitFor();
    assertClean(problems);
    await context.close();
  });
});
