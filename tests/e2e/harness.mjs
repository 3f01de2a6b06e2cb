// Shared set-up for the browser tests: a `vite preview` server of the built app on a free
// loopback port and Debian's Chromium driven by playwright-core (no browser download).
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const ARTIFACTS = join(ROOT, 'tests', 'e2e', 'artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

async function waitForServer(url, child, timeoutMs = 20000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`vite preview did not answer at ${url} within ${timeoutMs} ms`);
}

/** Starts the preview server of `dist/` and a browser; returns helpers and a `close()`. */
export async function start() {
  if (!existsSync(join(ROOT, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` before the browser tests (npm test does)');
  }
  if (!existsSync(CHROMIUM)) {
    throw new Error(`no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium)`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const server = spawn(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview', '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  server.stdout.on('data', (d) => (serverLog += d));
  server.stderr.on('data', (d) => (serverLog += d));
  try {
    await waitForServer(`${origin}/`, server);
  } catch (error) {
    server.kill();
    throw new Error(`${error.message}\n${serverLog}`, { cause: error });
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  return {
    origin,
    browser,
    async close() {
      await browser.close();
      server.kill();
    },
  };
}

/**
 * A fresh page (own context: empty storage) that records console errors, page errors and
 * every request to a host other than the local server.
 */
export async function openPage(env, path = '/', options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(env.origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.foreignRequests.push(url);
  });
  await page.goto(`${env.origin}${path}`);
  return { page, context, problems };
}

/**
 * Cluster id -> number of dots the scatter drew: SVG circles, or what its canvas reports having
 * drawn (a canvas keeps no shapes to count). With `k`: whether the clustering has settled on `k`
 * clusters and the scatter shows them. Runs in the page (self-contained: the page's CSP refuses
 * injected scripts, so it travels as a function).
 */
function drawnCounts(k) {
  const counts = {};
  const find = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) find(el.shadowRoot);
      const tag = el.tagName.toLowerCase();
      if (tag === 'circle' && el.hasAttribute('data-cluster')) {
        const id = el.getAttribute('data-cluster');
        counts[id] = (counts[id] ?? 0) + 1;
      } else if (tag === 'canvas' && el.dataset.counts) {
        for (const [id, n] of Object.entries(JSON.parse(el.dataset.counts))) counts[id] = (counts[id] ?? 0) + n;
      }
    }
  };
  find(document);
  if (k === undefined) return counts;
  return window.tierbook?.engine.state('clustering').value?.k === k && Object.keys(counts).length === k;
}

/** Cluster id -> number of dots drawn, once the scatter has settled on `k` clusters. */
export async function clusterCounts(page, k) {
  await page.waitForFunction(drawnCounts, k, { timeout: 20000 });
  await idle(page);
  return page.evaluate(drawnCounts);
}

/** Waits until no cell is pending or running. */
export async function idle(page) {
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

export function assertClean(problems) {
  assert.deepEqual(problems.pageErrors, [], 'page errors');
  assert.deepEqual(problems.consoleErrors, [], 'console errors');
  assert.deepEqual(problems.foreignRequests, [], 'requests to hosts other than the local server');
}

