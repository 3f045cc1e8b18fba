import { reviveError, type SerializedError } from './error-codec.js';
import { CODEC_KEY, isPlainObject, tagOf } from './kinds.js';
import { decodeTable, type EncodedTable } from './table-codec.js';

type ViewConstructor = new (buffer: ArrayBufferLike, byteOffset: number, length: number) => ArrayBufferView;

/**
 * The value `packForTransfer` packed, after structured clone: tables, Buffers and errors rebuilt, and
 * every container and typed array made with this realm's constructors (a message deserialized outside
 * a vm context, as under jest, holds the outer realm's `Map` and `Float64Array`; typed arrays are
 * re-wrapped, never copied).
 *
 * @example
 * worker.on('message', (payload) => use(unpackTransferred(payload)));
 */
export function unpackTransferred(payload: unknown): unknown {
  return unpack(payload);
}

function unpack(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ArrayBuffer.isView(value)) return localView(value);
  const tag = tagOf(value);
  if (Array.isArray(value)) return unpackArray(value);
  if (tag === '[object Map]') return unpackMap(value as Map<unknown, unknown>);
  if (tag === '[object Set]') return unpackSet(value as Set<unknown>);
  if (tag === '[object Date]') return value instanceof Date ? value : new Date((value as Date).getTime());
  if (tag === '[object RegExp]') return value instanceof RegExp ? value : new RegExp((value as RegExp).source, (value as RegExp).flags);
  if (tag === '[object Object]' && isPlainObject(value)) return unpackRecord(value as Record<string, unknown>);
  return value;
}

function unpackRecord(record: Record<string, unknown>): unknown {
  if (Object.hasOwn(record, CODEC_KEY)) return decode(record);
  const local = Object.getPrototypeOf(record) === Object.prototype;
  let copy: Record<string, unknown> | undefined = local ? undefined : {};
  for (const key of Object.keys(record)) {
    const item = record[key];
    const unpacked = unpack(item);
    if (copy) copy[key] = unpacked;
    else if (unpacked !== item) {
      copy = { ...record };
      copy[key] = unpacked;
    }
  }
  return copy ?? record;
}

function decode(encoded: Record<string, unknown>): unknown {
  switch (encoded[CODEC_KEY]) {
    case 'table':
      return decodeTable(encoded as unknown as EncodedTable);
    case 'buffer': {
      const bytes = encoded.bytes as Uint8Array;
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    }
    case 'error':
      return reviveError(encoded.error as SerializedError);
    case 'record': {
      const inner = encoded.record as Record<string, unknown>;
      const copy: Record<string, unknown> = {};
      for (const key of Object.keys(inner)) copy[key] = unpack(inner[key]);
      return copy;
    }
    default:
      return encoded;
  }
}

function unpackArray(items: readonly unknown[]): unknown {
  // biome-ignore lint/suspicious/useIsArray: the realm is the question here; Array.isArray holds in every realm.
  const local = (items as object) instanceof Array;
  let copy: unknown[] | undefined = local ? undefined : new Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const unpacked = item === null || typeof item !== 'object' ? item : unpack(item);
    if (copy) copy[i] = unpacked;
    else if (unpacked !== item) {
      copy = items.slice();
      copy[i] = unpacked;
    }
  }
  return copy ?? items;
}

function unpackMap(map: Map<unknown, unknown>): unknown {
  let changed = !(map instanceof Map);
  const entries: Array<[unknown, unknown]> = [];
  for (const [key, item] of map) {
    const k = unpack(key);
    const v = unpack(item);
    changed ||= k !== key || v !== item;
    entries.push([k, v]);
  }
  return changed ? new Map(entries) : map;
}

function unpackSet(set: Set<unknown>): unknown {
  let changed = !(set instanceof Set);
  const items: unknown[] = [];
  for (const item of set) {
    const v = unpack(item);
    changed ||= v !== item;
    items.push(v);
  }
  return changed ? new Set(items) : set;
}

/** A typed array or DataView of this realm over the same memory. */
function localView(view: ArrayBufferView): ArrayBufferView {
  const name = view.constructor.name;
  const Local = (globalThis as unknown as Record<string, ViewConstructor | undefined>)[name];
  if (!Local || (view as object) instanceof Local) return view;
  const length = name === 'DataView' ? view.byteLength : (view as unknown as { length: number }).length;
  return new Local(view.buffer, view.byteOffset, length);
}
