/**
 * What `tierbook cluster` and `tierbook stability` share: the customer file, the chosen features
 * (checked against its numeric columns) and their preparation, from the same flags.
 */
import { UsageError, flag, type ParsedArgs } from './args.ts';
import { readDataFile } from './io.ts';
import { loadTable, toCustomerTable, type CustomerTable } from '../data/index.ts';
import { keyword } from '../analytics/keyword.ts';
import { prepare, type Prepared } from '../analytics/prepare/prepare.ts';
import { SCALINGS, TRANSFORMS, type Scaling, type Transform } from '../analytics/prepare/preparation-spec.ts';

/** `text` if it is one of `allowed`, else a usage error `invalid --<name>: "<text>" (expected ...)`. */
export function keywordOption<T extends string>(name: string, text: string, allowed: readonly T[]): T {
  try {
    return keyword(`--${name}`, text, allowed);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** A keyword flag: its value, or the fallback when absent (see `keywordOption`). */
export function keywordFlag<T extends string>(args: ParsedArgs, name: string, fallback: T, allowed: readonly T[]): T {
  return keywordOption(name, flag(args, name) ?? fallback, allowed);
}

/** `--weights revenue=2,cts_pct=0.5`. */
export function parseWeights(text: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of text.split(',').filter((p) => p.trim() !== '')) {
    const [key, raw] = part.split('=').map((s) => s.trim());
    const w = Number(raw);
    if (!key || raw === undefined || raw === '' || !(Number.isFinite(w) && w >= 0)) {
      throw new UsageError(`invalid --weights: "${part}" (expected feature=number >= 0, e.g. revenue=2)`);
    }
    out[key] = w;
  }
  return out;
}

/** The data file and preparation flags of `tierbook cluster` and `tierbook stability`. */
export interface FeatureArgs {
  readonly path: string;
  readonly idColumn: string | undefined;
  readonly features: readonly string[];
  readonly transform: Transform;
  readonly scaling: Scaling;
  readonly weights: Readonly<Record<string, number>>;
}

/**
 * Checks `<file> --features a,b [--id col] [--transform] [--scale] [--weights] --json` for
 * `command`; `example` shows a complete call in the message for a missing file.
 */
export function featureArgs(args: ParsedArgs, command: string, example: string): FeatureArgs {
  const [path, ...extra] = args.positionals;
  if (path === undefined) throw new UsageError(`${command} needs a data file, e.g. ${example}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
  if (!flag(args, 'json')) throw new UsageError(`${command} prints JSON only: add --json`);
  const featuresText = flag(args, 'features');
  if (featuresText === undefined) throw new UsageError(`${command} needs --features, e.g. --features revenue,cts_pct`);
  return {
    path,
    idColumn: flag(args, 'id'),
    features: featuresText.split(',').map((f) => f.trim()).filter((f) => f !== ''),
    transform: keywordFlag(args, 'transform', 'none', TRANSFORMS),
    scaling: keywordFlag(args, 'scale', 'zscore', SCALINGS),
    weights: parseWeights(flag(args, 'weights') ?? ''),
  };
}

/** The customer table and its prepared matrix. */
export interface FeatureTable {
  readonly fileName: string;
  readonly table: CustomerTable;
  readonly prepared: Prepared;
}

/**
 * Reads the file as a customer table, refuses features that are not numeric columns of it
 * (naming them and the ones there are), and prepares them.
 */
export async function readFeatureTable(a: FeatureArgs): Promise<FeatureTable> {
  const file = await readDataFile(a.path);
  const table = toCustomerTable(await loadTable(file.bytes, { fileName: file.name }), { idColumn: a.idColumn });
  const missing = a.features.filter((f) => !table.numericColumns.includes(f));
  if (missing.length > 0) {
    throw new Error(
      `${file.name}: no numeric column ${missing.map((m) => `"${m}"`).join(', ')} (numeric columns: ${table.numericColumns.join(', ') || 'none'})`,
    );
  }
  const prepared = prepare(table.columns, { features: [...a.features], transform: a.transform, scaling: a.scaling, weights: a.weights });
  return { fileName: file.name, table, prepared };
}
