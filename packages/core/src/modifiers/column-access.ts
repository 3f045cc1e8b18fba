import { messages } from '../errors/messages.js';
import { hasKey } from './extracted-node.js';

/** The parts of an arquero table that extraction uses (duck-typed: core does not import arquero). */
export interface TableLike {
  columnNames(): string[];
  column(name: string): unknown;
  numRows(): number;
  isFiltered?(): boolean;
  isOrdered?(): boolean;
  array?(name: string, arrayType?: Function): unknown;
  rename?(names: Record<string, string>): unknown;
}

/** A value to put in place of a missing column, when one was given. */
export type Fill = { readonly value: unknown } | undefined;

export function isTableLike(value: unknown): value is TableLike {
  const t = value as Partial<TableLike> | null;
  return typeof t?.columnNames === 'function' && typeof t.column === 'function' && typeof t.numRows === 'function';
}

const isColumnArray = (x: unknown): boolean => Array.isArray(x) || (ArrayBuffer.isView(x) && !(x instanceof DataView));

/**
 * One column of a table or of a record of columns. A plain table's array or typed array is returned
 * as is (zero-copy); a filtered or ordered table's column is materialized in the same array type.
 * A missing column is filled when `fill` is given, and otherwise throws an error naming it and the
 * columns that exist.
 */
export function readColumn(node: string, value: unknown, column: string, fill: Fill): unknown {
  if (isTableLike(value)) {
    const data = value.column(column);
    if (data === undefined) return missing(node, column, value.columnNames(), () => value.numRows(), fill);
    if ((isColumnArray(data) && !value.isFiltered?.() && !value.isOrdered?.()) || !value.array) return data;
    return value.array(column, ArrayBuffer.isView(data) ? (data.constructor as Function) : Array);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(messages.notColumnar(node, value));
  const record = value as Record<string, unknown>;
  if (hasKey(record, column)) return record[column];
  return missing(node, column, Object.keys(record), () => lengthOfRecord(record), fill);
}

function missing(node: string, column: string, present: string[], length: () => number, fill: Fill): unknown[] {
  if (!fill) throw new Error(messages.missingColumn(node, column, present));
  return new Array(length()).fill(fill.value);
}

/** The length of a record's columns: that of its first array-like column (0 when it has none). */
function lengthOfRecord(record: Record<string, unknown>): number {
  for (const key in record) {
    const length = (record[key] as { length?: unknown } | null)?.length;
    if (typeof length === 'number') return length;
  }
  return 0;
}
