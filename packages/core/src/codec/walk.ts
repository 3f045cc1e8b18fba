// The walk that packForTransfer and encodeValue share: what each thing met in a value is, and how
// containers are rebuilt with the path to a failure recorded on the way out. The two codecs differ only
// in what they make of each kind, so which values can travel is decided here, once.
import type { ColumnTable } from 'arquero';
import { isError, isPlainObject, LEAF_TAGS, MAX_DEPTH, tagOf } from './kinds.js';
import { codecMessages as text } from './messages.js';
import { entrySegment, keySegment, PackFailure, SET_ITEM_SEGMENT } from './pack-failure.js';
import { type EncodedTable, encodeTable, isTable } from './table-codec.js';

/**
 * What the walk meets: `primitive` (null, undefined, boolean, number, bigint, string); `callable` (a
 * function or symbol, which cannot travel); a typed array, Buffer or DataView (`view`); an arquero `table`;
 * an `arrayBuffer`; a `leaf` (a built-in of LEAF_TAGS, holding no other values); a container (`array`,
 * `map`, `set`, `record` for plain objects, `error`); an `instance` of any other class; `deep` for a
 * container met MAX_DEPTH containers down, nested too deep or part of a cycle.
 */
export type ValueKind =
  | 'primitive'
  | 'callable'
  | 'view'
  | 'table'
  | 'arrayBuffer'
  | 'leaf'
  | 'deep'
  | 'array'
  | 'map'
  | 'set'
  | 'error'
  | 'record'
  | 'instance';

/**
 * The kind of `value`, met `depth` containers below the root.
 *
 * @example
 * kindOf(new Map(), 0);     // 'map'
 * kindOf(new Map(), 1000);  // 'deep'
 */
export function kindOf(value: unknown, depth: number): ValueKind {
  if (value === null) return 'primitive';
  const type = typeof value;
  if (type === 'function' || type === 'symbol') return 'callable';
  if (type !== 'object') return 'primitive';
  const object = value as object;
  if (ArrayBuffer.isView(object)) return 'view';
  if (isTable(object)) return 'table';
  const tag = tagOf(object);
  if (tag === '[object ArrayBuffer]') return 'arrayBuffer';
  if (LEAF_TAGS.has(tag)) return 'leaf';
  if (depth >= MAX_DEPTH) return 'deep';
  if (Array.isArray(object)) return 'array';
  if (tag === '[object Map]') return 'map';
  if (tag === '[object Set]') return 'set';
  if (isError(object)) return 'error';
  return isPlainObject(object) ? 'record' : 'instance';
}

/** The class name of an `instance`, for messages. */
export function classNameOf(object: object): string {
  return (object.constructor as { name?: string } | undefined)?.name || 'an anonymous class';
}

/** The table as Arrow IPC, or a failure naming where it is when arquero cannot write it. */
export function tableToArrow(value: ColumnTable): EncodedTable {
  try {
    return encodeTable(value);
  } catch (error) {
    throw new PackFailure((where) => text.tableEncoding(where, error instanceof Error ? error.message : String(error)));
  }
}

/**
 * The items through `convert`; the array itself when nothing changed (`Object.is`), else a copy. A failure
 * gets the item's `[i]` on its path. Holes of a sparse array are read as `undefined`.
 *
 * @example
 * convertItems([1, new Date(0)], (item) => (item instanceof Date ? item.getTime() : item)); // [1, 0], a copy
 */
export function convertItems(items: readonly unknown[], convert: (item: unknown) => unknown): readonly unknown[] {
  let copy: unknown[] | undefined;
  let i = 0;
  try {
    for (; i < items.length; i++) {
      const item = items[i];
      const converted = convert(item);
      if (Object.is(converted, item)) continue;
      copy ??= items.slice();
      copy[i] = converted;
    }
  } catch (error) {
    throw PackFailure.at(error, `[${i}]`);
  }
  return copy ?? items;
}

/**
 * The own enumerable string-keyed fields through `convert`; the record itself when nothing changed, else a
 * copy. A failure gets the field's `.key` on its path.
 *
 * @example
 * convertFields({ a: 1 }, (item) => item); // the same object
 */
export function convertFields(record: Record<string, unknown>, convert: (item: unknown) => unknown): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  let key = '';
  try {
    for (key of Object.keys(record)) {
      const item = record[key];
      const converted = convert(item);
      if (Object.is(converted, item)) continue;
      copy ??= { ...record };
      copy[key] = converted;
    }
  } catch (error) {
    throw PackFailure.at(error, keySegment(key));
  }
  return copy ?? record;
}

/** A Map's keys and values through `convert`, as entries, and whether any of them changed. */
export function convertEntries(
  map: ReadonlyMap<unknown, unknown>,
  convert: (item: unknown) => unknown,
): { entries: Array<[unknown, unknown]>; changed: boolean } {
  const entries: Array<[unknown, unknown]> = [];
  let changed = false;
  for (const [key, item] of map) {
    let convertedKey: unknown;
    let convertedItem: unknown;
    try {
      convertedKey = convert(key);
      convertedItem = convert(item);
    } catch (error) {
      throw PackFailure.at(error, entrySegment(key));
    }
    changed ||= !Object.is(convertedKey, key) || !Object.is(convertedItem, item);
    entries.push([convertedKey, convertedItem]);
  }
  return { entries, changed };
}

/** A Set's items through `convert`, and whether any of them changed. */
export function convertSetItems(set: ReadonlySet<unknown>, convert: (item: unknown) => unknown): { items: unknown[]; changed: boolean } {
  const items: unknown[] = [];
  let changed = false;
  for (const item of set) {
    let converted: unknown;
    try {
      converted = convert(item);
    } catch (error) {
      throw PackFailure.at(error, SET_ITEM_SEGMENT);
    }
    changed ||= !Object.is(converted, item);
    items.push(converted);
  }
  return { items, changed };
}

/** The failure for a `deep` container that is not part of a detected cycle. */
export const tooDeep = (): PackFailure => new PackFailure((where) => text.tooDeep(where, MAX_DEPTH));
