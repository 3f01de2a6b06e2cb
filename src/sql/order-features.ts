/**
 * Order lines -> customer features in SQL: the quality rules of clean-order-lines.ts and the
 * formulas of customer-features.ts, for an engine that holds more lines than a browser (DuckDB
 * for `tierbook run --engine duckdb`, or a warehouse behind the scoring view).
 *
 * The input is a table of order lines with the canonical column names (order_id, customer_id,
 * order_date, qty, unit_price, and optionally order_line, ship_date, promised_date, region,
 * carrier, channel, unit_cost, shipping_cost, returned_qty), every column as text in file
 * order, plus a row number column `_row` (0-based). Written for DuckDB; the other dialects
 * are refused until their regular-expression and date functions are written.
 */
import { MISSING_TOKENS } from '../data/read/number-parse.ts';
import { normalizeFeatureOptions, type ActivityRates } from '../data/features/feature-options.ts';
import { normalizeQualityOptions, QUALITY_RULES } from '../data/quality/quality-options.ts';
import { CANONICAL_FIELDS } from '../data/map/canonical-fields.ts';
import { AS_OF_DETACHED_SHARE, AS_OF_DETACHED_SHARE_AFTER_A_YEAR, AS_OF_GAP_FACTOR, AS_OF_MIN_GAP_DAYS } from '../data/quality/as-of.ts';
import type { DataImportSpec } from '../data/import-spec.ts';
import { MAX_LINE_MAGNITUDE } from '../data/magnitude.ts';
import type { Dialect } from './dialect.ts';

/** The quality options the SQL follows (the same names as the JavaScript quality options). */
export interface OrderFeatureOptions {
  readonly rates: ActivityRates;
  /** Plausible order years, inclusive. */
  readonly minYear: number;
  readonly maxYear: number;
  /** As-of date `YYYY-MM-DD`, or null for the default rule (latest order within 31 days after the 99th percentile). */
  readonly asOf: string | null;
  readonly cancellationPrefix: string;
  readonly minGroupSize: number;
  readonly qtyBands: readonly number[];
  /** Optional columns present in the input. */
  readonly columns: ReadonlySet<string>;
  /** Every column of the input (mapped or not) except `_row`: exact duplicates agree in all of them. */
  readonly allColumns: readonly string[];
  /**
   * Texts the strict SQL parsers do not read but JavaScript does (thousands separators, other
   * date orders, date-times), per column: text -> number (dates: epoch ms). The engine fills it
   * from the distinct unread texts; without it such cells count as unreadable.
   */
  readonly fixups?: ReadonlyMap<string, ReadonlyMap<string, number>>;
}

/** The numeric customer features, in the order of the feature dictionary. */
export const SQL_FEATURES = [
  'orders', 'order_lines', 'units', 'active_months', 'order_frequency', 'recency_days', 'revenue', 'avg_order_value', 'lines_per_order',
  'gross_margin', 'gross_margin_pct', 'margin_contribution_pct', 'cts_order', 'cts_lines', 'cts_returns', 'cts_freight', 'cts', 'cts_per_order',
  'cts_pct', 'net_profit', 'freight_imputed_share', 'return_lines', 'returns_rate', 'returns_before_window', 'demand_cv', 'lead_time_days', 'on_time_rate',
] as const;

/** Status codes per input row, as in `CleanResult.status` (0 sale, 1 return, then exclusions). */
export const SQL_EXCLUSIONS = [
  'exact-duplicate', 'missing-customer-id', 'non-numeric', 'unparseable-date', 'missing-value', 'implausible-date', 'future-date',
  'ship-before-order', 'zero-qty', 'nonpositive-price', 'duplicate-key',
] as const;

const DAY = 86_400_000;
const REQUIRED = new Set(['order_id', 'customer_id', 'order_date', 'qty', 'unit_price']);
const NUMBER_RE = '[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?';
const DATE_RE = '[0-9]{4}-[0-9]{2}-[0-9]{2}';

const day = (ms: string) => `floor(${ms} / ${DAY}.0)`;

