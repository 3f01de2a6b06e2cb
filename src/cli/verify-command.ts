import { UsageError, flag, type ParsedArgs } from './args.ts';
import type { Io } from './io.ts';
import { readConfigFile, readText, withTroubleStatus } from './config-file.ts';
import { FileArchive } from './archive-dir.ts';
import { verifyConfig } from '../config/verify.ts';
import { archiveApproved } from '../config/archive.ts';

/**
 * `tierbook verify config.json [--trusted-key <fingerprint> ...] [--json] [--archive dir --assignments file]`:
 * exit 0 for an intact config (approved, or an unsigned draft), 1 otherwise, 2 when the file
 * cannot be read as a config.
 */
export async function verifyCommand(args: ParsedArgs, io: Io): Promise<number> {
  return withTroubleStatus(2, Boolean(flag(args, 'debug')), io, async () => {
    const [path, ...extra] = args.positionals;
    if (path === undefined)
      throw new UsageError('verify needs a config file, e.g. tierbook verify config.json');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
    const archive = flag(args, 'archive');
    const assignments = flag(args, 'assignments');
    if ((archive === undefined) !== (assignments === undefined))
      throw new UsageError(
        '--archive needs --assignments <assignments.csv> (and the other way round): an archived version keeps both',
      );
    const trusted = args.flags.get('trusted-key');
    if (trusted?.some((k) => !/^[0-9a-f]{64}$/.test(k)))
      throw new UsageError(
        'invalid --trusted-key: expected a key fingerprint of 64 hex digits, as verify prints it',
      );
    const file = await readConfigFile(path);
    const v = await verifyConfig(file.document, { trustedKeys: trusted });
    if (flag(args, 'json')) io.stdout(`${JSON.stringify({ file: path, ...v }, null, 2)}\n`);
    else {
      io.stdout(`${path}: ${v.message}\n`);
      if (v.approval) io.stdout(`  key fingerprint: ${v.approval.keyFingerprint}\n`);
      for (const p of v.problems) io.stdout(`  ${p}\n`);
      for (const n of v.notes) io.stdout(`  note: ${n}\n`);
    }
    if (archive !== undefined && assignments !== undefined) {
      const version = await archiveApproved(
        new FileArchive(archive),
        file.text,
        await readText(assignments),
        { config: path, assignments },
      );
      (flag(args, 'json') ? io.stderr : io.stdout)(`archived as ${version.id} in ${archive}\n`);
    }
    return v.intact ? 0 : 1;
  });
}
