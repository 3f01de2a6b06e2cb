#!/usr/bin/env node
// The `tierbook` command. It runs the JavaScript build in build/cli/ (made by `npm install`
// through the `prepare` script, or `npm run build:cli`). When that build is missing or older
// than any source file it was built from (a developer editing src/), it runs the TypeScript
// sources through tsx instead, so the command never runs stale code.
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function builtIsCurrent() {
  if (process.env.TIERBOOK_FROM_SOURCE === '1') return false;
  try {
    const { builtAt, inputs } = JSON.parse(readFileSync(`${root}build/cli/inputs.json`, 'utf8'));
    return inputs.every((path) => statSync(`${root}${path}`).mtimeMs <= builtAt);
  } catch {
    return false;
  }
}

let main;
if (builtIsCurrent()) {
  ({ main } = await import('../build/cli/main.js'));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
