/**
 * The SQL constructs that differ between the engines Tierbook writes SQL for. Everything else the
 * generators write is plain SQL:2003 (CASE, COALESCE, window functions with OVER, CTEs), which
 * all five accept as is.
 */
import { keyword } from '../analytics/keyword.ts';

export const DIALECT_NAMES = ['duckdb', 'postgres', 'bigquery', 'snowflake', 'spark'] as const;
export type DialectName = (typeof DIALECT_NAMES)[number];

export interface Dialect {
  readonly name: DialectName;
  /** A quoted identifier (column, table or view name), with the quote character escaped. */
  ident(name: string): string;
  /** A qualified table or view name (`schema.table` is split at dots and each part quoted). */
  table(name: string): string;
  /** A DOUBLE literal that reads back as exactly `x` (finite values only). */
  double(x: number): string;
  /** A string literal. */
  text(s: string): string;
  /** The type name of a 64-bit float, for CAST. */
  readonly doubleType: string;
  /** Natural logarithm. Every engine has LN(x); LOG differs (base 10 in Postgres and DuckDB, LOG(base, x) in Snowflake and Spark, LOG(x, base) in BigQuery), so LOG is never used. */
  ln(x: string): string;
  /** Largest of the arguments; the generators only pass non-null arguments, because BigQuery and Snowflake return NULL when any argument is NULL where the others skip it. */
  greatest(...xs: string[]): string;
  least(...xs: string[]): string;
  /** Whether a DOUBLE is finite (not NaN or ±Infinity; NULL stays NULL). */
  isFinite(x: string): string;
  /** `CREATE OR REPLACE VIEW name AS` (Postgres and the others alike). */
  createView(name: string): string;
}

/** Doubles in exponent form: a literal with an exponent is a DOUBLE in DuckDB, BigQuery, Snowflake and Spark (a plain decimal literal such as 0.1 would be DECIMAL in DuckDB, NUMERIC in Postgres). */
function exponent(x: number): string {
  if (!Number.isFinite(x)) throw new Error(`invalid SQL number: ${x} (expected a finite number)`);
  // A negative literal in parentheses: `a - -1e+0` is fine, but `a--1e+0` would start a comment.
  return x < 0 ? `(${x.toExponential()})` : x.toExponential();
}

const quoted = (q: string) => (name: string) => `${q}${name.replaceAll(q, q + q)}${q}`;
const doubleQuoted = quoted('"');
const backticked = quoted('`');

function common(name: DialectName, ident: (s: string) => string, doubleType: string): Omit<Dialect, 'double' | 'isFinite'> {
  return {
    name,
    ident,
    table: (t) => t.split('.').map(ident).join('.'),
    text: (s) => `'${s.replaceAll("'", "''")}'`,
    doubleType,
    ln: (x) => `LN(${x})`,
    greatest: (...xs) => `GREATEST(${xs.join(', ')})`,
    least: (...xs) => `LEAST(${xs.join(', ')})`,
    createView: (view) => `CREATE OR REPLACE VIEW ${view} AS`,
  };
}

export const DIALECTS: Readonly<Record<DialectName, Dialect>> = {
  duckdb: { ...common('duckdb', doubleQuoted, 'DOUBLE'), double: exponent, isFinite: (x) => `isfinite(${x})` },
  // Postgres reads 1e-1 as NUMERIC (exact decimal arithmetic), so literals are cast to float8;
  // the cast of a shortest round-trip decimal is correctly rounded, so it is exactly x.
  postgres: {
    ...common('postgres', doubleQuoted, 'DOUBLE PRECISION'),
    double: (x) => `CAST(${exponent(x)} AS DOUBLE PRECISION)`,
    isFinite: (x) => `(${x} NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))`,
  },
  // BigQuery quotes identifiers with backticks (a backslash escapes a backtick inside).
  bigquery: {
    ...common('bigquery', (s) => `\`${s.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``, 'FLOAT64'),
    table: (t) => `\`${t.replaceAll('`', '\\`')}\``,
    text: (s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`,
    double: exponent,
    isFinite: (x) => `(NOT IS_NAN(${x}) AND NOT IS_INF(${x}))`,
  },
  snowflake: {
    ...common('snowflake', doubleQuoted, 'DOUBLE'),
    double: exponent,
    isFinite: (x) => `(${x} NOT IN ('NaN'::DOUBLE, 'inf'::DOUBLE, '-inf'::DOUBLE))`,
  },
  // Spark SQL: backticks (doubled inside); `isnan` exists but not isinf, so compare with the infinities.
  spark: {
    ...common('spark', backticked, 'DOUBLE'),
    double: exponent,
    isFinite: (x) => `(NOT isnan(${x}) AND ${x} NOT IN (double('Infinity'), double('-Infinity')))`,
  },
};

export function dialect(name: string): Dialect {
  return DIALECTS[keyword('dialect', name, DIALECT_NAMES)];
}
