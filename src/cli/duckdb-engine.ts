/**
 * `tierbook run --engine duckdb`: the notebook's import step (order lines -> quality rules ->
 * customer features) computed by DuckDB reading the file directly (CSV, optionally gzipped, or
 * Parquet; multi-threaded, spilling to disk past memory), with the SQL of src/sql/order-features.ts.
 * The rest of the notebook (preparation, clustering, export) runs as usual on the customer table.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { tmpdir, totalmem } from 'node:os';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { DataImportSpec } from '../data/import-spec.ts';
import { detectMapping, requireOrderFields } from '../data/map/column-mapping.ts';
import { unavailableFeatures } from '../data/features/feature-dictionary.ts';
import { normalizeFeatureOptions } from '../data/features/feature-options.ts';
import { formatDate, parseDate } from '../data/read/date-parse.ts';
import { isMissing, parseNumber } from '../data/read/number-parse.ts';
import { QUALITY_RULES, RULE_INFO, normalizeQualityOptions, type QualityRuleId } from '../data/quality/quality-options.ts';
import { EXCLUSION_REASONS, FLAG_KINDS, REPAIR_KINDS, zeroCounts, type QualityReport } from '../data/quality/quality-report.ts';
import { FREIGHT_LEVELS } from '../data/quality/freight-imputation.ts';
import { NON_PRODUCT_BUCKETS } from '../data/quality/rule-types.ts';
import { MAX_LINE_MAGNITUDE } from '../data/magnitude.ts';
import { formatCount } from '../data/errors.ts';
import type { CustomerFeatures } from '../data/features/customer-features.ts';
import { DIALECTS } from '../sql/dialect.ts';
import { orderFeatureCtes, orderFeatureOptions, SQL_FEATURES } from '../sql/order-features.ts';
import { splitCtes } from '../sql/ctes.ts';
import type { ImportResult, TaskArgs, TaskRunner } from '../workers/tasks.ts';

const NUMBER_FIELDS = ['qty', 'unit_price', 'order_line', 'unit_cost', 'shipping_cost', 'returned_qty'] as const;
const DATE_FIELDS = ['order_date', 'ship_date', 'promised_date'] as const;
/** Share of the machine's memory DuckDB may hold before it spills to disk. */
const MEMORY_SHARE = 0.25;
/** Distinct texts per column the JavaScript parsers are asked about (beyond: refuse, see below). */
const MAX_FIXUPS = 10_000;

/** Which rule each exclusion, repair and flag belongs to (as clean-order-lines.ts counts them). */
const RULE_OF: Record<string, QualityRuleId> = {
  'exact-duplicate': 'exact-duplicates', 'missing-customer-id': 'customer-id', 'customer-id': 'customer-id',
  'non-numeric': 'required-values', 'unparseable-date': 'required-values', 'missing-value': 'required-values', 'out-of-range-value': 'required-values',
  'implausible-date': 'date-range', 'future-date': 'date-range', 'ship-before-order': 'date-range', returns: 'returns',
  'zero-qty': 'price', 'nonpositive-price': 'price', 'duplicate-key': 'duplicate-keys', 'non-numeric-optional': 'optional-values',
  'negative-optional': 'optional-values', 'unparseable-optional-date': 'optional-values', 'returned-above-qty': 'optional-values',
  'out-of-range-optional': 'optional-values', 'non-product': 'non-product',
  'cost-above-price': 'cost-above-price', 'shipping-cost': 'shipping-cost',
};

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

const q = (s: string) => DIALECTS.duckdb.ident(s);
const lit = (s: string) => DIALECTS.duckdb.text(s);

