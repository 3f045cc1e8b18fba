import { ColumnTable, fromArrow, table } from 'arquero';
import { CODEC_KEY } from './kinds.js';

/** An arquero table as it travels: Arrow IPC bytes, and which columns were typed arrays (by constructor name). */
export interface EncodedTable {
  readonly [CODEC_KEY]: 'table';
  readonly bytes: Uint8Array;
  readonly typed: Readonly<Record<string, string>>;
}

/** True for arquero tables. */
export function isTable(value: unknown): value is ColumnTable {
  return value instanceof ColumnTable;
}

/** The table as Arrow IPC bytes (a fresh buffer, safe to transfer). Grouping and ordering metadata are not kept. */
export function encodeTable(value: ColumnTable): EncodedTable {
  const typed: Record<string, string> = {};
  for (const name of value.columnNames()) {
    const column: unknown = value.column(name);
    if (ArrayBuffer.isView(column) && !(column instanceof DataView)) typed[name] = column.constructor.name;
  }
  return { [CODEC_KEY]: 'table', bytes: value.toArrowIPC(), typed };
}

/**
 * The table back from its bytes. Typed-array columns come back as the same typed arrays (views over the
 * bytes, no copy); other columns as plain arrays, as they were: Arrow would otherwise narrow `[1, 2, 3]`
 * to an `Int8Array`, where arithmetic silently wraps.
 */
export function decodeTable(encoded: EncodedTable): ColumnTable {
  const bytes: ArrayBufferView = encoded.bytes;
  // A message deserialized in another realm holds that realm's Uint8Array, which arquero does not recognise.
  const local = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const arrow = fromArrow(local, { useBigInt: true });
  const names = arrow.columnNames();
  const columns: Record<string, unknown> = {};
  for (const name of names) {
    const values = (arrow.column(name) as unknown as { toArray(): ArrayLike<unknown> }).toArray();
    columns[name] = restoreColumn(values, encoded.typed[name]);
  }
  return table(columns, names);
}

type TypedArrayConstructor = new (values: ArrayLike<unknown>) => ArrayLike<unknown>;

function restoreColumn(values: ArrayLike<unknown>, typedName: string | undefined): ArrayLike<unknown> {
  if (typedName === undefined) return Array.isArray(values) ? values : Array.from(values);
  if (values.constructor.name === typedName) return values;
  const Typed = (globalThis as unknown as Record<string, TypedArrayConstructor | undefined>)[typedName];
  return Typed ? new Typed(values) : values;
}
