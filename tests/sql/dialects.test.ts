import { describe, expect, it } from 'vitest';
import { DIALECTS, DIALECT_NAMES, dialect } from '../../src/sql/dialect.ts';

// The constructs that differ between engines, one expectation each, with the reason it is right
// for that engine.
describe('SQL dialects', () => {
  it('quote identifiers the way each engine does, escaping the quote character', () => {
    // SQL standard double quotes (doubled inside): DuckDB, Postgres, Snowflake.
    expect(DIALECTS.duckdb.ident('a"b')).toBe('"a""b"');
    expect(DIALECTS.postgres.ident('net profit')).toBe('"net profit"');
    expect(DIALECTS.snowflake.ident('revenue')).toBe('"revenue"'); // quoted: case kept, as written in the config
    // Backticks: BigQuery escapes with a backslash, Spark doubles the backtick.
    expect(DIALECTS.bigquery.ident('a`b')).toBe('`a\\`b`');
    expect(DIALECTS.spark.ident('a`b')).toBe('`a``b`');
    // A qualified name: each part quoted, except BigQuery, which takes the whole path in one pair.
    expect(DIALECTS.postgres.table('sales.customer_features')).toBe('"sales"."customer_features"');
    expect(DIALECTS.bigquery.table('proj.sales.customer_features')).toBe('`proj.sales.customer_features`');
  });

  it('write doubles that read back as the same double', () => {
    // An exponent makes a DOUBLE literal in DuckDB, BigQuery, Snowflake and Spark (0.1 alone is
    // DECIMAL in DuckDB); toExponential() writes the shortest digits that round-trip.
    for (const name of ['duckdb', 'bigquery', 'snowflake', 'spark'] as const) expect(DIALECTS[name].double(0.1)).toBe('1e-1');
    expect(DIALECTS.duckdb.double(-1234.5678901234567)).toBe('(-1.2345678901234567e+3)'); // parenthesised: `a--1` would be a comment
    // Postgres reads any such literal as NUMERIC (exact decimal arithmetic): cast to float8.
    expect(DIALECTS.postgres.double(0.1)).toBe('CAST(1e-1 AS DOUBLE PRECISION)');
    expect(() => DIALECTS.duckdb.double(Infinity)).toThrow(/finite/);
  });

  it('use LN for the natural logarithm everywhere, never LOG', () => {
    // LOG(x) is base 10 in Postgres and DuckDB, LOG(base, x) in Snowflake and Spark, LOG(x, base) in BigQuery.
    for (const name of DIALECT_NAMES) expect(DIALECTS[name].ln('x')).toBe('LN(x)');
  });

  it('GREATEST/LEAST by name (arguments are never NULL: BigQuery and Snowflake would return NULL)', () => {
    for (const name of DIALECT_NAMES) expect(DIALECTS[name].greatest('a', 'b')).toBe('GREATEST(a, b)');
  });

  it('test for finite doubles with each engine own functions', () => {
    expect(DIALECTS.duckdb.isFinite('x')).toBe('isfinite(x)');
    expect(DIALECTS.postgres.isFinite('x')).toBe("(x NOT IN ('NaN'::float8, 'Infinity'::float8, '-Infinity'::float8))");
    expect(DIALECTS.bigquery.isFinite('x')).toBe('(NOT IS_NAN(x) AND NOT IS_INF(x))');
    expect(DIALECTS.snowflake.isFinite('x')).toBe("(x NOT IN ('NaN'::DOUBLE, 'inf'::DOUBLE, '-inf'::DOUBLE))");
    expect(DIALECTS.spark.isFinite('x')).toBe("(NOT isnan(x) AND x NOT IN (double('Infinity'), double('-Infinity')))");
  });

  it('name the float type for casts', () => {
    expect(DIALECT_NAMES.map((n) => DIALECTS[n].doubleType)).toEqual(['DOUBLE', 'DOUBLE PRECISION', 'FLOAT64', 'DOUBLE', 'DOUBLE']);
  });

  it('string literals: quotes doubled; BigQuery escapes with a backslash', () => {
    expect(DIALECTS.postgres.text("O'Neil")).toBe("'O''Neil'");
    expect(DIALECTS.bigquery.text("O'Neil")).toBe("'O\\'Neil'");
  });

  it('refuses an unknown dialect with the keyword message', () => {
    expect(() => dialect('oracle')).toThrow('invalid dialect: "oracle" (expected duckdb, postgres, bigquery, snowflake or spark)');
  });
});
