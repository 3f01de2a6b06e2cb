import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tempDir, tierbook } from './governance-helpers.ts';

describe('tierbook report', () => {
  it('writes the HTML and the Markdown report of a config run on the sample, and checks that its assignments reproduce', async () => {
    const dir = await tempDir();
    const run = await tierbook('run', 'segmentation', '--out', join(dir, 'run'), '--set', 'k=4');
    expect(run.stderr).toBe('');
    const config = join(dir, 'run', 'config.json');
    const html = await tierbook('report', config, '--data', 'sample', '--out', join(dir, 'report.html'));
    expect(html.stderr).toBe('');
    expect(html.code).toBe(0);
    expect(html.stdout).toContain('data: the assignments reproduce exactly');
    const page = await readFile(join(dir, 'report.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/i);
    expect(page).toContain('<svg');
    expect(page).not.toMatch(/<script|src="http|href="http/i);
    expect(page).toContain('The assignments reproduce');
    const md = await tierbook('report', config, '--out', join(dir, 'report.md'));
    expect(md.code).toBe(0);
    const markdown = await readFile(join(dir, 'report.md'), 'utf8');
    expect(markdown).toMatch(/^# /);
    expect(markdown).toContain('No data file was supplied');
  }, 180_000);

  it('refuses a missing --out and an unknown format with a usage message', async () => {
    const missing = await tierbook('report', 'config.json');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--out');
    const format = await tierbook('report', 'config.json', '--out', 'x.html', '--format', 'pdf');
    expect(format.stderr).toContain('invalid --format: "pdf" (expected html or markdown)');
  });
});
