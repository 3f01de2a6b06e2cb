import { UsageError, flag, type ParsedArgs } from './args.ts';
import { writeOutputs, type Io } from './io.ts';
import { readConfigFile, readScoringData, readText, withTroubleStatus, type ConfigFile } from './config-file.ts';
import { FileArchive } from './archive-dir.ts';
import { diffConfigs, type Change } from '../config/config-diff.ts';
import { parseAssignmentsCsv } from '../config/assignments-file.ts';
import { customerHistory } from '../config/archive.ts';
import { migrationReport, type MigrationReport } from '../config/migration-report.ts';
import { downgradedCsv } from '../analytics/monitor/downgrade-impact.ts';

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

const money = (x: number) => Math.round(x).toLocaleString('en-US');

function migrationText(r: MigrationReport, dataName: string): string {
  const m = r.matrix;
  const width = Math.max(9, ...m.order.map((t) => t.length)) + 2;
  const cell = (t: string | number) => String(t).padStart(width);
  const lines = [`migration on ${dataName} (rows: old tier, columns: new tier, best first):`, `  ${''.padEnd(width)}${m.order.map(cell).join('')}`];
  m.order.forEach((t, i) => lines.push(`  ${t.padEnd(width)}${m.customers[i].map(cell).join('')}`));
  lines.push(`  upgrades ${m.upgrades.customers}, downgrades ${m.downgrades.customers} (revenue ${money(m.downgrades.revenue ?? 0)}), stable ${(m.stableShare * 100).toFixed(1)}% of ${m.compared}; ${m.entered} entered, ${m.left} left`);
  const t = r.impact.totals;
  lines.push(
    `downgrade impact at churn probability ${r.impact.churnProbability}: ${t.customers} customers; revenue at risk ${money(t.revenueAtRisk)} of ${money(t.revenue)}; gross margin at risk ${money(t.marginAtRisk)} of ${money(t.grossMargin)}; CTS saved ${t.ctsSaved === null ? 'n/a' : money(t.ctsSaved)}; net ${t.net === null ? 'n/a' : money(t.net)}`,
  );
  for (const f of r.downgradeFairness) {
    const groups = f.ratios.groups.map((g) => `${g.group} ${g.ratio === null ? 'n/a' : g.ratio.toFixed(3)}${g.screened ? '' : ' (too small to screen)'}`);
    lines.push(`  impact ratio of "not downgraded" by ${f.attribute}: ${groups.join(', ')}; flagged: ${f.ratios.flagged.join(', ') || 'none'}`);
  }
  for (const a of r.impact.assumptions) lines.push(`  assumption: ${a}`);
  return `${lines.join('\n')}\n`;
}

/** Scores both configs on `--data` and reports migration and downgrade impact (with `--out`, writes downgraded.csv and migration.json). */
async function migration(args: ParsedArgs, before: ConfigFile, after: ConfigFile): Promise<{ report: MigrationReport; dataName: string; written: string[] } | null> {
  const dataPath = flag(args, 'data');
  const churnText = flag(args, 'churn');
  if (dataPath === undefined) {
    if (churnText !== undefined || flag(args, 'out') !== undefined) throw new UsageError('--churn and --out go with --data <customers file>');
    return null;
  }
  if (churnText === undefined) throw new UsageError('diff --data needs --churn <probability>: the assumed chance that a downgraded customer leaves, e.g. 0.1');
  const churn = Number(churnText);
  if (!(churn >= 0 && churn <= 1)) throw new UsageError(`invalid --churn: "${churnText}" (expected a probability from 0 to 1)`);
  const data = await readScoringData(dataPath, after.config);
  let report: MigrationReport;
  try {
    report = migrationReport({ previous: { config: before.config }, current: after.config, table: data.table, churnProbability: churn });
  } catch (error) {
    throw new Error(`${data.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const out = flag(args, 'out');
  const written = out === undefined ? [] : await writeOutputs(out, { 'downgraded.csv': downgradedCsv(report.impact, data.table.idColumn), 'migration.json': `${JSON.stringify(report, null, 2)}\n` });
  return { report, dataName: data.name, written };
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
    const moves = await migration(args, before, after);
    if (flag(args, 'json')) {
      io.stdout(`${JSON.stringify({ old: oldPath, new: newPath, ...d, ...(moves ? { migration: moves.report } : {}) }, null, 2)}\n`);
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
    if (moves) {
      io.stdout(migrationText(moves.report, moves.dataName));
      for (const path of moves.written) io.stdout(`wrote ${path}\n`);
    }
    for (const n of d.notes) io.stdout(`note: ${n}\n`);
    if (d.same) io.stdout('same segmentation\n');
    return d.same ? 0 : 1;
  });
}
