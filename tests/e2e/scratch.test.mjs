// Scratch cells in Chromium: an expression over named cells runs in the sandbox and follows its
// inputs; errors, endless loops and markup stay in place as text; the page itself still refuses
// eval; an imported scratch file runs only after the person confirms, and so do the scratch cells a
// scenario file carries.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertClean, idle, openPage, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

async function addScratch(page, name, expression) {
  await page.locator('.tb-scratch input[name=scratch-name]').fill(name);
  await page.locator('.tb-scratch textarea[name=scratch-expression]').fill(expression);
  await page.locator('.tb-scratch button[type=submit]').click();
}
const body = (page, name) => page.locator(`.tb-scratch-cell[data-scratch="${name}"] .tb-scratch-body`);

describe('scratch cells in Chromium', () => {
  it('evaluates expressions over named cells in the sandbox, reactively, with errors in place', async () => {
    const { page, context, problems } = await openPage(env, '/', { viewport: { width: 1400, height: 900 } });
    await idle(page);
    await addScratch(page, 'customers', 'table.length');
    await body(page, 'customers').getByText('5000').waitFor({ timeout: 20000 });
    await addScratch(page, 'kPlusOne', 'k + 1');
    await body(page, 'kPlusOne').getByText('5').waitFor();
    await page.evaluate(() => window.tierbook.engine.setInput('k', 6));
    await body(page, 'kPlusOne').getByText('7').waitFor();
    await addScratch(page, 'twice', 'kPlusOne * 2');
    await body(page, 'twice').getByText('14').waitFor();
    await addScratch(page, 'broken', 'nope.x');
    await body(page, 'broken').getByText('ReferenceError', { exact: false }).waitFor();
    await addScratch(page, 'hostile', '"<img src=x onerror=window.pwned=1>"');
    await body(page, 'hostile').getByText('<img src=x', { exact: false }).waitFor();
    await addScratch(page, 'forever', '(() => { while (true) {} })()');
    await body(page, 'forever').getByText('stopped after 3 s', { exact: false }).waitFor({ timeout: 10000 });
    await addScratch(page, 'k', '1');
    await page.getByText('"k" is already a cell or input', { exact: false }).waitFor();
    assert.equal(await page.locator('.tb-scratch img').count(), 0);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    // the page's own policy is unchanged: no eval; the sandbox is a separate document with its own
    const policy = await page.evaluate(
      () => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content,
    );
    assert.ok(!policy.includes('unsafe-eval'), policy);
    assert.equal(await page.locator('iframe[sandbox="allow-scripts"]').count(), 1);
    // the config holds no scratch cell
    const config = await page.evaluate(async () =>
      JSON.stringify(await window.tierbook.engine.value(window.tierbook.engine.node('config'))),
    );
    assert.ok(!config.includes('kPlusOne') && !config.includes('while (true)'));
    if (process.env.TIERBOOK_SHOTS) {
      await page.locator('.tb-scratch').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(process.env.TIERBOOK_SHOTS, 'scratch-1400.png') });
    }
    // kept in this browser
    await page.reload();
    await body(page, 'twice').getByText('14').waitFor({ timeout: 20000 });
    assertClean(problems);
    await context.close();
  });

  it('runs an imported scratch file only after the person confirms', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-scratch-'));
    const file = join(dir, 'mine.json');
    await writeFile(
      file,
      JSON.stringify({
        kind: 'tierbook-scratch-cells',
        version: 1,
        notebook: 'segmentation',
        cells: [{ name: 'mine100', expression: 'k * 100' }],
      }),
    );
    const { page, context, problems } = await openPage(env, '/');
    await idle(page);
    page.once('dialog', (d) => d.dismiss());
    await page.locator('.tb-scratch input[type=file]').setInputFiles(file);
    await page.getByText('mine.json: nothing imported.').waitFor();
    assert.equal(await page.locator('.tb-scratch-cell').count(), 0);
    let message = '';
    page.once('dialog', (d) => {
      message = d.message();
      return d.accept();
    });
    await page.locator('.tb-scratch input[type=file]').setInputFiles(file);
    await body(page, 'mine100').getByText('400').waitFor({ timeout: 20000 });
    assert.match(message, /mine100 = k \* 100/);
    assertClean(problems);
    await context.close();
  });

  it('carries scratch cells through a scenario file: declined, the scenarios only; confirmed, the cells run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-scenarios-'));
    const file = join(dir, 'room.json');
    const first = await openPage(env, '/');
    await idle(first.page);
    await addScratch(first.page, 'room100', 'k * 100');
    await body(first.page, 'room100').getByText('400').waitFor({ timeout: 20000 });
    await first.page.locator('#scenario-name').fill('Base');
    await first.page.locator('#save-scenario').click();
    const [download] = await Promise.all([first.page.waitForEvent('download'), first.page.locator('#export-scenarios').click()]);
    await download.saveAs(file);
    assert.deepEqual(JSON.parse(await readFile(file, 'utf8')).scratch, [{ name: 'room100', expression: 'k * 100' }]);
    assertClean(first.problems);
    await first.context.close();

    // another browser: its storage is empty
    const { page, context, problems } = await openPage(env, '/');
    await idle(page);
    await page.locator('.tb-scratch').waitFor();
    let message = '';
    page.once('dialog', (d) => {
      message = d.message();
      return d.dismiss();
    });
    await page.locator('#import-scenarios').setInputFiles(file);
    await page.getByText('Its scratch cell was not added (not confirmed).', { exact: false }).waitFor();
    assert.match(message, /room100 = k \* 100/);
    assert.equal(await page.locator('tr[data-scenario]').count(), 1);
    assert.equal(await page.locator('.tb-scratch-cell').count(), 0);
    page.once('dialog', (d) => d.accept());
    await page.locator('#import-scenarios').setInputFiles(file);
    await body(page, 'room100').getByText('400').waitFor({ timeout: 20000 });
    await page.getByText('Added 1 scratch cell.', { exact: false }).waitFor();
    assert.equal(await page.locator('tr[data-scenario]').count(), 1);
    if (process.env.TIERBOOK_SHOTS) {
      await page.locator('tb-workshop-panel').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(process.env.TIERBOOK_SHOTS, 'scratch-scenarios-1400.png'), fullPage: false });
    }
    assertClean(problems);
    await context.close();
  });
});
