import { UsageError, flag, parseArgs } from './args.ts';
import type { Io } from './io.ts';
import { HELP } from './help.ts';

// Commands are imported when run, so `tierbook --help` loads none of the analytics or data code.

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
        const { runCommand } = await import('./run-command.ts');
        return await runCommand(args, io);
      }
      case 'cluster': {
        const { CLUSTER_FLAGS, clusterCommand } = await import('./cluster-command.ts');
        const args = parseArgs(rest, CLUSTER_FLAGS);
        if (flag(args, 'help')) {
          io.stdout(HELP);
          return 0;
        }
        return await clusterCommand(args, io);
      }
      case 'sql': {
        const { SQL_FLAGS, sqlCommand } = await import('./sql-command.ts');
        const args = parseArgs(rest, SQL_FLAGS);
        if (flag(args, 'help')) {
          io.stdout(HELP);
          return 0;
        }
        return await sqlCommand(args, io);
      }
      default:
        throw new UsageError(`unknown command "${command}" (commands: run, cluster, sql; see tierbook --help)`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`tierbook: ${message}\n`);
    if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
    return error instanceof UsageError ? 2 : 1;
  }
}
