import { UsageError, flag, parseArgs, type ParsedArgs } from './args.ts';
import type { Io } from './io.ts';
import { HELP } from './help.ts';

/** A command: its flags and its code, imported when run so `tierbook --help` loads none of the analytics or data code. */
interface Command {
  readonly flags: readonly string[];
  load(): Promise<(args: ParsedArgs, io: Io) => Promise<number>>;
}

const COMMANDS: Readonly<Record<string, Command>> = {
  run: { flags: ['data', 'set', 'out', 'map', 'engine'], load: async () => (await import('./run-command.ts')).runCommand },
  cluster: { flags: ['features', 'id', 'transform', 'scale', 'weights', 'algorithm', 'k', 'restarts', 'seed', 'eps', 'min-points', 'metrics'], load: async () => (await import('./cluster-command.ts')).clusterCommand },
  sql: { flags: ['dialect', 'source', 'view', 'from-order-lines'], load: async () => (await import('./sql-command.ts')).sqlCommand },
  stability: {
    flags: ['features', 'id', 'transform', 'scale', 'weights', 'algorithm', 'k', 'restarts', 'seed', 'eps', 'min-points', 'replicates', 'steps', 'holdout'],
    load: async () => (await import('./stability-command.ts')).stabilityCommand,
  },
  allocate: { flags: ['supply', 'demand', 'rule'], load: async () => (await import('./allocate-command.ts')).allocateCommand },
  verify: { flags: ['trusted-key', 'archive', 'assignments'], load: async () => (await import('./verify-command.ts')).verifyCommand },
  diff: { flags: ['assignments', 'archive', 'customer', 'data', 'churn', 'out'], load: async () => (await import('./diff-command.ts')).diffCommand },
  apply: {
    flags: ['out', 'far', 'pseudonym-key', 'archive', 'fairness', 'favourable'],
    load: async () => (await import('./apply-command.ts')).applyCommand,
  },
  drift: { flags: ['rule'], load: async () => (await import('./drift-command.ts')).driftCommand },
  report: { flags: ['data', 'previous', 'format', 'out'], load: async () => (await import('./report-command.ts')).reportCommand },
};

/** Runs the `tierbook` command; returns the exit code. Errors: one line on stderr (stack with --debug). */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  const debug = argv.includes('--debug');
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.stdout(HELP);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')}; see tierbook --help)`);
    const args = parseArgs(rest, command.flags);
    if (flag(args, 'help')) {
      io.stdout(HELP);
      return 0;
    }
    return await (await command.load())(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`tierbook: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
