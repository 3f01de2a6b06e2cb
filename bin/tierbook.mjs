#!/usr/bin/env node
// The `tierbook` command. It runs the TypeScript sources directly (through tsx), so the
// command and the app always share the same cells and analytics.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
