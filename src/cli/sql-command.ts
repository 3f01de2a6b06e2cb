import { UsageError, flag, type ParsedArgs } from './args.ts';
import { readDataFile, type Io } from './io.ts';
import { parseConfigText } from '../config/segmentation-config.ts';
import { DIALECT_NAMES, dialect } from '../sql/dialect.ts';
import { scoringViewSql } from '../sql/scoring-view.ts';
import { orderFeaturesSql } from '../sql/order-features.ts';

/** `tierbook sql config.json --dialect duckdb [--source t] [--from-order-lines t] [--view name]`: prints the scoring view. */
export async function sqlCommand(args: ParsedArgs, io: Io): Promise<number> {
  const [path, ...extra] = args.positionals;
  if (path === undefined) throw new UsageError('sql needs a config file, e.g. tierbook sql config.json --dialect duckdb');
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" (flags start with --)`);
  const name = flag(args, 'dialect');
  if (name === undefined) throw new UsageError(`sql needs --dialect (${DIALECT_NAMES.join(', ')})`);
  let dl;
  try {
    dl = dialect(name);
  } catch (error) {
    throw new UsageError(String(error instanceof Error ? error.message : error).replace('invalid dialect', 'invalid --dialect'));
  }
  const file = await readDataFile(path);
  const text = new TextDecoder().decode(file.bytes);
  const config = parseConfigText(text, file.name);
  const orderLines = flag(args, 'from-order-lines');
  if (orderLines !== undefined && flag(args, 'source') !== undefined) throw new UsageError('give --source (a customer-features table) or --from-order-lines (an order-lines table), not both');
  const sourceSql = orderLines === undefined ? undefined : orderFeaturesSql(dl, orderLines, config.data.import);
  io.stdout(scoringViewSql(config, { dialect: dl, source: flag(args, 'source'), view: flag(args, 'view'), sourceSql }));
  return 0;
}
