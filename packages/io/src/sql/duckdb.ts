// DuckDB (the optional peer @duckdb/node-api) as a SQL source and sink. Values cross through Parquet
// files, which DuckDB reads and writes natively: column types survive both ways, and a million rows
// move without a call per cell.
import { MaterializerError, type MaterializerErrorDetails, reason } from '../errors.js';

/** The parts of @duckdb/node-api used here. */
interface DuckDBConnection {
  run(sql: string): Promise<unknown>;
  closeSync(): void;
}
interface DuckDBInstance {
  connect(): Promise<DuckDBConnection>;
  closeSync(): void;
}
interface DuckDBApi {
  DuckDBInstance: { create(path?: string): Promise<DuckDBInstance> };
}

let loading: Promise<DuckDBApi> | undefined;

async function duckdb(where: MaterializerErrorDetails): Promise<DuckDBApi> {
  loading ??= import('@duckdb/node-api') as Promise<unknown> as Promise<DuckDBApi>;
  try {
    return await loading;
  } catch (error) {
    loading = undefined;
    throw new MaterializerError(
      where,
      `SQL needs the optional package @duckdb/node-api, which could not be loaded (${reason(error)}); install it with \`npm install @duckdb/node-api\``,
      error,
    );
  }
}

/**
 * Runs `work` on a connection to `database`: a DuckDB file path (opened and closed around the work;
 * ':memory:' for a database that lives only as long as the work), a `DuckDBInstance` or a `DuckDBConnection`.
 */
export async function withDatabase<T>(
  database: unknown,
  where: MaterializerErrorDetails,
  work: (connection: DuckDBConnection) => Promise<T>,
): Promise<T> {
  if (typeof database === 'string' && database !== '') {
    const api = await duckdb(where);
    let instance: DuckDBInstance;
    try {
      instance = await api.DuckDBInstance.create(database);
    } catch (error) {
      throw new MaterializerError(where, `cannot open the DuckDB database ${JSON.stringify(database)}: ${reason(error)}`, error);
    }
    try {
      return await onConnection(await instance.connect(), work);
    } finally {
      instance.closeSync();
    }
  }
  const handle = database as Partial<DuckDBInstance & DuckDBConnection> | null;
  if (handle && typeof handle.run === 'function') return work(handle as DuckDBConnection);
  if (handle && typeof handle.connect === 'function') return onConnection(await handle.connect(), work);
  throw new MaterializerError(
    where,
    `database is ${database === undefined ? 'missing' : String(database)}; give a DuckDB file path (e.g. 'warehouse.duckdb'), or a DuckDBInstance or DuckDBConnection through source('node')`,
  );
}

async function onConnection<T>(connection: DuckDBConnection, work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
  }
}

/** A SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A table name as a SQL identifier, each dotted part quoted (`analytics.scores` → `"analytics"."scores"`). */
export function sqlTableName(name: string): string {
  return name
    .split('.')
    .map((part) => `"${part.replaceAll('"', '""')}"`)
    .join('.');
}
