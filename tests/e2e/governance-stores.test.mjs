// The browser-side governance stores in real Chromium (not wired into the app yet): the audit
// log, the non-extractable signing key and the archive survive a reload in IndexedDB, and
// "clear local data" removes them. The modules are bundled on the fly and loaded into the
// built app's page (same origin, so the same storage the app would use).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { build } from 'vite';
import { ROOT, openPage, start } from './harness.mjs';

let env;
let bundle;
before(async () => {
  env = await start();
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, minify: false, lib: { entry: join(ROOT, 'tests', 'e2e', 'governance-entry.ts'), formats: ['iife'], name: 'gov' } },
  });
  bundle = (Array.isArray(result) ? result[0] : result).output[0].code;
});
after(async () => {
  await env?.close();
});

describe('governance stores in Chromium', () => {
  it('keep the audit log, the signing key and the archive across a reload, and clear them', async () => {
    // the app's Content-Security-Policy forbids inline scripts; the test's injected bundle is let through
    const { page, context, problems } = await openPage(env, '/', { bypassCSP: true });
    const load = () => page.addScriptTag({ content: bundle });
    await load();
    const first = await page.evaluate(async () => {
      const gov = window.gov;
      const audit = new gov.IndexedDbAuditStore();
      await Promise.all([audit.append(gov.inputChangeDraft('k', 4, 5)), audit.append(gov.inputChangeDraft('scaling', 'zscore', 'robust'))]);
      const keys = await gov.signingKey(new gov.IndexedDbKeyStore());
      const archive = new gov.IndexedDbArchiveStore();
      const version = { id: '2025-01-01-abc', kind: 'approved', date: '2025-01-01T00:00:00.000Z', contentHash: 'abc', approver: { name: 'Ada', role: 'Reviewer' }, assignmentsHash: 'sha256:x', source: 'sample' };
      await archive.put(version, '{"config":1}', 'customer_id,cluster\nC1,1\n');
      return { fingerprint: await gov.keyFingerprint(await gov.exportPublicKey(keys.publicKey)) };
    });
    await page.reload();
    await load();
    const second = await page.evaluate(async () => {
      const gov = window.gov;
      const entries = await new gov.IndexedDbAuditStore().entries();
      const chain = await gov.verifyAuditChain(entries);
      const keys = await gov.signingKey(new gov.IndexedDbKeyStore());
      let exported = 'exported';
      try {
        await window.crypto.subtle.exportKey('pkcs8', keys.privateKey);
      } catch {
        exported = 'refused';
      }
      const data = new TextEncoder().encode('approve');
      const signature = await window.crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, keys.privateKey, data);
      const verified = await window.crypto.subtle.verify({ name: 'ECDSA', hash: 'SHA-256' }, keys.publicKey, signature, data);
      const archive = new gov.IndexedDbArchiveStore();
      return {
        seqs: entries.map((e) => e.seq),
        kinds: entries.map((e) => e.details.input),
        chainOk: chain.ok,
        fingerprint: await gov.keyFingerprint(await gov.exportPublicKey(keys.publicKey)),
        extractable: keys.privateKey.extractable,
        exported,
        verified,
        archived: (await archive.list()).map((v) => v.id),
        assignments: (await archive.read('2025-01-01-abc')).assignmentsText,
      };
    });
    assert.deepEqual(second.seqs, [1, 2]);
    assert.deepEqual(second.kinds, ['k', 'scaling']);
    assert.equal(second.chainOk, true);
    assert.equal(second.fingerprint, first.fingerprint, 'the same key after a reload');
    assert.equal(second.extractable, false);
    assert.equal(second.exported, 'refused');
    assert.equal(second.verified, true);
    assert.deepEqual(second.archived, ['2025-01-01-abc']);
    assert.equal(second.assignments, 'customer_id,cluster\nC1,1\n');

    const cleared = await page.evaluate(async () => {
      window.localStorage.setItem('tierbook:test', '1');
      window.localStorage.setItem('other-app', '1');
      return window.gov.clearLocalData({ indexedDB: window.indexedDB, localStorage: window.localStorage, getDirectory: () => window.navigator.storage.getDirectory() });
    });
    assert.ok(cleared.databases.includes('tierbook-governance'), JSON.stringify(cleared));
    assert.ok(cleared.keys.includes('tierbook:test'));
    await page.reload();
    await load();
    const after = await page.evaluate(async () => ({
      entries: (await new window.gov.IndexedDbAuditStore().entries()).length,
      archived: (await new window.gov.IndexedDbArchiveStore().list()).length,
      other: window.localStorage.getItem('other-app'),
    }));
    assert.deepEqual(after, { entries: 0, archived: 0, other: '1' });
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.foreignRequests, []);
    await context.close();
  });
});
