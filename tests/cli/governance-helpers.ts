/** Shared by the verify, diff, apply and drift command tests. */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';
import { TABLE } from '../config/fixture.ts';

export async function tierbook(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}

/** A fresh temporary folder. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tierbook-gov-'));
}

/** Writes `files` (name -> text) into a fresh folder; returns the paths by name. */
export async function writeFiles(files: Record<string, string>): Promise<Record<string, string>> {
  const dir = await tempDir();
  const paths: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    paths[name] = join(dir, name);
    await writeFile(paths[name], text);
  }
  return paths;
}

/** The fixture's customer table as CSV, with `change` applied to each numeric value. */
export function tableCsv(change: (column: string, value: number, row: number) => number = (_, v) => v): string {
  const numeric = Object.keys(TABLE.columns) as (keyof typeof TABLE.columns)[];
  const lines = [['customer_id', ...numeric, 'region', 'channel'].join(',')];
  TABLE.ids.forEach((id, i) => {
    const values = numeric.map((c) => {
      const v = change(c, TABLE.columns[c][i], i);
      return Number.isFinite(v) ? String(v) : '';
    });
    lines.push([id, ...values, TABLE.categorical.region[i], TABLE.categorical.channel[i]].join(','));
  });
  return `${lines.join('\n')}\n`;
}
