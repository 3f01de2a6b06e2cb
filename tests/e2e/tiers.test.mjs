// Sections 8 (Tiers) and 9 (Service policy) in Chromium: renaming a tier, merging clusters,
// moving a threshold slider and editing a policy cell each reach the KPIs, the matrix chart and
// the safety-stock table, survive a reload and are recorded in the exported config.
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

const WATCHED = ['tiers', 'tierMatrix', 'servicePolicy', 'safetyStock'];

/** Waits for the tier cells, then reads what a person sees: KPI rows, matrix legend, safety-stock rows. */
async function seen(page) {
  await page.waitForFunction((names) => names.every((n) => window.tierbook?.engine.state(n).status === 'ok'), WATCHED, { timeout: 60000 });
  await idle(page);
  return page.evaluate(() => {
    const root = document.querySelector('tb-notebook').shadowRoot;
    const text = (id) => root.querySelector(`#cell-${id}`)?.textContent ?? '';
    const tableRows = (id) => {
      const table = root.querySelector(`#cell-${id} tb-table`);
      return table ? table.rows.map((r) => ({ ...r })) : [];
    };
    const t = window.tierbook.engine.state('tiers').value;
    return {
      kpis: t.kpis.tiers.map((k) => `${k.tier}:${k.customers}:${k.netProfit.toFixed(0)}`),
      kpiTable: tableRows('tiers').map((r) => r.tier),
      matrix: text('tierMatrix'),
      matrixDots: window.tierbook.engine.state('tierMatrix').value.carried.counts.join('/'),
      safety: tableRows('safetyStock').map((r) => `${r.tier}|${r.stream}|${Math.round(r.safetyStockValue)}`),
    };
  });
}

async function exportConfig(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export config' }).click()]);
  const path = join(ARTIFACTS, name);
  await download.saveAs(path);
  return JSON.parse(await readFile(path, 'utf8'));
}

