// Arquero tables to Arrow IPC and back, as the arrow and parquet formats (and SQL through Parquet) store them.
import { float64 } from '@uwdata/flechette';
import { type ColumnTable, fromArrow, table, toArrowIPC } from 'arquero';

/**
 * The table as Arrow IPC (`stream` or `file` format). Typed-array columns keep their Arrow types; a
 * plain array of numbers is written as float64, what a JavaScript number is (arquero alone would infer
 * the narrowest integer type that fits, and a later value out of that range would not).
 */
export function tableToIpc(value: ColumnTable, format: 'stream' | 'file'): Uint8Array {
  const types: Record<string, ReturnType<typeof float64>> = {};
  for (const name of value.columnNames()) if (isNumberArray(value.column(name))) types[name] = float64();
  return toArrowIPC(value, { format, types });
}

/**
 * The table in Arrow IPC bytes (either format), its columns as JavaScript arrays: numbers without nulls
 * as typed arrays (Float64Array for float64, Int32Array for int32...), timestamps and dates as Dates.
 */
export function ipcToTable(bytes: Uint8Array): ColumnTable {
  const arrow = fromArrow(bytes, { useDate: true });
  const names = arrow.columnNames();
  const columns: Record<string, unknown> = {};
  for (const name of names) columns[name] = (arrow.column(name) as unknown as { toArray(): unknown }).toArray();
  return table(columns, names);
}

function isNumberArray(column: unknown): boolean {
  if (!Array.isArray(column)) return false;
  let numbers = 0;
  for (const value of column) {
    if (typeof value === 'number') numbers++;
    else if (value !== null && value !== undefined) return false;
  }
  return numbers > 0;
}
