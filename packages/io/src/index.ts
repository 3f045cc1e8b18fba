// @hamilton-ts/io: loaders and savers as nodes of the graph, for CSV, JSON, Arrow, Parquet, SQL and your own formats.
import { registerFormat } from './format-registry.js';
import { arrowFormat } from './formats/arrow.js';
import { csvFormat } from './formats/csv.js';
import { jsonFormat } from './formats/json.js';
import { parquetFormat } from './formats/parquet.js';

for (const format of [csvFormat, jsonFormat, arrowFormat, parquetFormat]) registerFormat(format);

export { type LoadFromOptions, loadFrom, type SaveToOptions, saveTo } from './decorators.js';
export { MaterializerError, type MaterializerErrorDetails } from './errors.js';
export type { FileLoadOptions, FileSaveOptions } from './file-materializers.js';
export type { CsvLoadOptions, CsvSaveOptions, JsonLoadOptions, JsonSaveOptions } from './format-options.js';
export { type FileFormat, type FormatContext, formatNames, registerFormat } from './format-registry.js';
export { materializersFromSpec } from './materializer-spec.js';
export { type FromOptions, from, type LoaderTarget, type SaverTarget, type ToOptions, to } from './materializers.js';
export type { SqlLoadOptions, SqlSaveOptions } from './sql/sql-materializers.js';
