// The built app in real headless Chromium: opens on the sample, reacts to the keyboard,
// recolours on a weight change, round-trips export/import, and stays local and error-free.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { Buffer } from 'node:buffer';
import { ARTIFACTS, openPage, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Cluster id -> number of dots drawn, once the scatter has settled on `k` clusters. */
async function clusterCounts(page, k) {
  await page.waitForFunction(
    (k) => {
      if (window.tierbook?.engine.state('clustering').value?.k !== k) return false;
      const ids = new Set();
      const find = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.shadowRoot) find(el.shadowRoot);
          if (el.tagName.toLowerCase() === 'circle' && el.hasAttribute('data-cluster')) ids.add(el.getAttribute('data-cluster'));
        }
      };
      find(document);
      return ids.size === k;
    },
    k,
    { timeout: 20000 },
  );
  await idle(page);
  return page.evaluate(() => {
    const counts = {};
    const find = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.shadowRoot) find(el.shadowRoot);
        if (el.tagName.toLowerCase() === 'circle' && el.hasAttribute('data-cluster')) {
          const id = el.getAttribute('data-cluster');
          counts[id] = (counts[id] ?? 0) + 1;
        }
      }
    };
    find(document);
    return counts;
  });
}

/** Waits until no cell is pending or running. */
async function idle(page) {
  await page.waitForFunction(
    () => {
      const engine = window.tierbook?.engine;
      if (!engine) return false;
      return engine.nodes.every((n) => !['pending', 'running'].includes(engine.state(n.name).status));
    },
    null,
    { timeout: 20000 },
  );
}

function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'page errors');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.foreignRequests, [], 'requests to hosts other than the local server');
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
    for (const [name, status] of Object.entries(statuses)) assert.equal(status, 'ok', `cell ${name}`);
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

  it('recolours points when a feature weight changes', async () => {
    const { page, context, problems } = await openPage(env);
    const before = await clusterCounts(page, 4);
    const labelsBefore = await page.evaluate(() => Array.from(window.tierbook.engine.state('clustering').value.labels));
    const weight = page.getByRole('slider', { name: /cts_pct/ });
    await weight.focus();
    await page.keyboard.press('PageUp'); // a large step: weight 1 -> 2
    await page.waitForFunction(() => /w\.cts_pct=/.test(location.search));
    await idle(page);
    const after = await clusterCounts(page, 4);
    assert.notDeepEqual(after, before, 'cluster sizes should change when cts_pct weighs more');
    // No colour jumps: each old cluster's customers mostly keep their cluster id (and so colour).
    const labelsAfter = await page.evaluate(() => Array.from(window.tierbook.engine.state('clustering').value.labels));
    for (let c = 0; c < 4; c++) {
      const moved = new Map();
      labelsBefore.forEach((l, i) => l === c && moved.set(labelsAfter[i], (moved.get(labelsAfter[i]) ?? 0) + 1));
      const [top] = [...moved].sort((a, b) => b[1] - a[1])[0];
      assert.equal(top, c, `cluster ${c + 1} should keep its id for most of its customers`);
    }
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
    await page.getByText('the same 5,000 assignments are reproduced').waitFor({ timeout: 20000 });
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
