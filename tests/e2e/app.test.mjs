// The built app in real headless Chromium: opens on the sample, reacts to the keyboard,
// recolours on a weight change, round-trips export/import, and stays local and error-free.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import { ARTIFACTS, assertClean, clusterCounts, idle, openPage, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** The colour each customer is drawn in: its cluster (engine) and that cluster's legend swatch. */
async function dotColours(page) {
  return page.evaluate(() => {
    const swatches = {};
    const frame = document.querySelector('tb-notebook').shadowRoot.querySelector('#cell-scatter');
    for (const el of frame.querySelectorAll('[class$="-swatch"]')) swatches[el.textContent.trim()] = el.querySelector('svg')?.getAttribute('fill');
    const engine = window.tierbook.engine;
    const labels = engine.state('clustering').value.labels;
    const prepared = engine.state('prepared').value;
    const ids = engine.state('table').value.ids;
    const out = {};
    prepared.rows.forEach((row, i) => (out[ids[row]] = swatches[`Cluster ${labels[i] + 1}`]));
    return out;
  });
}

describe('segmentation notebook in Chromium', () => {
  it('opens on the sample data with every cell ok and the PCA chart drawn', async () => {
    const { page, context, problems } = await openPage(env);
    const counts = await clusterCounts(page, 4);
    // 5,000 customers from the generated order lines; the scatter draws a 2,500-point stratified sample
    assert.equal(Object.values(counts).reduce((s, x) => s + x, 0), 2500);
    await page.getByText('Showing 2,500 of 5,000 customers', { exact: false }).first().waitFor();
    await page.getByText('every row is accounted for', { exact: false }).first().waitFor();
    const statuses = await page.evaluate(() => {
      const engine = window.tierbook.engine;
      return Object.fromEntries(engine.nodes.map((n) => [n.name, engine.state(n.name).status]));
    });
    // On-demand cells wait to be asked; hidden export cells wait to be read (lazy). The
    // assignments are read by the Tiers section, so they compute; so does the (cheap) tier part of the config.
    const notRun = new Set(['comparison', 'referenceCheck', 'config', 'fingerprint', 'policyCostK']);
    for (const [name, status] of Object.entries(statuses)) assert.equal(status, notRun.has(name) ? 'idle' : 'ok', `cell ${name}`);
    await page.getByText('PC1 (', { exact: false }).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'segmentation.png'), fullPage: true });
    assertClean(problems);
    await context.close();
  });

  it('changes the number of clusters with the keyboard on the k slider', async () => {
    const { page, context, problems } = await openPage(env);
    await clusterCounts(page, 4);
    const slider = page.getByRole('slider', { name: 'Number of clusters (k)' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    const five = await clusterCounts(page, 5);
    assert.equal(Object.keys(five).length, 5);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    const three = await clusterCounts(page, 3);
    assert.equal(Object.keys(three).length, 3);
    assert.match(page.url(), /[?&]k=3\b/);
    assertClean(problems);
    await context.close();
  });

  it('recolours points when a feature weight changes, keeping colours with the customers (ids stay canonical)', async () => {
    const { page, context, problems } = await openPage(env);
    const before = await clusterCounts(page, 4);
    const coloursBefore = await dotColours(page);
    const weight = page.getByRole('slider', { name: /cts_pct/ });
    await weight.focus();
    await page.keyboard.press('PageUp'); // a large step: weight 1 -> 2
    await page.waitForFunction(() => /w\.cts_pct=/.test(location.search));
    await idle(page);
    const after = await clusterCounts(page, 4);
    assert.notDeepEqual(after, before, 'cluster sizes should change when cts_pct weighs more');
    // Cluster ids are canonical: numbered by size, largest first.
    const sizes = await page.evaluate(() => window.tierbook.engine.state('clustering').value.sizes);
    assert.deepEqual([...sizes].sort((a, b) => b - a), sizes);
    // The view keeps colours with the customers: most customers keep the colour they had.
    const coloursAfter = await dotColours(page);
    for (const colours of [coloursBefore, coloursAfter]) assert.ok(Object.values(colours).every((c) => /^#[0-9a-f]{6}$/.test(c)), 'every customer has a drawn colour');
    // The silhouette plot draws the clusters in the scatter's colours.
    const fills = await page.evaluate(() => {
      const frame = document.querySelector('tb-notebook').shadowRoot.querySelector('#cell-silhouette');
      return [...new Set([...frame.querySelectorAll('g.tb-silhouette-bars rect')].map((b) => b.getAttribute('fill')))].sort();
    });
    assert.deepEqual(fills, [...new Set(Object.values(coloursAfter))].sort());
    const shared = Object.keys(coloursAfter).filter((id) => id in coloursBefore);
    const kept = shared.filter((id) => coloursAfter[id] === coloursBefore[id]).length;
    assert.ok(shared.length === 5000 && kept / shared.length > 0.8, `${kept} of ${shared.length} customers kept their colour`);
    assertClean(problems);
    await context.close();
  });

  it('restores the view and the assignments from an exported config', async () => {
    const { page, context, problems } = await openPage(env, '/?k=5&w.revenue=2');
    const exported = await clusterCounts(page, 5);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export config' }).click()]);
    const path = join(ARTIFACTS, 'exported-config.json');
    await download.saveAs(path);
    const config = JSON.parse(await readFile(path, 'utf8'));
    assert.equal(config.kind, 'tierbook-segmentation-config');
    assert.equal(config.inputs.k, 5);

    // Move away from the exported view, then import it back.
    const slider = page.getByRole('slider', { name: 'Number of clusters (k)' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await clusterCounts(page, 4);
    await page.locator('#import-config-file').setInputFiles(path);
    await page.getByText('and the same 5,000 assignments result').first().waitFor({ timeout: 20000 });
    assert.equal(await page.evaluate(() => window.tierbook.engine.state('referenceCheck').value.check.reproduced), true);
    const restored = await clusterCounts(page, 5);
    assert.deepEqual(restored, exported);
    assertClean(problems);
    await context.close();
  });

  it('shows a bad file as a message in its cell, keeps working, and renders data as text', async () => {
    const { page, context, problems } = await openPage(env);
    await clusterCounts(page, 4);
    const picker = page.locator('tb-file-picker input[type=file]');
    await picker.setInputFiles({ name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from('') });
    await page.getByText('empty.csv', { exact: false }).first().waitFor();
    await page.waitForFunction(() => window.tierbook.engine.state('imported').status === 'error');
    const message = await page.evaluate(() => window.tierbook.engine.state('imported').error.message);
    assert.match(message, /empty\.csv/);
    assert.equal(await page.evaluate(() => window.tierbook.engine.state('clustering').status), 'blocked');

    // A hostile value in a customer id is data, shown as text; no element is created from it.
    const hostile = '<img src=x onerror=alert(1)>';
    const rows = ['customer_id,revenue,orders'];
    for (let i = 0; i < 40; i++) rows.push(`${i === 0 ? `"${hostile}"` : `C${i}`},${100 + (i % 7) * 50},${1 + (i % 3)}`);
    await picker.setInputFiles({ name: 'customers.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    // The sample's features are mostly missing here: an error naming them, and a one-click fix.
    await page.waitForFunction(() => window.tierbook.engine.state('prepared').status === 'blocked', null, { timeout: 20000 });
    await page.getByText('are not a numeric column of this data', { exact: false }).first().waitFor();
    await page.getByRole('button', { name: /^Keep revenue/ }).first().click();
    await page.waitForFunction(() => window.tierbook.engine.state('clustering').status === 'ok', null, { timeout: 20000 });
    await page.getByText(hostile).first().waitFor();
    const images = await page.evaluate(() => {
      let count = 0;
      const walk = (root) => {
        count += root.querySelectorAll('img').length;
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot);
      };
      walk(document);
      return count;
    });
    assert.equal(images, 0);
    assertClean(problems);
    await context.close();
  });

  it('keeps inputs across a reload and resets them', async () => {
    const { page, context, problems } = await openPage(env);
    await clusterCounts(page, 4);
    await page.getByRole('slider', { name: 'Number of clusters (k)' }).focus();
    await page.keyboard.press('ArrowRight');
    await clusterCounts(page, 5);
    await page.goto(`${env.origin}/`);
    await clusterCounts(page, 5);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await clusterCounts(page, 4);
    assertClean(problems);
    await context.close();
  });
});
