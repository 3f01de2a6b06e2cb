// Section 7, Robustness, in Chromium: an analysis runs when asked, with progress, in the worker;
// Cancel stops it; a weight moved afterwards marks the result stale (with what changed) and
// does not start the replicates again. Screenshots at 1400x900 and projector size.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { ARTIFACTS, assertClean, idle, openPage, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const frame = (page, name) => page.locator(`tb-notebook >> #cell-${name}`);

/** Every status the bootstrap cell goes through from now on (recorded in the page). */
async function recordBootstrap(page) {
  await page.evaluate(() => {
    window.bootstrapStatuses = [];
    window.tierbook.engine.onState((name, state) => {
      if (name === 'bootstrap') window.bootstrapStatuses.push(state.status);
    });
  });
}

async function ready(page) {
  await page.waitForFunction(() => window.tierbook?.engine.state('clustering').status === 'ok', null, { timeout: 60000 });
  await idle(page);
}

describe('robustness section in Chromium', () => {
  it('runs the bootstrap on demand with progress, cancels it, and marks it stale without rerunning when a weight moves', async () => {
    const { page, context, problems } = await openPage(env, '/', { viewport: { width: 1400, height: 900 } });
    await ready(page);
    const engine = (name) => page.evaluate((n) => {
      const s = window.tierbook.engine.state(n);
      return { status: s.status, hasValue: s.hasValue, stale: s.stale ?? null, notice: s.notice ?? null };
    }, name);
    assert.equal((await engine('bootstrap')).status, 'idle', 'nothing runs before it is asked');

    // Run with many replicates, then Cancel while it runs.
    await page.evaluate(() => window.tierbook.engine.setInput('replicates', 500, 'commit'));
    await frame(page, 'bootstrap').scrollIntoViewIfNeeded();
    await frame(page, 'bootstrap').getByRole('button', { name: 'Run: Bootstrap stability' }).click();
    const progress = frame(page, 'bootstrap').getByRole('progressbar');
    await progress.waitFor({ timeout: 20000 });
    await page.waitForFunction(() => (window.tierbook.engine.state('bootstrap').progress?.fraction ?? 0) > 0, null, { timeout: 20000 });
    await frame(page, 'bootstrap').getByRole('button', { name: 'Cancel Bootstrap stability' }).click();
    await page.waitForFunction(() => window.tierbook.engine.state('bootstrap').status !== 'running', null, { timeout: 10000 });
    const cancelled = await engine('bootstrap');
    assert.equal(cancelled.hasValue, false, 'a cancelled first run leaves no result');
    assert.notEqual(cancelled.status, 'running');

    // Run to the end with the default 100 replicates.
    await page.evaluate(() => window.tierbook.engine.setInput('replicates', 100, 'commit'));
    await frame(page, 'bootstrap').getByRole('button', { name: /^Run.*: Bootstrap stability/ }).click();
    await page.waitForFunction(() => window.tierbook.engine.state('bootstrap').status === 'ok', null, { timeout: 60000 });
    await frame(page, 'bootstrap').getByText('Ran 100 replicates', { exact: false }).waitFor();
    await frame(page, 'bootstrap').getByText('no warm starts', { exact: false }).waitFor();
    await frame(page, 'confidence').getByText('left their cluster in at least one replicate', { exact: false }).waitFor();
    const before = await page.evaluate(() => window.tierbook.engine.state('bootstrap').version);

    // Move a weight: the clusters recompute, the bootstrap keeps its result, marked stale, and does not run.
    await recordBootstrap(page);
    const weight = page.getByRole('slider', { name: /cts_pct/ });
    await weight.focus();
    await page.keyboard.press('PageUp');
    await page.waitForFunction(() => window.tierbook.engine.state('bootstrap').stale !== undefined, null, { timeout: 20000 });
    await idle(page);
    const after = await engine('bootstrap');
    assert.equal(after.hasValue, true, 'the result stays visible');
    assert.ok(after.stale, 'marked stale');
    assert.ok(JSON.stringify(after.stale.changes).includes('weights'), `says what changed: ${JSON.stringify(after.stale)}`);
    const statuses = await page.evaluate(() => window.bootstrapStatuses);
    assert.ok(!statuses.includes('running'), `the replicates did not start again (${statuses.join(', ')})`);
    assert.equal(await page.evaluate(() => window.tierbook.engine.state('bootstrap').version), before);
    // the export leaves out evidence that is out of date
    const summary = await page.evaluate(() => window.tierbook.engine.value(window.tierbook.engine.node('robustnessSummary')));
    assert.equal(summary, null);

    await frame(page, 'bootstrap').scrollIntoViewIfNeeded();
    await frame(page, 'bootstrap').screenshot({ path: join(ARTIFACTS, 'robustness-bootstrap-stale.png') });
    assertClean(problems);
    await context.close();
  });

  it('runs the whole section with Run all and shows every analysis; readable at projector size', async () => {
    for (const [label, options] of [
      ['1400x900', { viewport: { width: 1400, height: 900 } }],
      ['projector', { viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 }],
    ]) {
      const { page, context, problems } = await openPage(env, '/', options);
      await ready(page);
      const section = page.locator('tb-notebook >> #section-robustness');
      await section.scrollIntoViewIfNeeded();
      await section.getByRole('button', { name: 'Run all' }).click();
      await section.getByText('Running', { exact: false }).waitFor({ timeout: 20000 });
      await page.waitForFunction(
        () => ['sensitivity', 'dropOne', 'bootstrap', 'holdout', 'periodStability'].every((n) => window.tierbook.engine.state(n).status === 'ok'),
        null,
        { timeout: 120000 },
      );
      await section.getByText('5 of 5 run').waitFor();
      assert.equal(await page.evaluate(() => window.tierbook.engine.state('monteCarlo').status), 'idle', 'Monte Carlo is optional: not part of Run all');
      const summary = await page.evaluate(() => window.tierbook.engine.value(window.tierbook.engine.node('robustnessSummary')));
      assert.equal(summary.bootstrap.replicates, 100);
      assert.ok(summary.periods, 'the period stability is in the summary');
      await frame(page, 'sensitivityVerdicts').getByText('Pass: ARI at least', { exact: false }).waitFor();
      await frame(page, 'periodStability').getByText('kept their cluster', { exact: false }).waitFor();
      if (label === '1400x900') {
        // the toolbar's downloads carry the evidence: the config's robustness section, the confidence column
        const [config] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export config' }).click()]);
        await config.saveAs(join(ARTIFACTS, 'robustness-config.json'));
        const exported = JSON.parse(await readFile(join(ARTIFACTS, 'robustness-config.json'), 'utf8'));
        assert.equal(exported.robustness.bootstrap.replicates, 100);
        const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download assignments' }).click()]);
        await csv.saveAs(join(ARTIFACTS, 'robustness-assignments.csv'));
        const lines = (await readFile(join(ARTIFACTS, 'robustness-assignments.csv'), 'utf8')).trim().split(/\r?\n/);
        assert.equal(lines[0], 'customer_id,cluster,confidence');
        assert.equal(lines.length, 5001);
        const [movers] = await Promise.all([page.waitForEvent('download'), frame(page, 'confidence').getByRole('button', { name: 'Download CSV' }).click()]);
        assert.equal(movers.suggestedFilename(), 'customers-likely-to-move.csv');
      }
      await page.screenshot({ path: join(ARTIFACTS, `robustness-section-${label}.png`), fullPage: false });
      for (const name of ['sensitivity', 'bootstrap', 'confidence', 'periodStability']) {
        await frame(page, name).scrollIntoViewIfNeeded();
        await frame(page, name).screenshot({ path: join(ARTIFACTS, `robustness-${name}-${label}.png`) });
      }
      assertClean(problems);
      await context.close();
    }
  });
});
