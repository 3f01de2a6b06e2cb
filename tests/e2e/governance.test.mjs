// Governance in the built app, in real Chromium: approve (signed with the browser's key), change
// a weight and see "changed since approval" at the top, reload (the log and the approval
// survive), export (`tierbook verify` accepts it), then import a tampered copy and see it reported.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Buffer } from 'node:buffer';
import { ARTIFACTS, ROOT, assertClean, clusterCounts, idle, openPage, start } from './harness.mjs';

const run = promisify(execFile);
let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const banner = (page) => page.locator('#approval-banner');
const status = (page) => page.locator('.tb-toolbar-status');

async function verify(path) {
  try {
    const { stdout } = await run(process.execPath, [join(ROOT, 'bin', 'tierbook.mjs'), 'verify', path], { cwd: ROOT });
    return { code: 0, out: stdout };
  } catch (error) {
    return { code: error.code, out: `${error.stdout}${error.stderr}` };
  }
}

describe('governance in Chromium', () => {
  it('approves, shows changes since approval across a reload, exports signed and reports a tampered import', async () => {
    const { page, context, problems } = await openPage(env);
    await clusterCounts(page, 4);

    await page.getByRole('button', { name: 'Approve…' }).click();
    await page.getByLabel('Approver name').fill('Ada Lovelace');
    await page.getByLabel('Role').fill('Head of Planning');
    await page.getByLabel('Comment').fill('Pilot for Q3');
    await page.getByRole('button', { name: 'Approve and sign' }).click();
    await status(page).getByText('Approved by Ada Lovelace', { exact: false }).waitFor({ timeout: 30000 });
    await banner(page).getByText('nothing changed since', { exact: false }).waitFor();

    // a committed weight change, as a released slider commits it
    const weightsBefore = await page.evaluate(() => window.tierbook.engine.getInput('weights'));
    await page.evaluate(() => window.tierbook.engine.setInputs({ weights: { ...window.tierbook.engine.getInput('weights'), revenue: 2 } }));
    await banner(page).getByText('Changed since approval', { exact: false }).waitFor({ timeout: 20000 });
    assert.match(await banner(page).textContent(), /weights\.revenue/);
    await page.setViewportSize({ width: 1400, height: 900 });
    await page.screenshot({ path: join(ARTIFACTS, 'governance-changed.png') });

    // the approval and the log survive a reload
    await page.reload();
    await idle(page);
    await banner(page).getByText('Changed since approval', { exact: false }).waitFor({ timeout: 30000 });
    await page.getByRole('button', { name: 'Audit log' }).click();
    const dialog = page.locator('#audit-dialog');
    await dialog.getByText('chain intact', { exact: false }).waitFor();
    await dialog.getByText('Feature weights', { exact: false }).first().waitFor();
    await dialog.locator('#audit-kind').selectOption('approval');
    await dialog.getByText('Head of Planning', { exact: false }).first().waitFor();
    assert.equal(await dialog.locator('tbody tr').count(), 1);
    await page.screenshot({ path: join(ARTIFACTS, 'governance-audit.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // back to the approved settings: Export writes the approved, signed config with the log
    await page.evaluate((w) => window.tierbook.engine.setInputs({ weights: w }), weightsBefore);
    await banner(page).getByText('nothing changed since', { exact: false }).waitFor({ timeout: 20000 });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export config' }).click()]);
    const path = join(ARTIFACTS, 'approved-config.json');
    await download.saveAs(path);
    const config = JSON.parse(await readFile(path, 'utf8'));
    assert.equal(config.version, 2);
    assert.equal(config.approval.approver.name, 'Ada Lovelace');
    const kinds = config.audit.entries.map((e) => e.kind);
    assert.deepEqual(kinds.filter((k) => k !== 'input-change'), ['approval', 'export']);
    assert.ok(kinds.filter((k) => k === 'input-change').length >= 2, kinds.join(', '));
    const verified = await verify(path);
    assert.equal(verified.code, 0, verified.out);
    assert.match(verified.out, /approved and intact/i);

    // a tampered centroid is reported on import
    config.model.centroids[0][0] += 0.5;
    const tampered = join(ARTIFACTS, 'tampered-config.json');
    await writeFile(tampered, JSON.stringify(config, null, 2));
    await page.locator('#import-config-file').setInputFiles(tampered);
    await status(page).getByText('Edited after approval', { exact: false }).waitFor({ timeout: 30000 });
    assert.match(await status(page).textContent(), /model/);
    assert.equal(await status(page).getAttribute('data-tone'), 'error');
    assertClean(problems);
    await context.close();
  });

  it('refuses a config that is not JSON or carries a prototype-polluting key, changing nothing', async () => {
    const { page, context, problems } = await openPage(env, '/?k=5');
    await clusterCounts(page, 5);
    const before = await page.evaluate(() => JSON.stringify(window.tierbook.engine.inputValues()));
    await page.locator('#import-config-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"kind": ') });
    await status(page).getByText('broken.json: not JSON', { exact: false }).waitFor();
    // a whole export with one polluting key among its settings
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export config' }).click()]);
    const polluted = (await readFile(await download.path(), 'utf8')).replace('"inputs": {', '"inputs": {"__proto__": {"polluted": true},');
    await page.locator('#import-config-file').setInputFiles({ name: 'polluted.json', mimeType: 'application/json', buffer: Buffer.from(polluted) });
    await status(page).getByText('polluted.json', { exact: false }).waitFor();
    assert.match(await status(page).textContent(), /__proto__/);
    assert.equal(await page.evaluate(() => JSON.stringify(window.tierbook.engine.inputValues())), before);
    assert.equal(await page.evaluate(() => ({}).polluted), undefined);
    assertClean(problems);
    await context.close();
  });

  it('Clear local data removes the approval, the log, the keys and the kept settings, after a confirmation', async () => {
    const { page, context, problems } = await openPage(env, '/?k=3');
    await clusterCounts(page, 3);
    await page.getByRole('button', { name: 'Approve…' }).click();
    await page.getByLabel('Approver name').fill('Ada Lovelace');
    await page.getByLabel('Role').fill('Head of Planning');
    await page.getByRole('button', { name: 'Approve and sign' }).click();
    await banner(page).getByText('nothing changed since', { exact: false }).waitFor({ timeout: 30000 });
    let asked = '';
    page.once('dialog', (d) => {
      asked = d.message();
      d.accept();
    });
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Clear local data…' }).click()]);
    assert.match(asked, /audit log/);
    await clusterCounts(page, 4); // the defaults: the link's k=3 was dropped on reload and nothing was kept
    assert.equal(await banner(page).isHidden(), true);
    assert.equal(await page.evaluate(() => window.tierbook.engine.getInput('approval')), null);
    assert.deepEqual(await page.evaluate(async () => (await window.tierbook.governance.entries()).length), 0);
    assertClean(problems);
    await context.close();
  });
});
