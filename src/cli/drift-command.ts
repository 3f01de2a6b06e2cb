import { UsageError, flag, type ParsedArgs } from './args.ts';
import type { Io } from './io.ts';
import { readConfigFile, readScoringData } from './config-file.ts';
import { NO_REFERENCE, driftReport, type DriftReport } from '../config/drift-report.ts';
import { parseDriftRule, type DriftRule } from '../analytics/monitor/drift-rule.ts';

/** Exit status when the trigger rule fires, so a scheduler can act on it. */
export const DRIFT_TRIGGERED = 3;

const f4 = (x: number | null) => (x === null ? 'n/a' : x.toFixed(4));

function text(report: DriftReport, configPath: string, dataName: string): string {
  const lines = [`drift of ${dataName} against ${configPath}:`];
  for (const f of report.features) {
    lines.push(`  ${f.feature}: PSI ${f4(f.psi)} (${f.psiBand}), KS D ${f4(f.ks)} (p ${f.ksPValue < 1e-4 ? '< 0.0001' : f4(f.ksPValue)}), ${f.customers} customers${f.missing ? `, ${f.missing} without a value` : ''}`);
  }
  const m = report.segmentMix;
  lines.push(`  segment mix: PSI ${f4(m.psi)}${m.psiBand ? ` (${m.psiBand})` : ''}${m.note ? `; ${m.note}` : ''}`);
  for (const s of m.segments) lines.push(`    ${s.segment}: ${(s.reference * 100).toFixed(1)}% -> ${(s.current * 100).toFixed(1)}%`);
  lines.push(report.triggered ? `re-segmentation is due: ${report.reasons.join('; ')}` : 'no trigger fired');
  return `${lines.join('\n')}\n`;
}

/**
 * `tierbook drift config.json <file> [--rule feature-psi=0.25,segment-psi=0.1,ks-d=off] [--json]`:
 * exit 0 when no trigger fires, 3 when one does (1 on failure, 2 for a bad command line).
 */
export async function driftCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [configPath, dataPath, ...extra] = args.positionals;
  if (configPath === undefined || dataPath === undefined) throw new UsageError('drift needs a config and a data file, e.g. tierbook drift config.json customers.csv --json');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
  let rule: DriftRule;
  try {
    rule = parseDriftRule(flag(args, 'rule') ?? '');
  } catch (error) {
    throw new UsageError(`--rule: ${error instanceof Error ? error.message : String(error)}`);
  }
  const file = await readConfigFile(configPath);
  if (!file.config.reference) throw new Error(`${configPath}: ${NO_REFERENCE}`);
  const data = await readScoringData(dataPath, file.config);
  let report: DriftReport;
  try {
    report = driftReport(file.config, data.table, rule);
  } catch (error) {
    throw new Error(`${data.name}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (flag(args, 'json')) {
    const out = {
      config: configPath,
      data: data.name,
      customers: data.table.rowCount,
      features: report.features.map(({ shares: _s, ...f }) => f),
      segmentMix: report.segmentMix,
      rule: report.rule,
      triggered: report.triggered,
      reasons: report.reasons,
      method: report.method,
      notes: [...file.notes, ...data.issues],
    };
    io.stdout(`${JSON.stringify(out, null, 2)}\n`);
  } else io.stdout(text(report, configPath, data.name));
  return report.triggered ? DRIFT_TRIGGERED : 0;
}
