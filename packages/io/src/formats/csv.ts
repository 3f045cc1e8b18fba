// CSV through arquero's own reader and writer. arquero is lenient (a short row gets empty cells, a long
// one loses its extra cells, an unclosed quote swallows the rest of the file); the loader adds a check
// of each row's shape to arquero's pipeline, so a malformed file is an error instead of quietly wrong data.

import type { Transformer } from 'node:stream/web';
import { type ColumnTable, table, toCSV } from 'arquero';
import { delimitedTextTransformer } from 'arquero/src/format/stream/delimited-text-stream.js';
import { lineFilterTransformer } from 'arquero/src/format/stream/line-filter-stream.js';
import { parseTextRowsSync } from 'arquero/src/format/stream/parse-text-rows.js';
import type { FileFormat } from '../format-registry.js';
import { requireFlatCells, requireTable } from './tabular-value.js';
import { utf8Text } from './utf8-text.js';

const LOAD_OPTIONS = ['delimiter', 'decimal', 'header', 'names', 'skip', 'comment', 'autoType', 'autoMax', 'parse', 'typed'];

/** CSV (or another delimiter): loads an arquero table, numeric columns as Float64Array unless `typed: false`. */
export const csvFormat: FileFormat = {
  name: 'csv',
  load: (bytes, options) => {
    const {
      delimiter = ',',
      skip = 0,
      comment,
      typed = true,
      ...parse
    } = options as {
      delimiter?: string;
      skip?: number;
      comment?: string;
      typed?: boolean;
    };
    const text = utf8Text(bytes);
    if (text.trim() === '') throw new Error('the file is empty; a CSV file starts with a header row');
    const rows = parseTextRowsSync(
      text,
      [delimitedTextTransformer(delimiter), lineFilterTransformer(skip, comment, (row) => row[0]), rowShapeCheck()],
      { ...parse, ...(options.header === undefined ? {} : { header: options.header }) },
    );
    return typed ? withTypedNumbers(rows) : rows;
  },
  save: (value, options) => {
    const data = requireTable(value, 'csv');
    requireFlatCells(data, 'csv');
    return toCSV(data, options);
  },
  options: [...new Set([...LOAD_OPTIONS, 'format', 'columns'])],
};

/** A pipeline stage that passes rows on, failing on a row whose cell count differs from the first row's. */
function rowShapeCheck(): Transformer<string[][], string[][]> {
  let width = -1;
  let line = 0;
  return {
    start() {},
    flush() {},
    transform(rows, controller) {
      for (const row of rows) {
        line++;
        if (width < 0) width = row.length;
        else if (row.length !== width && !(row.length === 1 && row[0] === ''))
          throw new Error(`malformed CSV: row ${line} has ${row.length} cells where the header row has ${width}`);
      }
      const last = rows[rows.length - 1];
      // A closing quote never reached: arquero keeps the opening quote and the rest of the file in one cell.
      if (last?.some((cell) => cell.startsWith('"') && /[\n\r]/.test(cell)))
        throw new Error('malformed CSV: a quoted cell is never closed (an opening " without its closing ")');
      controller.enqueue(rows);
    },
  };
}

/** Columns of numbers without gaps become Float64Array, what numeric nodes take. */
function withTypedNumbers(rows: ColumnTable): ColumnTable {
  const names = rows.columnNames();
  const columns: Record<string, unknown> = {};
  for (const name of names) {
    const column = rows.column(name) as unknown as unknown[];
    columns[name] = (column.length > 0 && numbersOf(column)) || column;
  }
  return table(columns, names);
}

/**
 * The column as a Float64Array, or undefined at its first value that is not a number. One pass that
 * checks and copies: a check with every() and then Float64Array.from() took twice as long.
 */
function numbersOf(column: readonly unknown[]): Float64Array | undefined {
  if (typeof column[0] !== 'number') return undefined;
  const numbers = new Float64Array(column.length);
  for (let i = 0; i < column.length; i++) {
    const value = column[i];
    if (typeof value !== 'number') return undefined;
    numbers[i] = value;
  }
  return numbers;
}
