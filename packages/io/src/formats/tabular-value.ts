import { type ColumnTable, ColumnTable as Table } from 'arquero';

/** The value as a table, or an error saying the format writes tables and what it was given instead. */
export function requireTable(value: unknown, format: string): ColumnTable {
  if (value instanceof Table) return value;
  throw new Error(
    `${format} writes arquero tables, and was given ${describe(value)}; combine the dependencies into a table (the default combine) or use the json format`,
  );
}

/**
 * Checks that every cell can be written as text: numbers, strings, booleans, Dates, bigints and nulls.
 * An object or a function would be written as "[object Object]"; an error names the column instead.
 */
export function requireFlatCells(value: ColumnTable, format: string): void {
  for (const name of value.columnNames()) {
    const column = value.column(name) as unknown as ArrayLike<unknown>;
    if (ArrayBuffer.isView(column)) continue;
    for (let i = 0; i < column.length; i++) {
      const cell = column[i];
      if (cell === null || cell === undefined || cell instanceof Date) continue;
      const type = typeof cell;
      if (type === 'object' || type === 'function' || type === 'symbol')
        throw new Error(
          `${format} cannot write column "${name}": row ${i} holds ${describe(cell)}; give columns of numbers, strings, booleans or Dates, or save it as json`,
        );
    }
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return `an object (${value.constructor?.name ?? 'Object'})`;
  if (typeof value === 'function') return `a function (${value.name || 'anonymous'})`;
  return `${typeof value} ${String(value).slice(0, 40)}`;
}
