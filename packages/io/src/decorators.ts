// @loadFrom.* and @saveTo.*: loaders and savers declared on the methods themselves.
import { loadFromDecorator, saveToDecorator } from '@hamilton-ts/core';
import { type FileLoadOptions, type FileSaveOptions, fileLoadFrom, fileSaveTo } from './file-materializers.js';
import type { CsvLoadOptions, CsvSaveOptions, JsonLoadOptions, JsonSaveOptions } from './format-options.js';
import { type SqlLoadOptions, type SqlSaveOptions, sqlLoadFrom, sqlSaveTo } from './sql/sql-materializers.js';

/** Options of `@loadFrom.<format>`: the path, the parameter fed (`inject`), and the format's options. */
export type LoadFromOptions<O = unknown> = FileLoadOptions & { readonly inject?: string } & O;
/** Options of `@saveTo.<format>`: the path, the save node's name (`id`), combine, and the format's options. */
export type SaveToOptions<O = unknown> = FileSaveOptions & { readonly id?: string } & O;

/**
 * Feeds a parameter of the method from a file: a loader node `<node>.load_<param>` is added and the
 * parameter reads it. `inject` names the parameter (optional when the method has one).
 *
 * @example
 * @node() @loadFrom.csv({ path: source('dataPath'), inject: 'rows' })
 * spend(rows: ColumnTable): Float64Array { return rows.array('spend') as Float64Array; }
 */
export const loadFrom = {
  csv: (options: LoadFromOptions<CsvLoadOptions>): MethodDecorator => loadFromDecorator(fileLoadFrom('csv', options)),
  json: (options: LoadFromOptions<JsonLoadOptions>): MethodDecorator => loadFromDecorator(fileLoadFrom('json', options)),
  arrow: (options: LoadFromOptions): MethodDecorator => loadFromDecorator(fileLoadFrom('arrow', options)),
  parquet: (options: LoadFromOptions): MethodDecorator => loadFromDecorator(fileLoadFrom('parquet', options)),
  sql: (options: SqlLoadOptions & { readonly inject?: string }): MethodDecorator => loadFromDecorator(sqlLoadFrom(options)),
  format: (name: string, options: LoadFromOptions<Record<string, unknown>>): MethodDecorator =>
    loadFromDecorator(fileLoadFrom(name, options)),
};

/**
 * Adds a save node after the method's value (named `id`, default `<node>.save_<format>`). It runs when
 * requested as an output, or through `dr.materialize`, and returns the save's metadata.
 *
 * @example
 * @node() @saveTo.parquet({ path: value('out/features.parquet'), id: 'saveFeatures' })
 * features(spend: Float64Array): ColumnTable { ... }
 */
export const saveTo = {
  csv: (options: SaveToOptions<CsvSaveOptions>): MethodDecorator => saveToDecorator(fileSaveTo('csv', options)),
  json: (options: SaveToOptions<JsonSaveOptions>): MethodDecorator => saveToDecorator(fileSaveTo('json', options)),
  arrow: (options: SaveToOptions): MethodDecorator => saveToDecorator(fileSaveTo('arrow', options)),
  parquet: (options: SaveToOptions): MethodDecorator => saveToDecorator(fileSaveTo('parquet', options)),
  sql: (options: SqlSaveOptions & { readonly id?: string }): MethodDecorator => saveToDecorator(sqlSaveTo(options)),
  format: (name: string, options: SaveToOptions<Record<string, unknown>>): MethodDecorator => saveToDecorator(fileSaveTo(name, options)),
};
