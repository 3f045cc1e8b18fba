// How `hamilton-ts execute` writes the values of a run: JSON for programs, text cells for people.
import { cellText, formatTextTable } from '../text-table.js';

/** What execute reads from the arquero table the driver builds (a structural view: arquero is not a dependency of this package). */
export interface OutputTable {
  columnNames(): string[];
  numRows(): number;
  get(column: string, row?: number): unknown;
  toCSV(options?: { limit?: number }): string;
}

/**
 * The outputs as one JSON object: typed arrays, Sets and iterables of a run become arrays, Maps objects,
 * bigints numbers (strings beyond 2^53), arquero tables arrays of row objects, Dates ISO strings.
 *
 * @example
 * outputsJson({ spend: new Float64Array([1, 2]), total: 3 }); // '{"spend":[1,2],"total":3}'
 */
export function outputsJson(outputs: Readonly<Record<string, unknown>>): string {
  // `this[key]` is the value before its own toJSON ran: an arquero table's writes a string of JSON.
  return JSON.stringify(outputs, function (this: Record<string, unknown>, key: string, value: unknown) {
    const original = this[key];
    return original !== null && typeof original === 'object' && isTable(original) ? original.objects() : jsonValue(value);
  });
}

function jsonValue(value: unknown): unknown {
  if (typeof value === 'bigint') return bigintJson(value);
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value) && !(value instanceof DataView))
    return Array.from(value as unknown as ArrayLike<number | bigint>, (v) => (typeof v === 'bigint' ? bigintJson(v) : v));
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}

function bigintJson(value: bigint): number | string {
  return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
}

function isTable(value: object): value is { objects(): object[] } {
  const table = value as { objects?: unknown; columnNames?: unknown };
  return typeof table.objects === 'function' && typeof table.columnNames === 'function';
}

/** The table as aligned text, its first `limit` rows (all without one), numeric columns aligned right. */
export function tableText(table: OutputTable, limit?: number): string {
  const rows = Math.min(table.numRows(), limit ?? Number.POSITIVE_INFINITY);
  const columns = table.columnNames().map((header) => {
    const values = Array.from({ length: rows }, (_, row) => table.get(header, row));
    const numeric = values.some((v) => typeof v === 'number' || typeof v === 'bigint');
    return { header, cells: values.map(cellText), align: numeric ? ('right' as const) : ('left' as const) };
  });
  const more = table.numRows() - rows;
  return (
    formatTextTable(columns) +
    (more > 0 ? `… ${more} more row${more === 1 ? '' : 's'} (--limit ${limit}); drop --limit to print all ${table.numRows()}\n` : '')
  );
}
