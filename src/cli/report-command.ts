import { basename, dirname, extname } from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { collectNodes, createEngine, type InputNode } from '../runtime/index.ts';
import { UsageError, flag, type ParsedArgs } from './args.ts';
import { packageVersions, readDataFile, type Io } from './io.ts';
import { readConfigFile } from './config-file.ts';
import { nodeTaskRunner } from './node-tasks.ts';
import type { Host } from '../workers/host.ts';
import { segmentation } from '../../notebooks/segmentation.ts';
import { inputCatalog } from '../report/input-catalog.ts';
import type { SegmentationConfig } from '../config/config-schema.ts';
import { checkReproduction, type Reproduction } from '../config/review/reproduction.ts';
import type { ReportEvidence } from '../report/evidence.ts';
import { evidenceFromEngine } from '../report/engine-report.ts';
import { buildReport, prepareReport } from '../report/build-report.ts';
import { reportHtml } from '../report/report-html.ts';
import { reportMarkdown } from '../report/report-markdown.ts';
import { SAMPLE_ORDERS_NAME } from '../workers/tasks.ts';

const FORMATS = ['html', 'markdown'] as const;

/** The config's settings that are settings of this notebook (the rest is reported, never applied). */
function settingsOf(config: SegmentationConfig): { values: Record<string, unknown>; notes: string[] } {
  const inputs = new Map(
    collectNodes(segmentation)
      .filter((n): n is InputNode<unknown> => n.kind === 'input' && n.role === 'setting')
      .map((n) => [n.name, n]),
  );
  const values: Record<string, unknown> = {};
  const notes: string[] = [];
  for (const [name, value] of Object.entries(config.inputs)) {
    const node = inputs.get(name);
    if (!node) notes.push(`"${name}" is not a setting of this notebook, so it was not applied`);
    else if (node.validate(value) === undefined) values[name] = value;
    else notes.push(node.validate(value) as string);
  }
  return { values, notes };
}

/**
 * The segmentation notebook run on the data with the config's settings, for what the config
 * does not record (the k sweep, profiles, tier KPIs, working capital), and the reproduction
 * check of its assignments (the data read with the config's import options, scored frozen).
 */
async function onData(
  config: SegmentationConfig,
  file: { name: string; bytes: Uint8Array | null },
  io: Io,
): Promise<{ evidence: ReportEvidence; reproduction: Reproduction }> {
  const tasks = nodeTaskRunner();
  const { version, packages } = await packageVersions();
  const host: Host = { packages, version, tasks };
  const { values, notes } = settingsOf(config);
  const engine = createEngine(segmentation, {
    live: false,
    initial: {
      ...values,
      host,
      dataFile: file.bytes === null ? null : { name: file.name, bytes: file.bytes },
    },
  });
  try {
    const read = await tasks.run('importData', [file.bytes, file.name, config.data.import]);
    const reproduction = await checkReproduction(config, read.imported.customers, {
      name: file.name,
      fingerprint: read.fingerprint,
    });
    const { evidence, failed } = await evidenceFromEngine(engine, '');
    for (const problem of failed) io.stderr(`tierbook: report: ${problem}\n`);
    const refused = [...engine.refused.map((r) => r.reason), ...notes];
    const source = `recomputed from ${file.name} with the config's settings${refused.length ? ` (${refused.join('; ')})` : ''}`;
    return { evidence: { ...evidence, source }, reproduction };
  } finally {
    engine.dispose();
    await tasks.close();
  }
}

/** `tierbook report config.json [--data file] [--previous old.json] [--format html|markdown] --out report.html` */
export async function reportCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [configPath, ...extra] = args.positionals;
  if (configPath === undefined)
    throw new UsageError('report needs a config, e.g. tierbook report config.json --out report.html');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
  const out = flag(args, 'out');
  if (out === undefined)
    throw new UsageError('report needs --out <file>, e.g. --out report.html (or report.md for Markdown)');
  const given = flag(args, 'format');
  const format = given ?? (['.md', '.markdown'].includes(extname(out).toLowerCase()) ? 'markdown' : 'html');
  if (!(FORMATS as readonly string[]).includes(format))
    throw new UsageError(`invalid --format: "${format}" (expected html or markdown)`);

  const file = await readConfigFile(configPath);
  const previousPath = flag(args, 'previous');
  const previous = previousPath === undefined ? undefined : await readConfigFile(previousPath);
  const dataPath = flag(args, 'data');
  const data =
    dataPath === undefined
      ? undefined
      : dataPath === 'sample'
        ? { name: SAMPLE_ORDERS_NAME, bytes: null }
        : await readDataFile(dataPath);
  const run = data ? await onData(file.config, data, io) : undefined;
  const input = await prepareReport({
    document: file.document,
    fileName: basename(configPath),
    inputs: inputCatalog(segmentation),
    ...(run ? { evidence: run.evidence, reproduction: run.reproduction } : {}),
    ...(previous ? { previous: { config: previous.config, fileName: basename(previous.path) } } : {}),
  });
  const doc = buildReport(input);
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, format === 'markdown' ? reportMarkdown(doc) : reportHtml(doc));
  io.stdout(`config: ${input.verification.message}\n`);
  if (run) {
    const r = run.reproduction;
    io.stdout(
      r.reproduced === null
        ? `data: not checked (${r.notes[0] ?? 'cannot be replayed'})\n`
        : !r.fingerprintMatches
          ? `data: ${r.fileName} is not the file the config was built from\n`
          : r.reproduced
            ? 'data: the assignments reproduce exactly\n'
            : 'data: the assignments do NOT reproduce\n',
    );
  }
  io.stdout(`wrote ${out}\n`);
  return 0;
}
