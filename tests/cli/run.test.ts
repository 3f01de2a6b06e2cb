import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config/segmentation-config.ts';

async function tierbook(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('tierbook run segmentation', () => {
  it('writes a valid config and assignments, byte-identical across runs', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-'));
    const first = await tierbook('run', 'segmentation', '--out', join(dir, 'a'), '--set', 'k=5');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const second = await tierbook('run', 'segmentation', '--out', join(dir, 'b'), '--set', 'k=5');
    expect(second.code).toBe(0);
    const a = await readFile(join(dir, 'a', 'assignments.csv'), 'utf8');
    const b = await readFile(join(dir, 'b', 'assignments.csv'), 'utf8');
    expect(a).toBe(b);
    const lines = a.trim().split('\n');
    expect(lines[0]).toBe('customer_id,cluster');
    expect(lines).toHaveLength(2001);
    expect(new Set(lines.slice(1).map((l) => l.split(',')[1]))).toEqual(new Set(['1', '2', '3', '4', '5']));
    const config = loadConfig(JSON.parse(await readFile(join(dir, 'a', 'config.json'), 'utf8')));
    expect(config.model.k).toBe(5);
    expect(config.inputs.k).toBe(5);
    expect(config.data).toMatchObject({ source: 'sample', rows: 2000, idColumn: 'customer_id' });
    expect(config.model.sizes.reduce((s, x) => s + x, 0)).toBe(2000);
    expect(config.packages['ml-kmeans']).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('applies weights and features from --set and reads --data', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-'));
    const csv = 'id,x,y\n' + Array.from({ length: 40 }, (_, i) => `c${i},${i % 2 ? 10 + (i % 5) : i % 5},${i % 3}`).join('\n');
    await writeFile(join(dir, 'small.csv'), csv);
    const run = await tierbook(
      'run', 'segmentation', '--data', join(dir, 'small.csv'), '--set', 'features=x,y', '--set', 'w.x=4', '--set', 'k=2', '--out', join(dir, 'out'),
    );
    expect(run.stderr).toBe('');
    const config = loadConfig(JSON.parse(await readFile(join(dir, 'out', 'config.json'), 'utf8')));
    expect(config.features).toEqual(['x', 'y']);
    expect(config.preparation.features.map((f) => f.weight)).toEqual([4, 1]);
    expect(config.data.source).toBe('small.csv');
    // x splits the customers into odd (10..14) and even (0..4) rows: two clusters of 20
    expect(config.model.sizes).toEqual([20, 20]);
  });

  it('fails with one clear line and a non-zero exit', async () => {
    const cases: [string[], RegExp, number][] = [
      [['run', 'segmentation', '--set', 'k=99', '--out', 'x'], /^tierbook: invalid k: "99" is not a number from 2 to 10\n$/, 1],
      [['run', 'segmentation', '--data', 'nope.csv', '--out', 'x'], /^tierbook: cannot read nope.csv: no such file\n$/, 1],
      [['run', 'nope', '--out', 'x'], /^tierbook: unknown notebook "nope" \(notebooks: segmentation\)\n$/, 2],
      [['run', 'segmentation'], /^tierbook: run needs --out <dir> for its outputs\n$/, 2],
      [['run', 'segmentation', '--bogus', '1'], /^tierbook: unknown flag --bogus/, 2],
      [['frobnicate'], /^tierbook: unknown command "frobnicate"/, 2],
    ];
    for (const [argv, pattern, code] of cases) {
      const r = await tierbook(...argv);
      expect(r.stderr).toMatch(pattern);
      expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace without --debug
      expect(r.code).toBe(code);
    }
  });

  it('documents every command and flag in --help', async () => {
    const r = await tierbook('--help');
    expect(r.code).toBe(0);
    for (const word of ['run', '--data', '--set', '--out', '--debug', 'w.']) expect(r.stdout).toContain(word);
  });
});
