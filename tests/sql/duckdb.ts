import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** An in-memory DuckDB connection for tests. */
export async function duckdb(): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:');
  return instance.connect();
}

/** Runs a query and returns its columns as JavaScript values, by name. */
export async function columns(con: DuckDBConnection, sql: string): Promise<Record<string, unknown[]>> {
  const reader = await con.runAndReadAll(sql);
  return reader.getColumnsObjectJS() as Record<string, unknown[]>;
}
