import { readFile } from 'node:fs/promises';
import { UsageError, flag, type ParsedArgs } from './args.ts';
import { writeOutputs, type Io } from './io.ts';
import { readConfigFile, readScoringData } from './config-file.ts';
import { FileArchive } from './archive-dir.ts';
import { applyConfig, type ScoredCustomers } from '../config/apply-config.ts';
import { verifyConfig } from '../config/verify.ts';
import { assignmentsCsv, hashAssignments } from '../config/segmentation-config.ts';
import { flagsCsv, tiersCsv } from '../config/scored-files.ts';
import { pseudonymiseIds } from '../config/pseudonymise.ts';
import { archiveScored } from '../config/archive.ts';
import { tierFairness } from '../config/tier-fairness.ts';

/** `tierbook apply config.json <file> --out dir`: scores new customers with a frozen config. */
export async function applyCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [configPath, dataPath, ...extra] = args.positionals;
  if (configPath === undefined || dataPath === undefined) throw new UsageError('apply needs a config and a data file, e.g. tierbook apply config.json customers.csv --out scored/');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
  const out = flag(args, 'out');
  if (out === undefined) throw new UsageError('apply needs --out <dir> for assignments.csv');
  const farText = flag(args, 'far') ?? '0.25';
  const far = Number(farText);
  if (!(far >= 0 && Number.isFinite(far))) throw new UsageError(`invalid --far: "${farText}" (expected a fraction of the reference range >= 0, e.g. 0.25)`);

  const keyPath = flag(args, 'pseudonym-key');
  const archive = flag(args, 'archive');
  if (archive !== undefined && keyPath !== undefined) throw new UsageError('--archive keeps real customer ids: leave out --pseudonym-key when archiving');

  const file = await readConfigFile(configPath);
  const verdict = await verifyConfig(file.document);
  if (verdict.verdict === 'edited' || verdict.verdict === 'signature-invalid') {
    throw new Error(`${configPath}: not applied: ${verdict.message} (see tierbook verify ${configPath})`);
  }
  const data = await readScoringData(dataPath, file.config);
  let scored: ScoredCustomers;
  try {
    scored = applyConfig(file.config, data.table, { farMargin: far });
  } catch (error) {
    throw new Error(`${data.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const ids = keyPath === undefined ? scored.ids : await pseudonymiseIds(new Uint8Array(await readFile(keyPath)), scored.ids);
  const assignments = assignmentsCsv(ids, scored.labels, scored.idColumn);
  const sameData = data.fingerprint === file.config.data.fingerprint;
  const reproduced = sameData ? (await hashAssignments(scored.ids, scored.labels)) === file.config.assignmentsHash : null;
  const files: Record<string, string> = { 'assignments.csv': assignments };
  if (scored.tiers) files['tiers.csv'] = tiersCsv(scored, ids);
  if (file.config.reference) files['flags.csv'] = flagsCsv(scored, ids);
  const summary = {
    config: configPath,
    verdict: verdict.verdict,
    data: data.name,
    fingerprint: data.fingerprint,
    counts: scored.counts,
    farOutside: scored.far.length,
    outsideRange: scored.outsideRange,
    pseudonymised: keyPath !== undefined,
    reproduced,
    issues: [...data.issues, ...scored.issues.map((i) => i.message), ...file.notes],
  };
  files['apply.json'] = `${JSON.stringify(summary, null, 2)}\n`;
  const attribute = flag(args, 'fairness');
  const fairness = attribute === undefined ? null : tierFairness(scored, file.config.tierMap, data.table.categorical, { attribute, favourable: flag(args, 'favourable')?.split(',').map((t) => t.trim()) });
  if (fairness) files['fairness.json'] = `${JSON.stringify(fairness, null, 2)}\n`;
  const written = await writeOutputs(out, files);
  const c = scored.counts;
  io.stdout(`${c.customers} customers: ${c.clustered} clustered, ${c.strategic} strategic, ${c.notClustered} not clustered; ${scored.far.length} values far outside the reference range\n`);
  io.stdout(`config: ${verdict.message}\n`);
  if (reproduced !== null) {
    io.stdout(reproduced ? 'same data as the config: its assignments are reproduced exactly\n' : 'same data as the config, but the assignments differ from the ones it records\n');
  }
  if (fairness) {
    const groups = fairness.impact.groups.map((g) => `${g.group} ${g.ratio === null ? 'n/a' : g.ratio.toFixed(3)}${g.screened ? '' : ' (too small to screen)'}`);
    io.stdout(`fairness (favourable: ${fairness.favourable.join(', ')}): impact ratio by ${attribute}: ${groups.join(', ')}; flagged: ${fairness.impact.flagged.join(', ') || 'none'}\n`);
    for (const a of fairness.association) io.stdout(`  Cramér's V (bias-corrected), tier x ${a.attribute}: ${a.corrected === null ? 'n/a' : a.corrected.toFixed(3)}${a.review ? ' (review)' : ''}\n`);
    for (const c of fairness.caveats) io.stdout(`  caveat: ${c}\n`);
  }
  for (const path of written) io.stdout(`wrote ${path}\n`);
  if (archive !== undefined) {
    const version = await archiveScored(new FileArchive(archive), file.text, assignments, data.name, new Date().toISOString());
    io.stdout(`archived as ${version.id} in ${archive}\n`);
  }
  return 0;
}
