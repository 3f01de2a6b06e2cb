import { collectNodes, createEngine, parseAssignments, type InputNode } from '../runtime/index.ts';
import { NOTEBOOKS } from '../../notebooks/index.ts';
import { UsageError, flag, type ParsedArgs } from './args.ts';
import { readDataFile, writeOutputs, packageVersions, type Io } from './io.ts';
import { assignmentsCsv } from '../config/segmentation-config.ts';
import { exportConfigText } from '../config/config-json.ts';
import { customerTableToCsv } from '../data/index.ts';
import { qualitySummary } from './quality-summary.ts';
import { nodeTaskRunner } from './node-tasks.ts';
import { duckdbRunner } from './duckdb-engine.ts';
import { namedFile } from './io.ts';
import type { Host } from '../workers/host.ts';
import { isNeedsData } from '../analytics/policy/needs-data.ts';
import { assignments, config } from '../../cells/export.ts';
import { imported } from '../../cells/data.ts';
import { robustnessReport } from '../../cells/robustness.ts';
import { stabilityReportJson } from '../analytics/stability/report.ts';
import { sectionRuns } from './section-runs.ts';
import { tiers } from '../../cells/tiers.ts';
import { policy } from '../../cells/policy.ts';

/** `tierbook run <notebook> [--data file] [--set name=value ...] --out dir` */
export async function runCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [id, ...extra] = args.positionals;
  if (id === undefined) throw new UsageError(`run needs a notebook (notebooks: ${Object.keys(NOTEBOOKS).join(', ')})`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
  const notebook = Object.hasOwn(NOTEBOOKS, id) ? NOTEBOOKS[id] : undefined;
  if (!notebook) throw new UsageError(`unknown notebook "${id}" (notebooks: ${Object.keys(NOTEBOOKS).join(', ')})`);
  const out = flag(args, 'out');
  if (out === undefined) throw new UsageError('run needs --out <dir> for its outputs');
  const dataPath = flag(args, 'data');
  const engine = flag(args, 'engine') ?? 'javascript';
  if (engine !== 'javascript' && engine !== 'duckdb') throw new UsageError(`invalid --engine: "${engine}" (expected javascript or duckdb)`);
  if (engine === 'duckdb' && dataPath === undefined) throw new UsageError('--engine duckdb needs --data <order-lines file> (CSV or Parquet)');
  const tasks = nodeTaskRunner();
  // The worker that will import the file loads its modules while this thread reads the file.
  if (dataPath !== undefined && engine === 'javascript') tasks.warm?.();
  // DuckDB reads the file itself (it may not fit in memory): the notebook gets its name only.
  const reading = dataPath === undefined ? Promise.resolve(null) : engine === 'duckdb' ? namedFile(dataPath) : readDataFile(dataPath);
  const dataFile = await reading.catch(async (error: unknown) => {
    await tasks.close();
    throw error;
  });
  const { version, packages } = await packageVersions();
  const host: Host = {
    packages,
    version,
    tasks: engine === 'duckdb' ? duckdbRunner(dataPath as string, tasks) : tasks,
  };
  const map = flag(args, 'map');
  const inputs = collectNodes(notebook).filter((n): n is InputNode<unknown> => n.kind === 'input');
  const sections = sectionRuns(notebook, args.flags.get('set') ?? []);
  const settings = parseAssignments(inputs, [...(map === undefined ? [] : [`columnMap=${map}`]), ...sections.settings]);
  // Only what is written is computed: the diagnostics (k sweep, silhouette, profiles) are not.
  const run = createEngine(notebook, { live: false, onRead: true, initial: { ...settings, host, dataFile } });
  try {
    if (run.refused.length > 0) throw new Error(run.refused[0].reason);
    const fail = (error: unknown): never => {
      const cell = (error as { cell?: unknown }).cell;
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`${dataFile?.name ?? 'sample'}: ${typeof cell === 'string' ? `cell "${cell}" failed: ` : ''}${message}`, { cause: error });
    };
    // One at a time: the first failure is reported, and nothing is left computing behind it.
    const loaded = await run.value(imported).catch(fail);
    // Sections switched on run their on-demand cells in order; the first failure is reported.
    for (const cells of sections.run) {
      await run.runAll(cells);
      for (const cell of cells) if (run.state(cell).status === 'error') await run.value(cell).catch(fail);
    }
    const robustness = sections.on.has('robustness') ? await run.value(robustnessReport).catch(fail) : null;
    const c = await run.value(config).catch(fail);
    const a = await run.value(assignments).catch(fail);
    const t = await run.value(tiers).catch(fail);
    const p = await run.value(policy).catch(fail);
    const written = await writeOutputs(out, {
      // sealed with its integrity record, so `tierbook verify` reads it as an intact draft
      'config.json': await exportConfigText(c),
      'assignments.csv': assignmentsCsv(a.ids, a.labels, a.idColumn, a.confidence),
      'quality.json': `${JSON.stringify(qualitySummary(loaded), null, 2)}\n`,
      'features.csv': customerTableToCsv(loaded.imported.customers),
      ...(robustness ? { 'robustness.json': stabilityReportJson(robustness) } : {}),
      'tiers.csv': t.csv,
      ...(p?.csv ? { 'safety-stock.csv': p.csv } : {}),
    });
    io.stdout(`${c.data.rows} customers, k = ${c.model.k}, sizes ${c.model.sizes.join('/')}\n`);
    const carried = t.carried;
    if (isNeedsData(carried)) io.stdout(`tiers: ${carried.message}\n`);
    else io.stdout(`tiers (${t.spec.method}): ${carried.names.map((n, i) => `${n} ${carried.counts[i]}`).join(', ')}\n`);
    const ss = p?.safetyStock;
    if (ss && isNeedsData(ss)) io.stdout(`safety-stock.csv not written: ${ss.message}\n`);
    for (const path of written) io.stdout(`wrote ${path}\n`);
    return 0;
  } finally {
    run.dispose();
    await tasks.close();
  }
}
