import { UsageError, flag, type ParsedArgs } from './args.ts';
import type { Io } from './io.ts';
import { readConfigFile, readText, withTroubleStatus } from './config-file.ts';
import { FileArchive } from './archive-dir.ts';
import { diffConfigs, type Change } from '../config/config-diff.ts';
import { parseAssignmentsCsv } from '../config/assignments-file.ts';
import { customerHistory } from '../config/archive.ts';

export const DIFF_FLAGS = ['assignments', 'archive', 'customer'];

/** Customers listed in the text output before "… and N more". */
const SHOWN = 20;

function show(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

function line(c: Change): string {
  if (c.old === undefined) return `+ ${c.path}: ${show(c.new)}`;
  if (c.new === undefined) return `- ${c.path}: ${show(c.old)}`;
  return `~ ${c.path}: ${show(c.old)} -> ${show(c.new)}`;
}

async function assignmentsArg(text: string | undefined) {
  if (text === undefined) return {};
  const paths = text.split(',');
  if (paths.length !== 2) throw new UsageError(`invalid --assignments: "${text}" (expected old.csv,new.csv)`);
  const [o, n] = await Promise.all(paths.map(async (p) => parseAssignmentsCsv(await readText(p), p)));
  return { old: o, new: n };
}

/** `tierbook diff --archive dir --customer ID`: the customer's segment in every archived version. */
async function historyCommand(archive: string, customer: string, args: ParsedArgs, io: Io): Promise<number> {
  const rows = await customerHistory(new FileArchive(archive), customer);
  if (flag(args, 'json')) io.stdout(`${JSON.stringify({ customer, versions: rows }, null, 2)}\n`);
  else {
    for (const r of rows) {
      const segment = r.cluster === undefined ? 'not in the data' : r.cluster === null ? 'not clustered' : `cluster ${r.cluster}${r.tier ? `, ${r.tier}` : ''}`;
      io.stdout(`${r.date}  ${r.version}  ${segment}${r.approver ? `  (approved by ${r.approver})` : ''}\n`);
    }
    if (rows.length === 0) io.stdout(`${archive}: no archived versions\n`);
  }
  const segments = new Set(rows.filter((r) => r.cluster !== undefined).map((r) => `${r.cluster}|${r.tier}`));
  return segments.size > 1 ? 1 : 0;
}

/** `tierbook diff old.json new.json [--assignments old.csv,new.csv] [--json]`: exit 0 same, 1 different, 2 trouble. */
export async function diffCommand(args: ParsedArgs, io: Io): Promise<number> {
  return withTroubleStatus(2, Boolean(flag(args, 'debug')), io, async () => {
    const archive = flag(args, 'archive');
    const customer = flag(args, 'customer');
    if (archive !== undefined || customer !== undefined) {
      if (archive === undefined || customer === undefined || args.positionals.length > 0) {
        throw new UsageError('a customer history needs both --archive <dir> and --customer <id>, and no config files');
      }
      return historyCommand(archive, customer, args, io);
    }
    const [oldPath, newPath, ...extra] = args.positionals;
    if (oldPath === undefined || newPath === undefined) throw new UsageError('diff needs two configs, e.g. tierbook diff old.json new.json');
    if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
    const [before, after] = await Promise.all([readConfigFile(oldPath), readConfigFile(newPath)]);
    const d = diffConfigs(before.config, after.config, await assignmentsArg(flag(args, 'assignments')));
    if (flag(args, 'json')) {
      io.stdout(`${JSON.stringify({ old: oldPath, new: newPath, ...d }, null, 2)}\n`);
      return d.same ? 0 : 1;
    }
    const sections = [...new Set(d.changes.map((c) => c.section))];
    for (const section of sections) {
      io.stdout(`${section}:\n`);
      for (const c of d.changes.filter((x) => x.section === section)) io.stdout(`  ${line(c)}\n`);
    }
    if (d.moved) {
      const m = d.moved;
      io.stdout(`moved: ${m.customers.length} of ${m.compared} customers changed ${m.by}\n`);
      for (const c of m.customers.slice(0, SHOWN)) io.stdout(`  ${c.id}: ${c.old ?? '(none)'} -> ${c.new ?? '(none)'}\n`);
      if (m.customers.length > SHOWN) io.stdout(`  … and ${m.customers.length - SHOWN} more (--json lists all)\n`);
    }
    for (const n of d.notes) io.stdout(`note: ${n}\n`);
    if (d.same) io.stdout('same segmentation\n');
    return d.same ? 0 : 1;
  });
}
