/** The values a validator checks one by one, and how to label each for messages. */
export interface ElementGroup {
  /** Column name for a table column, '' otherwise. */
  readonly column: string;
  readonly values: ArrayLike<unknown>;
  /** True when the node's value was a single scalar (reported without an index). */
  readonly scalar: boolean;
}

/** The duck type of an arquero table (no dependency on arquero itself). */
export interface TableLike {
  columnNames(): string[];
  array(name: string): ArrayLike<unknown>;
  numRows(): number;
}

export function isTableLike(value: unknown): value is TableLike {
  const t = value as Partial<TableLike> | null;
  return (
    typeof t === 'object' &&
    t !== null &&
    typeof t.columnNames === 'function' &&
    typeof t.array === 'function' &&
    typeof t.numRows === 'function'
  );
}

/** Arrays and typed arrays (not DataView): values checked element by element. */
export function isListLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * Splits a value into the element groups element-wise validators check: an array or typed array is
 * one group, a table gives one group per column (all columns, or `columns`), anything else is a
 * scalar group of one. Returns a text instead when `columns` names a column the table lacks.
 */
export function elementGroups(value: unknown, columns?: readonly string[]): ElementGroup[] | string {
  if (isTableLike(value)) {
    const names = value.columnNames();
    const selected = columns ?? names;
    const missing = selected.filter((c) => !names.includes(c));
    if (missing.length) return `the table has no column ${missing.map((c) => `"${c}"`).join(', ')} (its columns: ${names.join(', ')})`;
    return selected.map((column) => ({ column, values: value.array(column), scalar: false }));
  }
  if (isListLike(value)) return [{ column: '', values: value, scalar: false }];
  return [{ column: '', values: [value], scalar: true }];
}

/** Missing values: NaN, null and undefined. */
export function isMissing(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === 'number' && Number.isNaN(x));
}
