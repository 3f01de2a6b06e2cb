// Long computations in Chromium show a progress bar and Cancel while they run, including
// Choosing k, which waits on the hidden k sweep; and a view shows once the chart library
// (loaded after the first paint) has arrived.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertClean, idle, openPage, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** Whether a cell's frame shows a progress bar and a Cancel button (runs in the page). */
function showsProgress(name) {
  const root = document.querySelector('tb-notebook')?.shadowRoot?.querySelector(`#cell-${name}`)?.shadowRoot;
  return !!root?.querySelector('progress') && !!root?.querySelector('button.cancel') && root.querySelector('[data-status]')?.getAttribute('data-status') === 'running';
}

describe('progress and Cancel', () => {
  it('Choosing k shows the k sweep running with a progress bar and Cancel, and Cancel stops the sweep', async () => {
    const { page, context, problems } = await openPage(env);
    await idle(page);
    // The first bundle leaves the chart library out; the charts are drawn all the same.
    const drawn = await page.evaluate(() => !!document.querySelector('tb-notebook').shadowRoot.querySelector('#cell-chooseK svg'));
    assert.ok(drawn, 'Choosing k is drawn');
    await page.evaluate(() => window.tierbook.engine.setInput('scaling', 'minmax'));
    await page.waitForFunction(showsProgress, 'chooseK', { polling: 'raf', timeout: 10_000 });
    assert.equal(await page.evaluate(() => window.tierbook.engine.state('sweep').status), 'running');
    await page.evaluate(() => document.querySelector('tb-notebook').shadowRoot.querySelector('#cell-chooseK').shadowRoot.querySelector('button.cancel').click());
    await page.waitForFunction(() => window.tierbook.engine.state('sweep').status !== 'running', null, { timeout: 10_000 });
    await idle(page);
    assert.equal(await page.evaluate(showsProgress, 'chooseK'), false, 'no progress bar once the sweep has stopped');
    assertClean(problems);
    await context.close();
  });
});
