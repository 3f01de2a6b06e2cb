import { main } from '../../src/cli/main.ts';

/** Runs the command in this process, capturing what it prints. */
export async function tierbook(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) };
}
