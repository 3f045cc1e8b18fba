// from.sql and to.sql: a query's result as a table, and a table written to a database table.
import { randomBytes } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IoContext, LoaderSpec, LoadFromSpec, SaverSpec, SaveToSpec } from '@hamilton-ts/core';
import type { ResultBuilder } from '@hamilton-ts/result-builders';
import { combineValues, shapeOf } from '../combine.js';
import { MaterializerError, type MaterializerErrorDetails, reason } from '../errors.js';
import { parquetFormat } from '../formats/parquet.js';
import { combineProblem, defined, dependenciesProblem, fixedValue, isSource, stringOptionProblem } from '../option-checks.js';
import { sqlString, sqlTableName, withDatabase } from './duckdb.js';

/** Options of a SQL loader: the query and the database it runs on. */
export interface SqlLoadOptions {
  /** A SELECT (or anything DuckDB can COPY from): a string, `value(...)` or `source('node')`. */
  readonly query: unknown;
  /** A DuckDB file path, or a DuckDBInstance / DuckDBConnection through `source('node')`. */
  readonly database: unknown;
}

/** Options of a SQL saver. */
export interface SqlSaveOptions {
  /** The table written (`schema.table` allowed). */
  readonly table: unknown;
  readonly database: unknown;
  /** `replace` (the default) creates or replaces the table; `append` inserts into an existing one. */
  readonly mode?: 'replace' | 'append';
  readonly combine?: ResultBuilder<unknown>;
}

/** `from.sql({ target, query, database })`. */
export function sqlLoader(options: SqlLoadOptions & { readonly target: string }): LoaderSpec {
  const { target, ...rest } = options ?? ({} as typeof options);
  return { ...sqlLoad(rest), role: 'loader', target };
}

/** `@loadFrom.sql({ query, database, inject })`. */
export function sqlLoadFrom(options: SqlLoadOptions & { readonly inject?: string }): LoadFromSpec {
  const { inject, ...rest } = options ?? ({} as typeof options);
  return { ...sqlLoad(rest), ...(inject === undefined ? {} : { inject }) };
}

/** `to.sql({ table, dependencies, database, id? })`; the node is named `id`, by default `save_<table>`. */
export function sqlSaver(options: SqlSaveOptions & { readonly dependencies: readonly string[]; readonly id?: string }): SaverSpec {
  const { dependencies, id, ...rest } = options ?? ({} as typeof options);
  const spec = sqlSave(rest);
  const table = fixedValue(rest.table);
  return {
    ...spec,
    role: 'saver',
    id: id ?? (typeof table === 'string' ? `save_${table}` : ''),
    dependencies,
    problems: () => [...spec.problems(), ...defined([dependenciesProblem(dependencies)])],
  };
}

/** `@saveTo.sql({ table, database, id? })`. */
export function sqlSaveTo(options: SqlSaveOptions & { readonly id?: string }): SaveToSpec {
  const { id, ...rest } = options ?? ({} as typeof options);
  return { ...sqlSave(rest), ...(id === undefined ? {} : { id }) };
}

function sqlLoad(options: SqlLoadOptions): Omit<LoaderSpec, 'role' | 'target'> {
  const { query, database } = options;
  return {
    format: 'sql',
    options: { query, database },
    doc: `Loads the result of a SQL query${isSource(query) ? '' : `: ${String(fixedValue(query)).slice(0, 80)}`}.`,
    problems: () => defined([stringOptionProblem({ query }, 'query', "'select * from spend'"), databaseProblem(database)]),
    load: (resolved, context) => runQuery(resolved, context),
  };
}

function sqlSave(options: SqlSaveOptions): Omit<SaverSpec, 'role' | 'id' | 'dependencies'> {
  const { table, database, mode, combine } = options;
  return {
    format: 'sql',
    options: { table, database, mode },
    doc: `Saves to the SQL table ${isSource(table) ? '' : String(fixedValue(table))}.`,
    problems: () =>
      defined([
        stringOptionProblem({ table }, 'table', "'scores'"),
        databaseProblem(database),
        mode === undefined || mode === 'replace' || mode === 'append'
          ? undefined
          : `mode is ${JSON.stringify(mode)}; give 'replace' or 'append'`,
        combineProblem(combine),
      ]),
    save: (values, resolved, context) => writeTable(values, resolved, combine, context),
  };
}

async function runQuery(resolved: Record<string, unknown>, context: IoContext): Promise<unknown> {
  const where = { node: context.node, format: 'sql' };
  const { query, database } = resolved;
  if (typeof query !== 'string' || query.trim() === '')
    throw new MaterializerError(where, `the query is ${String(query)}; give a SQL query`);
  return viaParquet(where, async (file) => {
    await withDatabase(database, where, (connection) =>
      sqlStep(where, `the query failed`, () => connection.run(`COPY (${query}) TO ${sqlString(file)} (FORMAT parquet)`)),
    );
    const value = await parquetFormat.load!(await readFile(file), {}, { node: context.node, path: file });
    context.reportLoad?.({ query, ...(typeof database === 'string' ? { database } : {}), ...shapeOf(value) });
    return value;
  });
}

async function writeTable(
  values: Record<string, unknown>,
  resolved: Record<string, unknown>,
  combine: ResultBuilder<unknown> | undefined,
  context: IoContext,
) {
  const started = performance.now();
  const { table, database, mode = 'replace' } = resolved;
  const where = { node: context.node, format: 'sql' };
  if (typeof table !== 'string' || table === '') throw new MaterializerError(where, `the table is ${String(table)}; give a table name`);
  const value = await combineValues(values, combine, true);
  let bytes: Uint8Array;
  try {
    bytes = (await parquetFormat.save!(value, {}, { node: context.node, path: table })) as Uint8Array;
  } catch (error) {
    throw new MaterializerError(where, `cannot write to SQL table "${table}": ${reason(error)}`, error);
  }
  await viaParquet(where, async (file) => {
    await writeFile(file, bytes);
    const read = `SELECT * FROM read_parquet(${sqlString(file)})`;
    const statement =
      mode === 'append' ? `INSERT INTO ${sqlTableName(table)} ${read}` : `CREATE OR REPLACE TABLE ${sqlTableName(table)} AS ${read}`;
    await withDatabase(database, where, (connection) => sqlStep(where, `writing table "${table}" failed`, () => connection.run(statement)));
  });
  return {
    format: 'sql',
    table,
    ...(typeof database === 'string' ? { database } : {}),
    ...shapeOf(value),
    ms: performance.now() - started,
  };
}

/** Runs `work` with a temporary Parquet file path, removed afterwards. */
async function viaParquet<T>(where: MaterializerErrorDetails, work: (file: string) => Promise<T>): Promise<T> {
  const file = join(tmpdir(), `hamilton-ts-sql-${process.pid}-${randomBytes(6).toString('hex')}.parquet`);
  try {
    return await work(file);
  } catch (error) {
    if (error instanceof MaterializerError) throw error;
    throw new MaterializerError(where, reason(error), error);
  } finally {
    await rm(file, { force: true });
  }
}

async function sqlStep<T>(where: MaterializerErrorDetails, what: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (error) {
    throw new MaterializerError(where, `${what}: ${reason(error)}`, error);
  }
}

function databaseProblem(database: unknown): string | undefined {
  if (database === undefined || database === null || database === '')
    return "database is missing; give a DuckDB file path (e.g. database: 'warehouse.duckdb') or source('node') for a DuckDBInstance or DuckDBConnection";
  return undefined;
}
