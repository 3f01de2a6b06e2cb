// A 100 MB order-line file in real Chromium: it loads in a worker with progress, the page keeps
// painting frames while it works (no freeze), it is read in parts by nested parse workers, and the
// assignments are those of the command reading the same file on one thread.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, openPage, start } from './harness.mjs';

let env;
let file;
before(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-large-'));
  file = join(dir, 'orders-1m.csv');
  // The seeded generator writes ~1M order lines (about 108 MB) with every defect injected.
  execFileSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'scripts', 'write-orders.ts'), file, '1000000', '50000'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  env = await start();
});
after(async () => {
  await env?.close();
});

describe('a 100 MB file', () => {
  it('loads with progress while the page keeps painting', { timeout: 360_000 }, async (t) => {
    assert.ok(statSync(file).size > 100e6, 'the fixture should be over 100 MB');
    const { page, context, problems } = await openPage(env);
    await page.waitForFunction(() => window.tierbook?.engine.state('clustering').status === 'ok', null, { timeout: 60_000 });
    // Watch the main thread: the longest gap between animation frames, and any progress shown.
    await page.evaluate(() => {
      const w = window;
      w.watch = { maxGap: 0, progress: 0, running: true };
      let last = performance.now();
      const frame = (now) => {
        w.watch.maxGap = Math.max(w.watch.maxGap, now - last);
        last = now;
        const p = w.tierbook.engine.state('imported').progress;
        if (p) w.watch.progress = Math.max(w.watch.progress, p.fraction);
        if (w.watch.running) requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.locator('tb-file-picker input[type=file]').first().setInputFiles(file);
    await page.waitForFunction(
      () => {
        const s = window.tierbook.engine.state('imported');
        return s.status === 'ok' && s.value.source === 'orders-1m.csv';
      },
      null,
      { timeout: 180_000, polling: 250 },
    );
    const watch = await page.evaluate(() => ((window.watch.running = false), window.watch));
    const rows = await page.evaluate(() => window.tierbook.engine.state('imported').value.imported.quality.inputRows);
    assert.ok(rows > 1_000_000, `read ${rows} rows`);
    t.diagnostic(`${rows} rows; longest gap between frames ${Math.round(watch.maxGap)} ms; progress seen up to ${Math.round(watch.progress * 100)}%`);
    assert.ok(watch.progress > 0, 'a progress fraction was reported while reading');
    // Handing 100 MB to the worker and taking back 50,000 customers are the only main-thread steps.
    assert.ok(watch.maxGap < 1500, `the page froze for ${Math.round(watch.maxGap)} ms`);
    const parts = await page.evaluate(() => window.tierbook.engine.state('imported').value.threadedParts);
    assert.ok(parts > 0, `the file was read in parts by parse workers (parts read by them: ${parts})`);

    // The same assignments as the command on one thread (TIERBOOK_PARSE_THREADS=0), notebook defaults both.
    const out = join(dirname(file), 'run');
    execFileSync(process.execPath, [join(ROOT, 'bin', 'tierbook.mjs'), 'run', 'segmentation', '--data', file, '--out', out], { cwd: ROOT, env: { ...process.env, TIERBOOK_PARSE_THREADS: '0' } });
    const expected = readFileSync(join(out, 'assignments.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',').slice(0, 2).join(','));
    await page.waitForFunction(
      (n) => {
        const s = window.tierbook.engine.state('assignments');
        return s.status === 'ok' && s.value.ids.length === n;
      },
      expected.length,
      { timeout: 120_000, polling: 250 },
    );
    const got = await page.evaluate(() => {
      const { ids, labels } = window.tierbook.engine.state('assignments').value;
      // As assignments.csv writes them: 1-based clusters, -2 strategic, -1 none.
      return ids.map((id, i) => `${id},${labels[i] === -2 ? 'strategic' : labels[i] < 0 ? '' : labels[i] + 1}`);
    });
    assert.equal(got.length, expected.length);
    assert.ok(got.every((line, i) => line === expected[i]), `first difference: ${got.find((line, i) => line !== expected[i])}`);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  });
});
