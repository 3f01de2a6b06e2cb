import { runHeadless } from '../runtime/headless.ts';
import { NOTEBOOKS } from '../../notebooks/index.ts';
import { UsageError, flag, type ParsedArgs } from './args.ts';
import { readDataFile, writeOutputs, packageVersions, type Io } from './io.ts';
import { assignmentsCsv, configToJson, type SegmentationConfig } from '../config/segmentation-config.ts';
import type { Assignments } from '../../cells/export.ts';
import type { Host, Loaded } from '../../cells/data.ts';
import { customerTableToCsv } from '../data/index.ts';
import { qualitySummary } from './quality-summary.ts';
import { nodeTaskRunner } from './node-tasks.ts';
import { duckdbRunner } from './duckdb-engine.ts';
import { namedFile } from './io.ts';

/** `tierbook run <notebook> [--data file] [--set name=value ...] --out dir` */
export async function runCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [id, ...extra] = args.positionals;
  if (id === undefined) throw new UsageError(`run needs a notebook (notebooks: ${Object.keys(NOTEBOOKS).join(', ')})`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
  const notebook = NOTEBOOKS[id];
  if (!notebook) throw new UsageError(`unknown notebook "${id}" (notebooks: ${Object.keys(NOTEBOOKS).join(', ')})`);
  const out = flag(args, 'out');
  if (out === undefined) throw new UsageError('run needs --out <dir> for its outputs');
  const dataPath = flag(args, 'data');
  const engine = flag(args, 'engine') ?? 'javascript';
  if (engine !== 'javascript' && engine !== 'duckdb') throw new UsageError(`invalid --engine: "${engine}" (expected javascript or duckdb)`);
  if (engine === 'duckdb' && dataPath === undefined) throw new UsageError('--engine duckdb needs --data <order-lines file> (CSV or Parquet)');
  // DuckDB reads the file itself (it may not fit in memory): the notebook gets its name only.
  const dataFile = dataPath === undefined ? null : engine === 'duckdb' ? await namedFile(dataPath) : await readDataFile(dataPath);
  const { version, packages } = await packageVersions();
  const tasks = nodeTaskRunner();
  const host: Host = {
    packages,
    version,
    tasks: engine === 'duckdb' ? duckdbRunner(dataPath as string, tasks) : tasks,
  };
  const map = flag(args, 'map');
  const result = await runHeadless(notebook, {
    inputs: { host, dataFile },
    assignments: [...(map === undefined ? [] : [`columnMap=${map}`]), ...(args.flags.get('set') ?? [])],
    cells: ['config', 'assignments', 'imported'],
  }).finally(() => tasks.close());
  if (result.failures.length > 0) {
    const { cell, message } = result.failures[0];
    throw new Error(`${dataFile?.name ?? 'sample'}: cell "${cell}" failed: ${message}`);
  }
  const config = result.values.config as SegmentationConfig;
  const a = result.values.assignments as Assignments;
  const loaded = result.values.imported as Loaded;
  const written = await writeOutputs(out, {
    'config.json': configToJson(config),
    'assignments.csv': assignmentsCsv(a.ids, a.labels, a.idColumn),
    'quality.json': `${JSON.stringify(qualitySummary(loaded), null, 2)}\n`,
    'features.csv': customerTableToCsv(loaded.imported.customers),
  });
  io.stdout(`${config.data.rows} customers, k = ${config.model.k}, sizes ${config.model.sizes.join('/')}\n`);
  for (const path of written) io.stdout(`wrote ${path}\n`);
  return 0;
}
