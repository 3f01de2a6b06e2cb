// Results depend on the inputs only (issue 7 point 1), and an uploaded file survives a reload
// (point 10), in real headless Chromium.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { mkdtemp, readFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ARTIFACTS, ROOT, assertClean, clusterCounts, idle, openPage, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Clicks a toolbar download button and returns the file's text. */
async function downloaded(page, button, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = join(ARTIFACTS, name);
  await download.saveAs(path);
  return readFile(path, 'utf8');
}

/**
 * The exported config without its export time and the record of how it was reached (the audit
 * log of each path, and the integrity record whose hashes cover both), and the assignments CSV.
 */
async function exports(page, tag) {
  await idle(page);
  const config = JSON.parse(await downloaded(page, 'Export config', `${tag}-config.json`));
  delete config.createdAt;
  delete config.audit;
  delete config.integrity;
  const assignments = await downloaded(page, 'Download assignments', `${tag}-assignments.csv`);
  const sizes = await page.evaluate(() => window.tierbook.engine.state('clustering').value.sizes);
  return { config: JSON.stringify(config), assignments, sizes };
}

describe('the same inputs give the same results, whatever the path', () => {
  it('k 4 -> 5, w.cts_pct = 2, robust scaling in the UI equals the copied link and the values set at once', { timeout: 180_000 }, async () => {
    // Path 1: through the controls, one change at a time.
    const first = await openPage(env);
    const { page } = first;
    await clusterCounts(page, 4);
    await page.getByRole('slider', { name: 'Number of clusters (k)' }).focus();
    await page.keyboard.press('ArrowRight');
    await clusterCounts(page, 5);
    await page.getByRole('slider', { name: /cts_pct/ }).focus();
    await page.keyboard.press('PageUp'); // a tenth of the 0..5 range: weight 1 -> 1.5
    await page.keyboard.press('PageUp'); // -> 2
    await page.waitForFunction(() => /w\.cts_pct=2\b/.test(location.search));
    await page.locator('[data-input=scaling] select').selectOption('robust');
    await page.waitForFunction(() => /scaling=robust/.test(location.search));
    await clusterCounts(page, 5);
    const viaUi = await exports(page, 'ui');

    // The Copy link button (the clipboard is stubbed to read what it was given).
    await page.evaluate(() => {
      window.copied = null;
      Object.defineProperty(window.navigator, 'clipboard', { value: { writeText: async (text) => void (window.copied = text) }, configurable: true });
    });
    await page.getByRole('button', { name: 'Copy link' }).click();
    const link = await page.waitForFunction(() => window.copied).then((h) => h.jsonValue());
    const query = new URL(link).search;
    assert.deepEqual(Object.fromEntries(new URL(link).searchParams), { k: '5', scaling: 'robust', 'w.cts_pct': '2' });
    assertClean(first.problems);
    await first.context.close();

    // Path 2: the copied link in a fresh browser context (no stored inputs).
    const second = await openPage(env, `/${query}`);
    await clusterCounts(second.page, 5);
    const viaLink = await exports(second.page, 'link');
    assertClean(second.problems);
    await second.context.close();

    // Path 3: the same values set at once, as an import or a script would.
    const third = await openPage(env);
    await clusterCounts(third.page, 4);
    await third.page.evaluate(() => window.tierbook.engine.setInputs({ scaling: 'robust', weights: { cts_pct: 2 }, k: 5 }));
    await clusterCounts(third.page, 5);
    const atOnce = await exports(third.page, 'once');
    assertClean(third.problems);
    await third.context.close();

    assert.deepEqual(viaLink.sizes, viaUi.sizes, 'cluster sizes by number');
    assert.deepEqual([...viaUi.sizes].sort((a, b) => b - a), viaUi.sizes, 'numbered by size, largest first');
    assert.equal(viaLink.assignments, viaUi.assignments, 'assignments.csv byte for byte');
    assert.equal(atOnce.assignments, viaUi.assignments);
    assert.equal(viaLink.config, viaUi.config, 'config.json except createdAt, audit and integrity');
    assert.equal(atOnce.config, viaUi.config);
  });
});

describe('an uploaded file survives a reload', () => {
  it('restores the file with the settings made for it, and one click goes back to the sample', { timeout: 120_000 }, async () => {
    const { page, context, problems } = await openPage(env);
    await clusterCounts(page, 4);
    const rows = ['customer_id,revenue,orders,margin'];
    for (let i = 0; i < 60; i++) rows.push(`C${i},${100 + (i % 7) * 50},${1 + (i % 15)},${(i % 5) / 10}`);
    await page.locator('tb-file-picker input[type=file]').first().setInputFiles({ name: 'my-customers.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await page.waitForFunction(() => window.tierbook.engine.state('imported').value?.source === 'my-customers.csv', null, { timeout: 20000 });
    await page.locator('[data-input=features] tb-multiselect').getByRole('button', { name: 'All' }).click();
    await page.getByRole('slider', { name: 'Number of clusters (k)' }).focus();
    await page.keyboard.press('ArrowLeft');
    await clusterCounts(page, 3);

    await page.reload();
    await page.waitForFunction(() => window.tierbook?.engine.state('imported').value?.source === 'my-customers.csv', null, { timeout: 20000 });
    await clusterCounts(page, 3);
    const picker = page.locator('tb-file-picker');
    await picker.getByText('my-customers.csv').waitFor();
    await picker.getByText(/\(\d[\d,]* bytes\)/).waitFor();
    assert.deepEqual(await page.evaluate(() => window.tierbook.engine.inputValues().features), ['revenue', 'orders', 'margin']);

    await picker.getByRole('button', { name: 'Use the sample instead' }).click();
    await page.waitForFunction(() => window.tierbook.engine.state('imported').value?.sample === true, null, { timeout: 20000 });
    await page.reload();
    await page.waitForFunction(() => window.tierbook?.engine.state('imported').value?.sample === true, null, { timeout: 20000 });
    assertClean(problems);
    await context.close();
  });
});

describe('the browser and the command compute alike', () => {
  it('the sample at default settings: the same prepared matrix, to the last bit, and the same model as `tierbook run`', { timeout: 180_000 }, async () => {
    const { page, context, problems } = await openPage(env);
    await clusterCounts(page, 4);
    // The matrix every later result is computed from: the logarithm of the preparation is one
    // function in both (src/analytics/log1p.ts), not each engine's Math.log1p, whose last bits
    // differ between Node and Chromium (two of the sample's 25,000 values did).
    const inPage = await page.evaluate(async () => {
      const m = window.tierbook.engine.state('prepared').value.matrix;
      const digest = await window.crypto.subtle.digest('SHA-256', new Uint8Array(m.data.buffer, m.data.byteOffset, m.data.byteLength));
      return `${m.n}x${m.d}:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
    });
    const inNode = execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tests', 'e2e', 'prepared-digest.ts')], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(inPage, inNode);
    // And what the command exports from it: fitted numbers compared exactly (JSON keeps every bit).
    const config = JSON.parse((await exports(page, 'defaults')).config);
    const out = await mkdtemp(join(tmpdir(), 'tierbook-run-'));
    execFileSync(process.execPath, [join(ROOT, 'bin', 'tierbook.mjs'), 'run', 'segmentation', '--out', out], { cwd: ROOT });
    const byCommand = JSON.parse(await readFile(join(out, 'config.json'), 'utf8'));
    for (const section of ['preparation', 'model', 'pca']) assert.deepEqual(config[section], byCommand[section], `${section} differs`);
    assert.equal(config.assignmentsHash, byCommand.assignmentsHash);
    assertClean(problems);
    await context.close();
  });
});