export function orderFeatureCtes(dl: Dialect, source: string, o: OrderFeatureOptions): string[] {
  if (dl.name !== 'duckdb') throw new Error(`order-line features in SQL are written for DuckDB only so far (not ${dl.name}); score a customer-features table with --source`);
  const has = (c: string) => o.columns.has(c);
  const n = (x: number) => dl.double(x);
  const missingTokens = [...MISSING_TOKENS].map((t) => dl.text(t)).join(', ');
  // Cells are trimmed once (`<column>_t`), then parsed once.
  const t = (c: string) => dl.ident(`${c}_t`);
  const missing = (c: string) => `(${t(c)} IS NULL OR ${t(c)} IN (${missingTokens}))`;
  const fix = (c: string) => {
    const m = o.fixups?.get(`"${c}"`);
    return m && m.size ? [...m].map(([text, v]) => `WHEN ${dl.ident(c)} = ${dl.text(text)} THEN ${n(v)}`).join(' ') : '';
  };
  // The number JavaScript reads, or NULL; overflow (1e999) is not a number on both sides.
  const num = (c: string) =>
    `CASE WHEN regexp_full_match(${t(c)}, '${NUMBER_RE}') AND isfinite(TRY_CAST(${t(c)} AS DOUBLE)) THEN TRY_CAST(${t(c)} AS DOUBLE) ${fix(c)} END`;
  const date = (c: string) =>
    `CASE WHEN regexp_full_match(${t(c)}, '${DATE_RE}') THEN (TRY_CAST(${t(c)} AS DATE) - DATE '1970-01-01') * ${n(DAY)} ${fix(c)} END`;
  const parsedColumns: [string, string, 'num' | 'date'][] = [
    ['qty', 'qty', 'num'], ['unit_price', 'price', 'num'], ['order_date', 'od', 'date'], ['order_line', 'line', 'num'], ['ship_date', 'sd', 'date'],
    ['promised_date', 'pd', 'date'], ['unit_cost', 'cost', 'num'], ['shipping_cost', 'freight', 'num'], ['returned_qty', 'ret', 'num'],
  ];
  /** Value column names: dates keep their short names (od, sd, pd), numbers get _v. */
  const value = (a: string) => dl.ident(['od', 'sd', 'pd'].includes(a) ? a : `${a}_v`);
  const present = parsedColumns.filter(([c]) => REQUIRED.has(c) || has(c));
  const all = o.allColumns.map((c) => `s.${dl.ident(c)}`).join(', ');
  const lo = Date.UTC(o.minYear, 0, 1);
  const hi = Date.UTC(o.maxYear + 1, 0, 1);
  const plausible = (ms: string) => `(${ms} IS NULL OR (${ms} >= ${n(lo)} AND ${ms} < ${n(hi)}))`;
  const prefix = o.cancellationPrefix;
  const asDate = (ms: string) => `(DATE '1970-01-01' + CAST(${day(ms)} AS INTEGER))`;
  const monthOf = (ms: string) => `(year(${asDate(ms)}) * 12 + month(${asDate(ms)}) - 1)`;
  // The median as JavaScript takes it: the middle value, or the mean of the two middle values.
  const median = (c: string) => {
    const sorted = `list_sort(list(${c}) FILTER (WHERE ${c} IS NOT NULL))`;
    return `(${sorted}[(count(${c}) + 1) // 2] + ${sorted}[count(${c}) // 2 + 1]) / 2`;
  };
  const groupMedian = (c: string) => `CASE WHEN count(${c}) >= ${o.minGroupSize} AND ${median(c)} > 0 THEN ${median(c)} END`;
  const bandEdges = o.qtyBands.map((e) => n(e));
  const band = bandEdges.length ? `(${bandEdges.map((e) => `CASE WHEN ${e} <= abs("q") THEN 1 ELSE 0 END`).join(' + ')})` : '0';
  const r = o.rates;
  return [
    // 1. Exact duplicates: rows sharing a hash of every column are the only candidates, and
    //    among them a partition by every column (NULLs equal) keeps the first.
    `"hashed" AS (
  SELECT s."_row", hash(${all}) AS "h" FROM ${source} s
), "duplicates" AS MATERIALIZED (
  SELECT s."_row", s."_row" <> min(s."_row") OVER (PARTITION BY ${all}) AS "dup"
  FROM ${source} s WHERE s."_row" IN (SELECT "_row" FROM (SELECT "_row", count(*) OVER (PARTITION BY "h") AS "c" FROM "hashed") WHERE "c" > 1)
), "cells" AS (
  SELECT s."_row", s."order_id", s."customer_id", ${present.map(([c]) => `s.${dl.ident(c)}, trim(s.${dl.ident(c)}, ' \t') AS ${t(c)}`).join(', ')},
    ${['order_id', 'customer_id', 'region', 'carrier'].filter((c) => REQUIRED.has(c) || has(c)).map((c) => `trim(s.${dl.ident(c)}, ' \t') AS ${t(c)}`).join(', ')},
    ${has('region') ? 's."region"' : 'NULL AS "region"'}, ${has('carrier') ? 's."carrier"' : 'NULL AS "carrier"'}
  FROM ${source} s
),
-- Each cell parsed the way JavaScript reads it: a value, or NULL and whether the cell held something unreadable.
"parsed" AS MATERIALIZED (
  SELECT *, ${parsedColumns.map(([c, a]) => (present.some(([p]) => p === c) ? `NOT "${a}_missing" AND ${value(a)} IS NULL AS "${a}_bad"` : `false AS "${a}_bad"`)).join(', ')}
  FROM (
  SELECT c."_row",
    CASE WHEN ${missing('order_id')} THEN NULL ELSE c."order_id" END AS "order_code",
    CASE WHEN ${missing('customer_id')} THEN NULL ELSE c."customer_id" END AS "raw_id",
    ${parsedColumns.map(([c, a, kind]) => (present.some(([p]) => p === c) ? `${kind === 'num' ? num(c) : date(c)} AS ${value(a)}, ${missing(c)} AS "${a}_missing"` : `NULL AS ${value(a)}`)).join(',\n    ')},
    ${has('region') ? `CASE WHEN ${missing('region')} THEN NULL ELSE c."region" END` : 'NULL'} AS "region_code",
    ${has('carrier') ? `CASE WHEN ${missing('carrier')} THEN NULL ELSE c."carrier" END` : 'NULL'} AS "carrier_code",
    coalesce(d."dup", false) AS "exact_dup"
  FROM "cells" c LEFT JOIN "duplicates" d ON c."_row" = d."_row")
)`,
    // 2. Customer ids: trim, upper case, re-pad to the dominant prefix + width of the distinct ids.
    `"ids" AS MATERIALIZED (
  SELECT "raw_id", min("_row") AS "first", upper(regexp_replace("raw_id", '^\\s+|\\s+$', '', 'g')) AS "step1"
  FROM "parsed" WHERE "raw_id" IS NOT NULL GROUP BY "raw_id"
), "pattern" AS (
  SELECT regexp_extract("step1", '^([A-Z]*)([0-9]+)$', 1) AS "prefix", length(regexp_extract("step1", '^([A-Z]*)([0-9]+)$', 2)) AS "width",
    count(*) AS "n", min("first") AS "first"
  FROM "ids" WHERE regexp_full_match("step1", '[A-Z]*[0-9]+') GROUP BY ALL
), "dominant" AS (
  SELECT "prefix", "width" FROM "pattern"
  WHERE "n" >= (SELECT count(*) FROM "ids" WHERE "step1" <> '') / 2
  ORDER BY "n" DESC, "first" LIMIT 1
), "normalised" AS MATERIALIZED (
  SELECT "raw_id", CASE
    WHEN regexp_full_match("step1", '[A-Z]*[0-9]+') AND (SELECT count(*) FROM "dominant") = 1
      AND regexp_extract("step1", '^([A-Z]*)', 1) IN ('', (SELECT "prefix" FROM "dominant"))
      AND length(regexp_extract("step1", '([0-9]+)$', 1)) < (SELECT "width" FROM "dominant")
    THEN (SELECT "prefix" FROM "dominant") || lpad(regexp_extract("step1", '([0-9]+)$', 1), CAST((SELECT "width" FROM "dominant") AS INTEGER), '0')
    ELSE "step1" END AS "cid"
  FROM "ids"
)`,
    // 3. The exclusion rules in order: each row gets the first that applies.
    `"ruled" AS MATERIALIZED (
  SELECT p.*, CASE WHEN n."cid" = '' THEN NULL ELSE n."cid" END AS "cid", n."cid" IS DISTINCT FROM p."raw_id" AS "id_repaired",
    CASE WHEN p."exact_dup" THEN 'exact-duplicate'
      WHEN n."cid" IS NULL OR n."cid" = '' THEN 'missing-customer-id'
      WHEN p."qty_bad" OR p."price_bad" THEN 'non-numeric'
      WHEN p."od_bad" THEN 'unparseable-date'
      WHEN p."qty_v" IS NULL OR p."price_v" IS NULL OR p."od" IS NULL OR p."order_code" IS NULL THEN 'missing-value'
      WHEN NOT (abs(p."qty_v") <= ${n(MAX_LINE_MAGNITUDE)} AND abs(p."price_v") <= ${n(MAX_LINE_MAGNITUDE)}) THEN 'out-of-range-value'
    END AS "excluded0"
  FROM "parsed" p LEFT JOIN "normalised" n ON p."raw_id" = n."raw_id"
), ${o.asOf ? '' : `"day_counts" AS (
  SELECT ${day('"od"')} AS "d", count(*) AS "n" FROM "ruled" WHERE "excluded0" IS NULL AND "od" >= ${n(lo)} AND "od" < ${n(hi)} GROUP BY ALL
), "day_gaps" AS (
  SELECT "d", "d" - lag("d") OVER (ORDER BY "d") AS "gap", lag("d") OVER (ORDER BY "d") AS "prev",
    sum("n") OVER (ORDER BY "d" DESC ROWS UNBOUNDED PRECEDING) / (SELECT sum("n") FROM "day_counts") AS "share",
    sum("n") OVER (ORDER BY "d" DESC ROWS UNBOUNDED PRECEDING) AS "beyond"
  FROM "day_counts"
), "min_gap" AS (
  -- max(31 days, 10 x the median gap between order days (the lower middle one))
  SELECT greatest(${AS_OF_MIN_GAP_DAYS}, ${AS_OF_GAP_FACTOR} * coalesce((SELECT "gap" FROM "day_gaps" WHERE "gap" IS NOT NULL ORDER BY "gap"
    LIMIT 1 OFFSET (SELECT (count("gap") - 1) // 2 FROM "day_gaps")), 0)) AS "min_gap"
), "cut" AS (
  -- The earliest day after a long gap whose lines from there on are few enough (see as-of.ts).
  SELECT "d", "prev", "gap", "beyond" FROM "day_gaps"
  WHERE "prev" IS NOT NULL AND "share" <= ${AS_OF_DETACHED_SHARE_AFTER_A_YEAR} AND "gap" > (SELECT "min_gap" FROM "min_gap")
    AND ("share" <= ${AS_OF_DETACHED_SHARE} OR "gap" > 365)
  ORDER BY "d" LIMIT 1
), `}"as_of" AS (
  SELECT ${o.asOf ? `${n(Date.parse(`${o.asOf}T00:00:00Z`))} AS "as_of", NULL AS "cut_day", NULL AS "gap", NULL AS "beyond", NULL AS "last_day"` : `coalesce((SELECT "prev" FROM "cut"), (SELECT max("d") FROM "day_counts"), 0) * ${n(DAY)} AS "as_of",
    (SELECT "d" FROM "cut") AS "cut_day", (SELECT "gap" FROM "cut") AS "gap", (SELECT "beyond" FROM "cut") AS "beyond", (SELECT max("d") FROM "day_counts") AS "last_day"`}
), "dated" AS (
  SELECT *, CASE WHEN "excluded0" IS NOT NULL THEN "excluded0"
      WHEN NOT ${plausible('"od"')} OR NOT ${plausible('"sd"')} OR NOT ${plausible('"pd"')} THEN 'implausible-date'
      WHEN "od" >= (SELECT "as_of" FROM "as_of") + ${n(DAY)} THEN 'future-date'
      WHEN ${day('"sd"')} < ${day('"od"')} THEN 'ship-before-order'
    END AS "excluded1",
    ${prefix ? `starts_with("order_code", ${dl.text(prefix)}) AND (SELECT count(DISTINCT "order_code") FILTER (WHERE starts_with("order_code", ${dl.text(prefix)})) <= count(DISTINCT "order_code") / 2 FROM "parsed")` : 'false'} AS "cancelled"
  FROM "ruled"
), "priced" AS MATERIALIZED (
  SELECT *, "excluded1" IS NULL AND ("qty_v" < 0 OR "cancelled") AS "is_return",
    CASE WHEN "excluded1" IS NOT NULL THEN "excluded1" WHEN "qty_v" = 0 THEN 'zero-qty' WHEN "price_v" <= 0 THEN 'nonpositive-price' END AS "excluded2"
  FROM "dated"
), "key_firsts" AS (
  -- (customer, order, line) keys on more than one kept row, and the first of those rows.
  SELECT "cid", "order_code", "line_v", min("_row") AS "first" FROM "priced"
  WHERE "excluded2" IS NULL AND "line_v" IS NOT NULL GROUP BY ALL HAVING count(*) > 1
), "keyed" AS MATERIALIZED (
  SELECT p.*, CASE WHEN p."excluded2" IS NOT NULL THEN p."excluded2" WHEN p."_row" <> k."first" THEN 'duplicate-key' END AS "excluded"
  FROM "priced" p LEFT JOIN "key_firsts" k
    ON p."cid" = k."cid" AND p."order_code" = k."order_code" AND p."line_v" = k."line_v" -- excluded rows matching keep their reason (CASE order)
)`,
    // 4. Kept lines: optional values cleaned, returned units capped, freight imputed by group medians.
    `"kept" AS (
  SELECT "_row", "cid", "order_code", "od", "sd", "pd", "is_return", "region_code", "carrier_code", "price_v" AS "p",
    abs("qty_v") AS "q_abs", CASE WHEN "is_return" THEN abs("qty_v") ELSE "qty_v" END AS "q",
    CASE WHEN "cost_v" BETWEEN 0 AND ${n(MAX_LINE_MAGNITUDE)} THEN "cost_v" END AS "c",
    CASE WHEN "freight_v" BETWEEN 0 AND ${n(MAX_LINE_MAGNITUDE)} THEN "freight_v" END AS "f0",
    CASE WHEN "is_return" OR "ret_v" IS NULL OR "ret_v" < 0 OR "ret_v" > ${n(MAX_LINE_MAGNITUDE)} THEN 0 ELSE least("ret_v", abs("qty_v")) END AS "r"
  FROM "keyed" WHERE "excluded" IS NULL
), "banded" AS MATERIALIZED (
  -- Group keys as (is missing, text) pairs: equal-joinable (hash joins), with a missing region or carrier a group of its own.
  SELECT *, ${band} AS "band", "region_code" IS NULL AS "rk0", coalesce("region_code", '') AS "rk", "carrier_code" IS NULL AS "ck0", coalesce("carrier_code", '') AS "ck"
  FROM "kept"
),
"m1" AS (SELECT "rk0", "rk", "ck0", "ck", "band", ${groupMedian('"f0"')} AS "m" FROM "banded" GROUP BY ALL),
"m2" AS (SELECT "rk0", "rk", "ck0", "ck", ${groupMedian('"f0"')} AS "m" FROM "banded" GROUP BY ALL),
"m3" AS (SELECT "rk0", "rk", ${groupMedian('"f0"')} AS "m" FROM "banded" GROUP BY ALL),
"m4" AS (SELECT ${groupMedian('"f0"')} AS "m" FROM "banded"),
"lines" AS MATERIALIZED (
  SELECT b.*, ${has('shipping_cost') ? 'coalesce(b."f0", m1."m", m2."m", m3."m", (SELECT "m" FROM "m4"))' : 'NULL'} AS "f",
    ${has('shipping_cost') ? 'b."f0" IS NULL AND coalesce(m1."m", m2."m", m3."m", (SELECT "m" FROM "m4")) IS NOT NULL' : 'false'} AS "f_imputed",
    ${has('shipping_cost') ? 'CASE WHEN b."f0" IS NOT NULL THEN 0 WHEN m1."m" IS NOT NULL THEN 1 WHEN m2."m" IS NOT NULL THEN 2 WHEN m3."m" IS NOT NULL THEN 3 WHEN (SELECT "m" FROM "m4") IS NOT NULL THEN 4 ELSE 5 END' : 'NULL'} AS "f_level"
  FROM "banded" b
  LEFT JOIN "m1" ON b."rk0" = m1."rk0" AND b."rk" = m1."rk" AND b."ck0" = m1."ck0" AND b."ck" = m1."ck" AND b."band" = m1."band"
  LEFT JOIN "m2" ON b."rk0" = m2."rk0" AND b."rk" = m2."rk" AND b."ck0" = m2."ck0" AND b."ck" = m2."ck"
  LEFT JOIN "m3" ON b."rk0" = m3."rk0" AND b."rk" = m3."rk"
)`,
    // 5. Per order: the customer of its first sales line, that line's month, and lateness.
    `"window" AS (
  SELECT min("od") AS "min_od", (SELECT "as_of" FROM "as_of") AS "as_of" FROM "lines"
), "months" AS MATERIALIZED (
  SELECT ${monthOf('"min_od"')} AS "first_month",
    greatest(1, ${monthOf('"as_of"')} - ${monthOf('"min_od"')} + 1) AS "months", "as_of" FROM "window"
), "orders" AS MATERIALIZED (
  SELECT "order_code", "cid", ${monthOf('arg_min("od", "_row")')} - (SELECT "first_month" FROM "months") AS "m",
    CASE WHEN bool_or(${day('"sd"')} > ${day('"pd"')}) THEN 2 WHEN bool_or("sd" IS NOT NULL AND "pd" IS NOT NULL) THEN 1 ELSE 0 END AS "due"
  FROM "lines" WHERE NOT "is_return" GROUP BY "order_code", "cid"
), "per_order" AS (
  SELECT "cid", count(*) AS "orders", count(*) FILTER (WHERE "due" > 0) AS "with_due", count(*) FILTER (WHERE "due" = 1) AS "on_time",
    count(DISTINCT "m") AS "active_months"
  FROM "orders" GROUP BY "cid"
), "monthly" AS (
  -- Units net of returns by order-date month: a return takes its units out of its own month (src/analytics/tiers/demand-variability.ts).
  SELECT "cid", ${monthOf('"od"')} - (SELECT "first_month" FROM "months") AS "m", sum(CASE WHEN "is_return" THEN -"q" ELSE "q" - "r" END) AS "units" FROM "lines" GROUP BY ALL
), "mean_units" AS (
  SELECT "cid", sum("units") / (SELECT "months" FROM "months") AS "mu", count(*) AS "active" FROM "monthly" GROUP BY "cid"
), "variability" AS (
  -- Σ over every month of the window of (units - mean)², months without orders included, as JavaScript sums it.
  SELECT mu."cid", mu."mu", sum((m."units" - mu."mu") * (m."units" - mu."mu")) + ((SELECT "months" FROM "months") - mu."active") * mu."mu" * mu."mu" AS "ss"
  FROM "monthly" m JOIN "mean_units" mu ON m."cid" = mu."cid" GROUP BY mu."cid", mu."mu", mu."active"
)`,
    // 6. Sums per customer and the features (division by zero is NULL, as NaN in JavaScript).
    `"sums" AS MATERIALIZED (
  SELECT "cid",
    count(*) FILTER (WHERE NOT "is_return") AS "lines", coalesce(sum("q") FILTER (WHERE NOT "is_return"), 0) AS "units",
    sum(CASE WHEN "is_return" THEN -"q" * "p" ELSE ("q" - "r") * "p" END) AS "revenue",
    coalesce(sum(CASE WHEN "c" IS NULL THEN NULL WHEN "is_return" THEN -"q" * ("p" - "c") ELSE ("q" - "r") * ("p" - "c") END), 0) AS "gm",
    coalesce(sum("f"), 0) AS "freight", coalesce(sum("f") FILTER (WHERE "f_imputed"), 0) AS "freight_imputed",
    count(*) FILTER (WHERE "is_return" OR "r" > 0) AS "return_lines",
    sum(CASE WHEN "is_return" THEN "q" ELSE "r" END) AS "returned_units",
    max("od") FILTER (WHERE NOT "is_return") AS "last_order",
    coalesce(sum(${day('"sd"')} - ${day('"od"')}) FILTER (WHERE NOT "is_return" AND "sd" IS NOT NULL), 0) AS "lead_days",
    count(*) FILTER (WHERE NOT "is_return" AND "sd" IS NOT NULL) AS "lead_lines",
    min("_row") AS "first_row"
  FROM "lines" GROUP BY "cid"
), "features" AS (
  SELECT s."cid" AS "customer_id", s."first_row",
    coalesce(o."orders", 0) AS "orders", s."lines" AS "order_lines", s."units", coalesce(o."active_months", 0) AS "active_months",
    coalesce(o."orders", 0) / (SELECT "months" FROM "months") AS "order_frequency",
    ${day('(SELECT "as_of" FROM "months")')} - ${day('s."last_order"')} AS "recency_days",
    s."revenue", s."revenue" / nullif(coalesce(o."orders", 0), 0) AS "avg_order_value", s."lines" / nullif(coalesce(o."orders", 0), 0) AS "lines_per_order",
    s."gm" AS "gross_margin", s."gm" / nullif(s."revenue", 0) * 100 AS "gross_margin_pct",
    s."gm" / nullif(sum(s."gm") OVER (), 0) * 100 AS "margin_contribution_pct",
    coalesce(o."orders", 0) * ${n(r.order)} AS "cts_order", s."lines" * ${n(r.line)} AS "cts_lines", s."return_lines" * ${n(r.returnLine)} AS "cts_returns",
    s."freight" AS "cts_freight",
    coalesce(o."orders", 0) * ${n(r.order)} + s."lines" * ${n(r.line)} + s."return_lines" * ${n(r.returnLine)} + s."freight" AS "cts",
    (coalesce(o."orders", 0) * ${n(r.order)} + s."lines" * ${n(r.line)} + s."return_lines" * ${n(r.returnLine)} + s."freight") / nullif(coalesce(o."orders", 0), 0) AS "cts_per_order",
    (coalesce(o."orders", 0) * ${n(r.order)} + s."lines" * ${n(r.line)} + s."return_lines" * ${n(r.returnLine)} + s."freight") / nullif(s."revenue", 0) * 100 AS "cts_pct",
    s."gm" - (coalesce(o."orders", 0) * ${n(r.order)} + s."lines" * ${n(r.line)} + s."return_lines" * ${n(r.returnLine)} + s."freight") AS "net_profit",
    s."freight_imputed" / nullif(s."freight", 0) AS "freight_imputed_share",
    s."return_lines", least(s."returned_units", s."units") / nullif(s."units", 0) AS "returns_rate",
    greatest(0, s."returned_units" - s."units") AS "returns_before_window",
    CASE WHEN coalesce(v."mu", 0) > 0 AND (SELECT "months" FROM "months") > 1 THEN sqrt(v."ss" / ((SELECT "months" FROM "months") - 1)) / v."mu" END AS "demand_cv",
    s."lead_days" / nullif(s."lead_lines", 0) AS "lead_time_days",
    o."on_time" / nullif(o."with_due", 0) AS "on_time_rate"
  FROM "sums" s LEFT JOIN "per_order" o ON s."cid" = o."cid" LEFT JOIN "variability" v ON s."cid" = v."cid"
)`,
  ];
}

/**
 * The options of the SQL features from an import spec (a config's `data.import`, or the
 * command's). Refuses what the SQL does not do: a quality rule switched off, the parent-account
 * roll-up.
 */
export function orderFeatureOptions(spec: DataImportSpec, columns: readonly string[], allColumns: readonly string[] = columns): OrderFeatureOptions {
  const q = normalizeQualityOptions(spec.quality ?? {});
  const f = normalizeFeatureOptions(spec.features ?? {});
  const off = QUALITY_RULES.filter((r) => !q.enabled[r]);
  if (off.length) throw new Error(`the SQL features apply every quality rule; switched off here: ${off.join(', ')} (use the JavaScript engine)`);
  if (f.level !== 'customer') throw new Error('the SQL features are per customer; the roll-up to parent accounts needs the JavaScript engine');
  if (columns.includes('product_code')) throw new Error('the SQL features do not route non-product lines (postage, discounts, fees) yet; a file with a product_code column needs the JavaScript engine');
  const id = q.customerId;
  if (!(id.trim && id.upperCase && id.repad)) throw new Error('the SQL features normalise customer ids fully (trim, upper case, re-pad); partial normalisation needs the JavaScript engine');
  return {
    rates: f.rates,
    minYear: q.dates.minYear,
    maxYear: q.dates.maxYear,
    asOf: q.dates.asOf ?? null,
    cancellationPrefix: q.returns.cancellationPrefix,
    minGroupSize: q.shipping.minGroupSize,
    qtyBands: q.shipping.qtyBands,
    columns: new Set(columns),
    allColumns,
  };
}

/**
 * The customer features as one SELECT over an order-lines table with the canonical column names
 * (all of them, as text), for the scoring view's `--from-order-lines`. Rows are numbered in the
 * order the engine scans the table (exact duplicates and repeated keys keep the first).
 */
export function orderFeaturesSql(dl: Dialect, table: string, spec: DataImportSpec): string {
  // Non-product routing (by product_code) is not written in SQL: the view reads every line as a product line.
  const fields = CANONICAL_FIELDS.filter((f) => f !== 'product_code');
  const numbered = `(SELECT row_number() OVER () - 1 AS "_row", * FROM ${dl.table(table)})`;
  const ctes = orderFeatureCtes(dl, `${numbered}`, orderFeatureOptions(spec, fields));
  return `WITH ${ctes.join(',\n')}\nSELECT * FROM "features"`;
}