async function rows(con: DuckDBConnection, sql: string): Promise<Record<string, unknown>[]> {
  return (await con.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

/** The reader of a file by its name: Parquet, or delimited text (gzip is detected by DuckDB). */
function reader(path: string, spec: DataImportSpec): string {
  if (/\.parquet$/i.test(path)) return `read_parquet(${lit(path)})`;
  if (spec.decimal === ',') throw new Error(`${basename(path)}: --engine duckdb reads numbers with a decimal point; this file is read with a decimal comma (use the JavaScript engine)`);
  const delim = spec.delimiter ? `, delim = ${lit(spec.delimiter)}` : '';
  return `read_csv(${lit(path)}, all_varchar = true, header = true${delim})`;
}

/**
 * Texts of one column that the strict SQL parsers leave unread, read by the JavaScript parsers
 * instead (thousands separators, other date orders, date-times): text -> value.
 */
async function fixups(con: DuckDBConnection, column: string, kind: 'number' | 'date', spec: DataImportSpec, file: string): Promise<Map<string, number>> {
  const c = q(column);
  const strict =
    kind === 'number'
      ? `regexp_full_match(trim(${c}, ' \t'), '[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?')`
      : `regexp_full_match(trim(${c}, ' \t'), '[0-9]{4}-[0-9]{2}-[0-9]{2}')`;
  const texts = await rows(con, `SELECT DISTINCT ${c} AS "t" FROM "raw" WHERE ${c} IS NOT NULL AND NOT ${strict} LIMIT ${MAX_FIXUPS + 1}`);
  const out = new Map<string, number>();
  for (const { t } of texts) {
    const text = String(t);
    if (isMissing(text)) continue;
    const v = kind === 'number' ? parseNumber(text, spec.decimal ?? '.') : parseDate(text, spec.dateOrder ?? 'dmy');
    if (Number.isFinite(v)) out.set(text, v);
  }
  if (texts.length > MAX_FIXUPS && out.size > 0) {
    throw new Error(`${file}, column "${column}": more than ${MAX_FIXUPS.toLocaleString('en-US')} distinct values are not plain ${kind === 'number' ? 'numbers (e.g. thousands separators)' : 'ISO dates (YYYY-MM-DD)'}; --engine duckdb reads those only. Use the JavaScript engine, or convert the column.`);
  }
  return out;
}

/** The importData task, in DuckDB: the same result shape as the JavaScript import of order lines. */
export async function duckdbImport(path: string, spec: DataImportSpec): Promise<ImportResult> {
  const { DuckDBInstance } = await import('@duckdb/node-api').catch(() => {
    throw new Error('--engine duckdb needs the @duckdb/node-api package: npm install @duckdb/node-api');
  });
  const file = basename(path);
  if (spec.kind === 'customer-table') throw new Error(`${file}: --engine duckdb builds customer features from order lines; a customer table needs no engine (leave --engine out)`);
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  try {
    // Past this DuckDB spills to disk instead of growing (its default is 80% of the memory).
    await con.run(`SET memory_limit = '${Math.floor((totalmem() * MEMORY_SHARE) / 2 ** 20)}MB'`);
    await con.run(`SET temp_directory = ${lit(join(tmpdir(), 'tierbook-duckdb'))}`);
    await con.run(`CREATE TABLE "raw" AS SELECT * FROM ${reader(path, spec)}`);
    const header = (await rows(con, 'SELECT column_name FROM (DESCRIBE "raw")')).map((r) => String(r.column_name));
    const mapping = detectMapping(header, spec.mapping ?? {}, file);
    requireOrderFields(mapping.mapping, header, file);
    const mapped = Object.entries(mapping.mapping) as [string, string][];
    // Canonical names for the mapped columns, and every column under a neutral name for the exact-duplicate rule.
    const all = header.map((_, i) => `_c${i}`);
    await con.run(
      `CREATE VIEW "order_lines" AS SELECT rowid AS "_row", ${mapped.map(([field, col]) => `CAST(${q(col)} AS VARCHAR) AS ${q(field)}`).join(', ')}, ${header.map((h, i) => `CAST(${q(h)} AS VARCHAR) AS ${q(all[i])}`).join(', ')} FROM "raw"`,
    );
    const fix = new Map<string, Map<string, number>>();
    for (const f of NUMBER_FIELDS) if (mapping.mapping[f]) fix.set(`"${f}"`, await fixups(con, mapping.mapping[f] as string, 'number', spec, file));
    for (const f of DATE_FIELDS) if (mapping.mapping[f]) fix.set(`"${f}"`, await fixups(con, mapping.mapping[f] as string, 'date', spec, file));
    const options = { ...orderFeatureOptions(spec, mapped.map(([f]) => f), all), fixups: fix };
    // Step by step: the expensive or shared steps into tables, computed once (the report below
    // reads several of them), the others as views.
    for (const { name, body, materialized } of splitCtes(orderFeatureCtes(DIALECTS.duckdb, '"order_lines"', options))) {
      const t = performance.now();
      await con.run(`CREATE TEMP ${materialized ? 'TABLE' : 'VIEW'} ${q(name)} AS ${body}`);
      if (process.env.TIERBOOK_DEBUG_SQL) process.stderr.write(`${name}: ${Math.round(performance.now() - t)} ms\n`);
    }
    const quality = await qualityReport(con, file, spec, options.columns);
    const unavailable = unavailableFeatures(mapping.mapping);
    const skip = new Set(unavailable.map((u) => u.feature));
    const numericColumns = SQL_FEATURES.filter((f) => !skip.has(f));
    const data = (await con.runAndReadAll(`SELECT "customer_id", ${numericColumns.map(q).join(', ')} FROM "features" ORDER BY "first_row"`)).getColumnsObjectJS() as Record<string, unknown[]>;
    const columns: Record<string, Float64Array> = {};
    for (const f of numericColumns) columns[f] = Float64Array.from(data[f], (v) => (v === null ? NaN : Number(v)));
    const ids = data.customer_id.map(String);
    const [{ months }] = await rows(con, 'SELECT "months" FROM "months"');
    const customers: CustomerFeatures = {
      source: file, idColumn: 'customer_id', ids, numericColumns, columns, categorical: {}, rowCount: ids.length, issues: [],
      inputRows: quality.inputRows, delimiter: spec.delimiter ?? ',', decimal: '.', level: 'customer', unavailable, months: Number(months),
      asOf: quality.asOf.date, options: normalizeFeatureOptions(spec.features ?? {}),
    };
    return {
      imported: { kind: { kind: 'order-lines', reason: 'read as order lines by --engine duckdb' }, customers, quality, mapping, issues: [] },
      fingerprint: await sha256File(path),
      bytes: (await stat(path)).size,
    };
  } finally {
    con.closeSync();
    instance.closeSync();
  }
}

async function qualityReport(con: DuckDBConnection, file: string, spec: DataImportSpec, columns: ReadonlySet<string>): Promise<QualityReport> {
  const opts = normalizeQualityOptions(spec.quality ?? {});
  const excluded = zeroCounts(EXCLUSION_REASONS);
  for (const r of await rows(con, `SELECT "excluded" AS "e", count(*) AS "n" FROM "keyed" WHERE "excluded" IS NOT NULL GROUP BY ALL`)) {
    excluded[r.e as keyof typeof excluded] = Number(r.n);
  }
  const opt = (c: string, e: string) => (columns.has(c) ? e : '0');
  const [c] = await rows(
    con,
    `SELECT count(*) AS "input",
      count(*) FILTER (WHERE "excluded" IS NULL) AS "kept", count(*) FILTER (WHERE "excluded" IS NULL AND "is_return") AS "returns_kept",
      count(*) FILTER (WHERE "excluded" IS NULL AND "id_repaired") AS "id_repaired",
      count(*) FILTER (WHERE "excluded" IS NULL AND "is_return") AS "returns",
      count(*) FILTER (WHERE "excluded" IS NULL AND "cost_v" BETWEEN 0 AND ${MAX_LINE_MAGNITUDE} AND "cost_v" > "price_v") AS "cost_above",
      ${opt('unit_cost', `count(*) FILTER (WHERE "excluded" IS NULL AND "cost_v" > ${MAX_LINE_MAGNITUDE})`)} + ${opt('shipping_cost', `count(*) FILTER (WHERE "excluded" IS NULL AND "freight_v" > ${MAX_LINE_MAGNITUDE})`)} + ${opt('returned_qty', `count(*) FILTER (WHERE "excluded" IS NULL AND "ret_v" > ${MAX_LINE_MAGNITUDE})`)} AS "out_of_range",
      ${opt('unit_cost', 'count(*) FILTER (WHERE "excluded" IS NULL AND "cost_bad")')} + ${opt('shipping_cost', 'count(*) FILTER (WHERE "excluded" IS NULL AND "freight_bad")')} + ${opt('returned_qty', 'count(*) FILTER (WHERE "excluded" IS NULL AND "ret_bad")')} AS "optional_bad",
      ${opt('unit_cost', 'count(*) FILTER (WHERE "excluded" IS NULL AND "cost_v" < 0)')} + ${opt('shipping_cost', 'count(*) FILTER (WHERE "excluded" IS NULL AND "freight_v" < 0)')} + ${opt('returned_qty', 'count(*) FILTER (WHERE "excluded" IS NULL AND "ret_v" < 0)')} AS "negative",
      ${opt('ship_date', 'count(*) FILTER (WHERE "excluded" IS NULL AND "sd_bad")')} + ${opt('promised_date', 'count(*) FILTER (WHERE "excluded" IS NULL AND "pd_bad")')} AS "bad_dates",
      ${opt('returned_qty', `count(*) FILTER (WHERE "excluded" IS NULL AND NOT "is_return" AND "ret_v" BETWEEN 0 AND ${MAX_LINE_MAGNITUDE} AND "ret_v" > abs("qty_v"))`)} AS "above_qty"
    FROM "keyed"`,
  );
  const levels = new Array<number>(FREIGHT_LEVELS.length).fill(0);
  let freightTotal = 0;
  let freightImputed = 0;
  if (columns.has('shipping_cost')) {
    for (const r of await rows(con, `SELECT "f_level" AS "l", count(*) AS "n", coalesce(sum("f"), 0) AS "f" FROM "lines" GROUP BY ALL`)) {
      levels[Number(r.l)] = Number(r.n);
      freightTotal += Number(r.f);
      if (Number(r.l) > 0) freightImputed += Number(r.f);
    }
  }
  const repaired = { ...zeroCounts(REPAIR_KINDS), 'customer-id': Number(c.id_repaired), returns: Number(c.returns), 'shipping-cost': levels.slice(1, 5).reduce((s, x) => s + x, 0) };
  const flagged = {
    ...zeroCounts(FLAG_KINDS),
    'cost-above-price': Number(c.cost_above), 'non-numeric-optional': Number(c.optional_bad), 'negative-optional': Number(c.negative),
    'unparseable-optional-date': Number(c.bad_dates), 'returned-above-qty': Number(c.above_qty), 'out-of-range-optional': Number(c.out_of_range),
  };
  const detail = Object.fromEntries(QUALITY_RULES.map((r) => [r, {} as Record<string, number>])) as Record<QualityRuleId, Record<string, number>>;
  for (const [kind, n] of [...Object.entries(excluded), ...Object.entries(repaired), ...Object.entries(flagged)]) if (n > 0) detail[RULE_OF[kind]][kind] = n;
  const [a] = await rows(con, 'SELECT * FROM "as_of"');
  const asOf = Number(a.as_of);
  const inputRows = Number(c.input);
  let alive = inputRows;
  const lineage = [{ step: 'read', rowsIn: inputRows, rowsOut: inputRows, note: `${file} (DuckDB)` }];
  for (const rule of QUALITY_RULES) {
    const out = Object.entries(excluded).filter(([k]) => RULE_OF[k] === rule).reduce((s, [, n]) => s + n, 0);
    lineage.push({ step: rule, rowsIn: alive, rowsOut: alive - out, note: rule === 'date-range' ? `as-of ${formatDate(asOf)}` : undefined } as (typeof lineage)[number]);
    alive -= out;
  }
  const kept = Number(c.kept);
  return {
    kind: 'tierbook.quality-report', version: 1, source: file, inputRows, keptRows: kept, salesRows: kept - Number(c.returns_kept), returnRows: Number(c.returns_kept),
    nonProductRows: 0, nonProduct: Object.fromEntries(NON_PRODUCT_BUCKETS.map((b) => [b, { lines: 0, amount: 0 }])) as QualityReport['nonProduct'],
    repaired, excluded, flagged,
    rules: QUALITY_RULES.map((id) => ({ id, ...RULE_INFO[id], enabled: opts.enabled[id], count: Object.values(detail[id]).reduce((s, n) => s + n, 0), detail: detail[id], examples: [] })),
    lineage,
    freight: columns.has('shipping_cost') ? { levels: Object.fromEntries(FREIGHT_LEVELS.map((l, k) => [l, levels[k]])), imputedShare: freightTotal > 0 ? freightImputed / freightTotal : 0 } : undefined,
    asOf: { date: formatDate(asOf), source: opts.dates.asOf ? 'option' : 'data', reason: asOfReason(opts.dates.asOf !== undefined, a) },
    notes: ['Computed by DuckDB (--engine duckdb): counts per rule, no example rows.'],
  };
}

/** A task runner whose importData task runs in DuckDB on `path`; every other task goes to `base`. */
export function duckdbRunner(path: string, base: TaskRunner): TaskRunner {
  return {
    run: (task, args, options) => (task === 'importData' ? (duckdbImport(path, (args as TaskArgs<'importData'>)[2]) as Promise<never>) : base.run(task, args, options)),
  };
}

const DAY = 86_400_000;

/** The sentence as-of.ts gives for the date the SQL derived (the same rule, the same words). */
function asOfReason(option: boolean, a: Record<string, unknown>): string {
  if (option) return 'set in the import options';
  if (a.last_day === null) return 'no order date falls within the plausible years';
  if (a.cut_day === null) return 'the last order date in the data';
  return `the last order date before a gap of ${formatCount(Number(a.gap))} days without orders; the ${formatCount(Number(a.beyond))} order line(s) dated ${formatDate(Number(a.cut_day) * DAY)} to ${formatDate(Number(a.last_day) * DAY)} lie beyond it and are taken as future-dated`;
}
