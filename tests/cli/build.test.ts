import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { main as sourceMain } from '../../src/cli/main.ts';

const ROOT = resolve(import.meta.dirname, '../..');
type Main = typeof sourceMain;

async function capture(main: Main, argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('the built command', () => {
  it('builds to JavaScript and gives the same output as the sources', { timeout: 120_000 }, async () => {
    // Two folders below the root, like build/cli, so the build resolves the project alike.
    const outdir = join(ROOT, 'build', `cli-test-${process.pid}`);
    try {
      execFileSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), '--outdir', outdir], { stdio: 'pipe' });
      const built = (await import(pathToFileURL(join(outdir, 'main.js')).href)) as { main: Main };
      const help = await capture(built.main, ['--help']);
      expect(help.code).toBe(0);
      expect(help.stdout).toBe((await capture(sourceMain, ['--help'])).stdout);
      const dir = await mkdtemp(join(tmpdir(), 'tierbook-build-'));
      const csv = join(dir, 'rect.csv');
      await writeFile(csv, 'id,a,b\np1,0,0\np2,0,1\np3,10,0\np4,10,1\n');
      const argv = ['cluster', csv, '--features', 'a,b', '--k', '2', '--labels', '--json'];
      const fromBuild = await capture(built.main, argv);
      expect(fromBuild.stderr).toBe('');
      expect(fromBuild.stdout).toBe((await capture(sourceMain, argv)).stdout);
      // `run` from the build runs its tasks in worker threads (both cores); the sources run them
      // inline: the outputs are the same bytes (config.json apart from its creation time and
      // the integrity record, whose hashes cover that time).
      const threads = await capture(built.main, ['run', 'segmentation', '--set', 'k=3', '--out', join(dir, 'threads')]);
      expect(threads.stderr).toBe('');
      const inline = await capture(sourceMain, ['run', 'segmentation', '--set', 'k=3', '--out', join(dir, 'inline')]);
      expect(inline.code).toBe(0);
      for (const name of ['assignments.csv', 'features.csv', 'quality.json']) {
        expect(await readFile(join(dir, 'threads', name), 'utf8')).toBe(await readFile(join(dir, 'inline', name), 'utf8'));
      }
      const config = async (sub: string) => {
        const { createdAt: _time, integrity: _hashes, ...rest } = JSON.parse(await readFile(join(dir, sub, 'config.json'), 'utf8')) as Record<string, unknown>;
        return rest;
      };
      expect(await config('threads')).toEqual(await config('inline'));
    } finally {
      await rm(outdir, { recursive: true, force: true });
    }
  });

  it('bin/tierbook.mjs prints the help, from the build or (forced) from the sources', () => {
    for (const env of [{}, { TIERBOOK_FROM_SOURCE: '1' }]) {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/tierbook.mjs'), '--help'], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^tierbook — customer segmentation notebooks, headless/);
    }
  });
});
