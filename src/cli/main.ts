import { UsageError, flag, parseArgs } from './args.ts';
import type { Io } from './io.ts';
import { runCommand } from './run-command.ts';
import { HELP } from './help.ts';
import { CLUSTER_FLAGS, clusterCommand } from './cluster-command.ts';
import { VERIFY_FLAGS, verifyCommand } from './verify-command.ts';
import { DIFF_FLAGS, diffCommand } from './diff-command.ts';
import { APPLY_FLAGS, applyCommand } from './apply-command.ts';
import { DRIFT_FLAGS, driftCommand } from './drift-command.ts';

/** Governance commands: name -> known flags and the command. */
const GOVERNANCE = {
  verify: [VERIFY_FLAGS, verifyCommand],
  diff: [DIFF_FLAGS, diffCommand],
  apply: [APPLY_FLAGS, applyCommand],
  drift: [DRIFT_FLAGS, driftCommand],
} as const;
import { ALLOCATE_FLAGS, allocateCommand } from './allocate-command.ts';

/** Runs the `tierbook` command; returns the exit code. Errors: one line on stderr (stack with --debug). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  const debug = argv.includes('--debug');
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.stdout(HELP);
      return 0;
    }
    switch (command) {
      case 'run': {
        const args = parseArgs(rest, ['data', 'set', 'out', 'map']);
        if (flag(args, 'help')) {
          io.stdout(HELP);
          return 0;
        }
        return await runCommand(args, io);
      }
      case 'cluster': {
        const args = parseArgs(rest, CLUSTER_FLAGS);
        if (flag(args, 'help')) {
          io.stdout(HELP);
          return 0;
        }
        return await clusterCommand(args, io);
      }
      case 'allocate': {
        const args = parseArgs(rest, ALLOCATE_FLAGS);
        if (flag(args, 'help')) {
          io.stdout(HELP);
          return 0;
        }
        return await allocateCommand(args, io);
      }
      case 'verify':
      case 'diff':
      case 'apply':
      case 'drift': {
        const [known, run] = GOVERNANCE[command];
        const args = parseArgs(rest, known);
        if (flag(args, 'help')) {
          io.stdout(HELP);
          return 0;
        }
        return await run(args, io);
      }
      case 'stability':
        return await (await import('./stability-command.ts')).stabilityMain(rest, io);
      default:
        throw new UsageError(`unknown command "${command}" (commands: run, cluster, stability, allocate, verify, diff, apply, drift; see tierbook --help)`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`tierbook: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
