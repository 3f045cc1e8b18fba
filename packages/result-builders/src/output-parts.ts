import { ColumnTable } from 'arquero';

/** Values of one column: an array, a typed array, or a column of another arquero table. */
export type ColumnValues = NonNullable<ReturnType<ColumnTable['column']>>;

/** A column an output contributes, under the name it gets in the result table. */
export interface NamedColumn {
  readonly name: string;
  readonly values: ColumnValues;
}

/**
 * What one output contributes to the result table: columns of a known length, or a scalar that
 * takes whatever length the columns have. `lengths` labels each length the way errors report it.
 */
export type OutputPart =
  | {
      readonly kind: 'columns';
      readonly output: string;
      readonly columns: readonly NamedColumn[];
      readonly lengths: ReadonlyArray<readonly [label: string, length: number]>;
    }
  | { readonly kind: 'scalar'; readonly output: string; readonly value: unknown };

/** Only arrays and typed arrays are columns; other iterables (Set, Map, strings) are scalars. */
export function isColumn(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * A non-empty plain object whose every value is a column, e.g. `{ low: [..], high: [..] }`.
 * Its columns may differ in length: that is reported as an error rather than silently making the
 * whole object a scalar.
 */
export function isColumnRecord(value: unknown): value is Record<string, ArrayLike<unknown>> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const values = Object.values(value);
  return values.length > 0 && values.every(isColumn);
}

/** Classifies one output and names the columns it contributes. */
export function toOutputPart(output: string, value: unknown): OutputPart {
  if (value instanceof ColumnTable) return tableToPart(output, value);
  if (isColumn(value)) {
    return { kind: 'columns', output, columns: [{ name: output, values: asColumn(value) }], lengths: [[output, value.length]] };
  }
  if (isColumnRecord(value)) {
    const columns = Object.entries(value).map(([key, values]) => ({ name: `${output}.${key}`, values: asColumn(values) }));
    return { kind: 'columns', output, columns, lengths: columns.map((c) => [c.name, c.values.length] as const) };
  }
  return { kind: 'scalar', output, value };
}

function tableToPart(output: string, table: ColumnTable): OutputPart {
  // A filtered or ordered table's backing columns hold rows it hides or reorders, so only those
  // are materialized; otherwise the backing columns are reused without copying.
  const materialize = table.isFiltered() || table.isOrdered();
  const columns = table.columnNames().map((name) => ({
    name: `${output}.${name}`,
    values: (materialize ? table.array(name) : table.column(name)) as ColumnValues,
  }));
  // A table without columns contributes nothing, so its (zero) row count constrains nothing.
  const lengths = columns.length > 0 ? [[output, table.numRows()] as const] : [];
  return { kind: 'columns', output, columns, lengths };
}

// Arrays and typed arrays both meet arquero's column interface (length, at, iterator).
const asColumn = (values: ArrayLike<unknown>): ColumnValues => values as unknown as ColumnValues;