describe('tiers and service policy in Chromium', () => {
  it('renames, merges, moves a threshold and edits a policy cell, through the KPIs, the matrix and safety stock, a reload and the config', async () => {
    const { page, context, problems } = await openPage(env, '/', { viewport: { width: 1400, height: 900 } });
    const before = await seen(page);
    assert.deepEqual(before.kpiTable.slice(0, 4), ['Platinum', 'Gold', 'Silver', 'Standard']);

    // Rename the best cluster's tier.
    await page.getByRole('textbox', { name: /^Tier of 1\. cluster/ }).fill('Key');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => window.tierbook.engine.state('tierMap').value['1'] === 'Key');
    await page.waitForFunction(() => window.tierbook.engine.state('tiers').value?.kpis.tiers.some((t) => t.tier === 'Key'));
    const renamed = await seen(page);
    assert.equal(renamed.kpiTable[0], 'Key');
    assert.ok(renamed.matrix.includes('Key') && !renamed.matrix.includes('Platinum'), 'matrix legend renamed');
    assert.ok(renamed.safety.some((r) => r.startsWith('Key|')) && !renamed.safety.some((r) => r.startsWith('Platinum|')), 'safety stock renamed');

    // Merge the second cluster into it.
    await page.getByRole('textbox', { name: /^Tier of 2\. cluster/ }).fill('Key');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => window.tierbook.engine.state('tierMap').value['2'] === 'Key');
    await page.waitForFunction(() => !window.tierbook.engine.state('tiers').value?.kpis.tiers.some((t) => t.tier === 'Gold'));
    const merged = await seen(page);
    assert.deepEqual(merged.kpiTable.slice(0, 3), ['Key', 'Silver', 'Standard']);
    const count = (kpis, tier) => Number(kpis.find((k) => k.startsWith(`${tier}:`)).split(':')[1]);
    assert.equal(count(merged.kpis, 'Key'), count(before.kpis, 'Platinum') + count(before.kpis, 'Gold'));
    assert.notEqual(merged.matrixDots, renamed.matrixDots);
    assert.ok(!merged.matrix.includes('Gold'), 'matrix legend merged');
    assert.ok(!merged.safety.some((r) => r.startsWith('Gold|')), 'safety stock merged');

    // Edit one policy cell: the Key tier's service level.
    await page.getByRole('textbox', { name: 'Service level of Key' }).fill('0.995');
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => window.tierbook.engine.state('policy').value.Key?.serviceLevel === 0.995);
    const edited = await seen(page);
    const keyValue = (s) => Number(s.safety.find((r) => r.startsWith('Key|total')).split('|')[2]);
    assert.ok(keyValue(edited) > keyValue(merged), 'a higher service level holds more safety stock');
    assert.deepEqual(edited.kpis, merged.kpis, 'the policy does not change who is in which tier');

    // All of it survives a reload.
    await page.reload();
    const reloaded = await seen(page);
    assert.deepEqual(reloaded, edited);
    const state = await page.evaluate(() => ({ tierMap: window.tierbook.engine.state('tierMap').value, policy: window.tierbook.engine.state('policy').value }));
    assert.deepEqual(state, { tierMap: { 1: 'Key', 2: 'Key' }, policy: { Key: { serviceLevel: 0.995 } } });
    await page.screenshot({ path: join(ARTIFACTS, 'tiers.png'), fullPage: false });

    // And is recorded in the exported config.
    const config = await exportConfig(page, 'tiers-config.json');
    assert.deepEqual(config.inputs.tierMap, { 1: 'Key', 2: 'Key' });
    assert.deepEqual(config.policies.tiers, { Key: { serviceLevel: 0.995 } });
    assert.equal(config.policies.carryingRate, 0.25);
    assert.equal(config.policies.baselineServiceLevel, 0.95);
    assert.equal(config.tiering.method, 'clusters');
    assert.deepEqual(config.tiering.clusters.byRank.slice(0, 2), ['Key', 'Key']);
    assert.equal(config.tierMap.clusters.filter((t) => t === 'Key').length, 2);

    // Carry the thresholds forward and move the A cut-off.
    await page.getByRole('combobox', { name: 'Tiering carried forward' }).selectOption('thresholds');
    // Wait for the change to reach the tiers (the engine computes on the next frame, and the tier
    // table yields to the page's paint), not merely for a moment when nothing runs.
    await page.waitForFunction(() => window.tierbook.engine.state('tiers').value?.spec?.method === 'thresholds', null, { timeout: 60000 });
    const top = await seen(page);
    assert.deepEqual(top.kpiTable.slice(0, 4), ['Platinum', 'Gold', 'Silver', 'Standard']);
    const slider = page.getByRole('slider', { name: 'A: cumulative GM share up to' });
    await slider.focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(() => window.tierbook.engine.state('abcA').value === 60);
    const moved = await seen(page);
    assert.notDeepEqual(moved.kpis, top.kpis, 'KPIs follow the cut-off');
    assert.notEqual(moved.matrixDots, top.matrixDots, 'the matrix follows the cut-off');
    assert.notDeepEqual(moved.safety, top.safety, 'safety stock follows the cut-off');
    await page.reload();
    assert.deepEqual(await seen(page), moved);
    const config2 = await exportConfig(page, 'tiers-thresholds-config.json');
    assert.equal(config2.tiering.method, 'thresholds');
    assert.deepEqual(config2.tiering.thresholds.abcCuts, [0.6, 0.95]);
    assert.equal(config2.tierMap, undefined);
    assertClean(problems);
    await context.close();
  });

  it('is readable on a projector (1280x720 at 150%)', async () => {
    const { page, context, problems } = await openPage(env, '/', { viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 });
    await seen(page);
    for (const id of ['tierMatrix', 'tierKpisByRegion', 'policy-table']) {
      const target = id === 'policy-table' ? page.getByRole('textbox', { name: /^Service level of / }).first() : page.locator(`#cell-${id}`);
      await target.scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(ARTIFACTS, `projector-${id}.png`) });
    }
    // The policy table scrolls inside its panel: the page itself does not get wider than the screen.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no horizontal page scroll');
    assertClean(problems);
    await context.close();
  });
});
