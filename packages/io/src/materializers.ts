// from.* and to.*: the loaders and savers given to dr.materialize.
import type { LoaderSpec, SaverSpec } from '@hamilton-ts/core';
import { type FileLoadOptions, type FileSaveOptions, fileLoader, fileSaver } from './file-materializers.js';
import type { CsvLoadOptions, CsvSaveOptions, JsonLoadOptions, JsonSaveOptions } from './format-options.js';
import { type SqlLoadOptions, type SqlSaveOptions, sqlLoader, sqlSaver } from './sql/sql-materializers.js';

/** The node a loader's value becomes: an input the modules leave unproduced. */
export interface LoaderTarget {
  readonly target: string;
}

/** The node a saver becomes, and the nodes whose values it writes. */
export interface SaverTarget {
  readonly id: string;
  readonly dependencies: readonly string[];
}

/** Options of `from.<format>`: the target, the path, and the format's own options. */
export type FromOptions<O = unknown> = LoaderTarget & FileLoadOptions & O;
/** Options of `to.<format>`: id, dependencies, path, combine, and the format's own options. */
export type ToOptions<O = unknown> = SaverTarget & FileSaveOptions & O;

/**
 * Loaders for `dr.materialize`: each reads a file (or a query) into the node `target`, which feeds every
 * node that takes an input of that name. Any option may be `source('node')` (read when the graph runs)
 * or `value(x)`. What each read is reported in `metadata` under its target: `{ path, format, rows, columns, bytes, ms }`.
 *
 * @example
 * const { metadata } = await dr.materialize([from.csv({ target: 'rows', path: 'data/marketing.csv' })], { additionalVars: ['score'] });
 * metadata.rows.bytes;
 */
export const from = {
  /** A CSV file → an arquero table (numeric columns as Float64Array). */
  csv: (options: FromOptions<CsvLoadOptions>): LoaderSpec => fileLoader('csv', options),
  /** A JSON file → the parsed value (`table: true`: an arquero table). */
  json: (options: FromOptions<JsonLoadOptions>): LoaderSpec => fileLoader('json', options),
  /** An Arrow IPC file → an arquero table with its column types. */
  arrow: (options: FromOptions): LoaderSpec => fileLoader('arrow', options),
  /** A Parquet file → an arquero table with its column types. */
  parquet: (options: FromOptions): LoaderSpec => fileLoader('parquet', options),
  /** A SQL query on DuckDB → an arquero table (needs the optional package @duckdb/node-api). */
  sql: (options: LoaderTarget & SqlLoadOptions): LoaderSpec => sqlLoader(options),
  /** A file in a format added with `registerFormat`. */
  format: (name: string, options: FromOptions<Record<string, unknown>>): LoaderSpec => fileLoader(name, options),
};

/**
 * Savers for `dr.materialize`: each combines its `dependencies` (into an arquero table by default, or
 * with `combine`) and writes them; its node's value is the metadata `{ path, format, rows, columns, bytes, ms }`.
 * Files are written to a temporary name and renamed, so the target is never half-written.
 *
 * @example
 * const { metadata } = await dr.materialize([to.parquet({ id: 'saveScores', dependencies: ['score'], path: 'out/scores.parquet' })], { inputs });
 */
export const to = {
  csv: (options: ToOptions<CsvSaveOptions>): SaverSpec => fileSaver('csv', options),
  /** Plain JSON (tables as arquero's JSON); one dependency is saved as its value, several as a record. */
  json: (options: ToOptions<JsonSaveOptions>): SaverSpec => fileSaver('json', options),
  arrow: (options: ToOptions): SaverSpec => fileSaver('arrow', options),
  parquet: (options: ToOptions): SaverSpec => fileSaver('parquet', options),
  /** A table in a DuckDB database; `id` defaults to `save_<table>`. */
  sql: (options: Omit<SaverTarget, 'id'> & { readonly id?: string } & SqlSaveOptions): SaverSpec => sqlSaver(options),
  format: (name: string, options: ToOptions<Record<string, unknown>>): SaverSpec => fileSaver(name, options),
};
