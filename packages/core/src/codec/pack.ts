import { serializeError } from './error-codec.js';
import { CODEC_KEY, isError, isNodeBuffer, isPlainObject, LEAF_TAGS, MAX_DEPTH, tagOf } from './kinds.js';
import { codecMessages as text } from './messages.js';
import { keySegment, PackFailure } from './pack-failure.js';
import { encodeTable, isTable } from './table-codec.js';

/** A value ready for `postMessage(payload, transfer)`. */
export interface Packed {
  /** Structured-cloneable: tables, Buffers and errors replaced by plain encodings. */
  readonly payload: unknown;
  /** Buffers to move rather than copy: the bytes of encoded tables, and those `transfer` accepted. */
  readonly transfer: ArrayBuffer[];
}

/** Options of `packForTransfer`. */
export interface PackOptions {
  /**
   * Whether a buffer met in the value may be moved (detached here) instead of copied; `view` is the
   * typed array or Buffer it was met through, if any. Default: never.
   */
  readonly transfer?: (buffer: ArrayBuffer, view: ArrayBufferView | undefined) => boolean;
  /** How error messages name the value, e.g. `argument "spend" of node "score"` (default `the value`). */
  readonly name?: string;
}

const NEVER = (): boolean => false;

/**
 * Turns a value into a payload that structured clone copies faithfully to another thread or process,
 * with the list of buffers to move. arquero tables become Arrow IPC bytes (always moved: they are a fresh
 * copy), Node Buffers and errors a plain encoding; typed arrays, Dates, Maps, Sets, plain objects and
 * arrays stay as they are (containers are copied only when something inside them was encoded). Functions,
 * symbols and class instances, which would arrive broken, throw a `HamiltonError` naming where they are.
 *
 * @example
 * const { payload, transfer } = packForTransfer({ scores: table, spend: new Float64Array(n) });
 * worker.postMessage(payload, transfer);                    // and there: unpackTransferred(payload)
 */
export function packForTransfer(value: unknown, options: PackOptions = {}): Packed {
  const packer = new Packer(options.transfer ?? NEVER);
  try {
    return { payload: packer.pack(value, 0), transfer: packer.transfer };
  } catch (error) {
    if (error instanceof PackFailure) throw error.toError(options.name ?? 'the value');
    throw error;
  }
}

class Packer {
  readonly transfer: ArrayBuffer[] = [];
  private readonly offered = new Set<ArrayBuffer>();

  constructor(private readonly mayMove: (buffer: ArrayBuffer, view: ArrayBufferView | undefined) => boolean) {}

  pack(value: unknown, depth: number): unknown {
    if (value === null) return value;
    const type = typeof value;
    if (type === 'function' || type === 'symbol') throw new PackFailure((where) => text.cannotTravel(where, value));
    if (type !== 'object') return value;
    const object = value as object;
    if (ArrayBuffer.isView(object)) return this.view(object);
    if (isTable(object)) return this.table(object);
    const tag = tagOf(object);
    if (tag === '[object ArrayBuffer]') {
      this.offer(object as ArrayBuffer, undefined);
      return object;
    }
    if (LEAF_TAGS.has(tag)) return object;
    if (depth >= MAX_DEPTH) throw new PackFailure((where) => text.tooDeep(where, MAX_DEPTH));
    if (Array.isArray(object)) return this.array(object, depth + 1);
    if (tag === '[object Map]') return this.map(object as Map<unknown, unknown>, depth + 1);
    if (tag === '[object Set]') return this.set(object as Set<unknown>, depth + 1);
    if (isError(object)) return { [CODEC_KEY]: 'error', error: serializeError(object) };
    if (isPlainObject(object)) return this.record(object as Record<string, unknown>, depth + 1);
    const className = (object.constructor as { name?: string } | undefined)?.name || 'an anonymous class';
    throw new PackFailure((where) => text.classInstance(where, className));
  }

  private view(view: ArrayBufferView): unknown {
    this.offer(view.buffer as ArrayBuffer, view);
    if (!isNodeBuffer(view)) return view;
    return { [CODEC_KEY]: 'buffer', bytes: new Uint8Array(view.buffer, view.byteOffset, view.byteLength) };
  }

  private table(value: Parameters<typeof encodeTable>[0]): unknown {
    let encoded: ReturnType<typeof encodeTable>;
    try {
      encoded = encodeTable(value);
    } catch (error) {
      throw new PackFailure((where) => text.tableEncoding(where, error instanceof Error ? error.message : String(error)));
    }
    const buffer = encoded.bytes.buffer as ArrayBuffer;
    if (!this.offered.has(buffer)) {
      this.offered.add(buffer);
      this.transfer.push(buffer);
    }
    return encoded;
  }

  /** Shared buffers are never moved, and each buffer is listed once (a repeated entry fails postMessage). */
  private offer(buffer: ArrayBuffer, view: ArrayBufferView | undefined): void {
    if (this.offered.has(buffer) || tagOf(buffer) !== '[object ArrayBuffer]') return;
    this.offered.add(buffer);
    if (this.mayMove(buffer, view)) this.transfer.push(buffer);
  }

  private array(items: readonly unknown[], depth: number): unknown {
    let copy: unknown[] | undefined;
    let i = 0;
    try {
      for (; i < items.length; i++) {
        const item = items[i];
        if (item === null || (typeof item !== 'object' && typeof item !== 'function' && typeof item !== 'symbol')) continue;
        const packed = this.pack(item, depth);
        if (packed === item) continue;
        copy ??= items.slice();
        copy[i] = packed;
      }
    } catch (error) {
      throw PackFailure.at(error, `[${i}]`);
    }
    return copy ?? items;
  }

  private record(record: Record<string, unknown>, depth: number): unknown {
    let copy: Record<string, unknown> | undefined;
    let key = '';
    try {
      for (key of Object.keys(record)) {
        const item = record[key];
        const packed = this.pack(item, depth);
        if (packed === item) continue;
        copy ??= { ...record };
        copy[key] = packed;
      }
    } catch (error) {
      throw PackFailure.at(error, keySegment(key));
    }
    // A user's own object that happens to use the codec's key is wrapped, so it is not read as an encoding.
    if (Object.hasOwn(record, CODEC_KEY)) return { [CODEC_KEY]: 'record', record: copy ?? record };
    return copy ?? record;
  }

  private map(map: Map<unknown, unknown>, depth: number): unknown {
    const entries: Array<[unknown, unknown]> = [];
    let changed = false;
    for (const [key, item] of map) {
      let packedKey: unknown;
      let packedItem: unknown;
      try {
        packedKey = this.pack(key, depth);
        packedItem = this.pack(item, depth);
      } catch (error) {
        throw PackFailure.at(error, `.get(${typeof key === 'string' ? JSON.stringify(key) : String(key)})`);
      }
      changed ||= packedKey !== key || packedItem !== item;
      entries.push([packedKey, packedItem]);
    }
    return changed ? new Map(entries) : map;
  }

  private set(set: Set<unknown>, depth: number): unknown {
    const items: unknown[] = [];
    let changed = false;
    for (const item of set) {
      let packed: unknown;
      try {
        packed = this.pack(item, depth);
      } catch (error) {
        throw PackFailure.at(error, ' (an item of a Set)');
      }
      changed ||= packed !== item;
      items.push(packed);
    }
    return changed ? new Set(items) : set;
  }
}
