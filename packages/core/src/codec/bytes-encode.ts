import type { ColumnTable } from 'arquero';
import { HOST_IS_LITTLE_ENDIAN, swapBytes, TAG, type TaggedNode, writeLayout } from './bytes-format.js';
import { type SerializedError, serializeError } from './error-codec.js';
import { isNodeBuffer, tagOf } from './kinds.js';
import { codecMessages as text } from './messages.js';
import { PackFailure } from './pack-failure.js';
import { classNameOf, convertEntries, convertFields, convertItems, convertSetItems, kindOf, tableToArrow, tooDeep } from './walk.js';

/** Options of `encodeValue`. */
export interface EncodeOptions {
  /** How error messages name the value, e.g. `argument "spend" of node "score"` (default `the value`). */
  readonly name?: string;
}

/**
 * Encodes a value into self-describing bytes that `decodeValue` turns back into an equal value, in any
 * Node process (not tied to the V8 version, unlike `node:v8` serialize). The bytes are a Node Buffer;
 * a small one is a slice of Node's shared pool, as `Buffer.from`'s are (mind `byteOffset`).
 *
 * JSON values stay JSON; typed arrays, Buffers, ArrayBuffers and DataViews travel as raw bytes (no
 * per-element work), arquero tables as Arrow IPC; Dates (invalid ones too), RegExps, Maps, Sets, bigints,
 * `undefined`, NaN, ±Infinity, -0 and errors (core error classes come back as themselves) are kept.
 * Holes of sparse arrays come back as `undefined`, and an object met twice comes back as two copies.
 * Functions, symbols, class instances and cycles throw a `HamiltonError` naming where they are.
 *
 * @example
 * await redis.set(key, encodeValue(result, { name: `result of node "${node}"` }));
 * const back = decodeValue(await redis.getBuffer(key));
 */
export function encodeValue(value: unknown, options: EncodeOptions = {}): Uint8Array {
  const { json, blobs } = encodeParts(value, options);
  return writeLayout(json, blobs);
}

/**
 * The value as a JSON document that `decodeJson` turns back into an equal value, or `undefined` when it
 * holds bytes (typed arrays, Buffers, tables), which JSON cannot hold: use `encodeValue` for those.
 * Dates, Maps, Sets, bigints, NaN and the like are kept as tagged objects. Throws as `encodeValue` does.
 *
 * @example
 * const text = encodeJson({ when: new Date(0), counts: new Map([['a', 1]]) }); // a string of JSON
 */
export function encodeJson(value: unknown, options: EncodeOptions = {}): string | undefined {
  const { json, blobs } = encodeParts(value, options);
  return blobs.length ? undefined : json;
}

/**
 * One walk of a value: its JSON document and the bytes (views, tables) the document refers to by index.
 * `writeLayout(json, blobs)` makes `encodeValue`'s bytes of them; without blobs, `json` is `encodeJson`'s text.
 */
export function encodeParts(value: unknown, options: EncodeOptions = {}): { json: string; blobs: readonly Uint8Array[] } {
  const encoder = new Encoder();
  let document: unknown;
  try {
    document = encoder.encode(value, 0);
  } catch (error) {
    if (error instanceof PackFailure) throw error.toError(options.name ?? 'the value');
    throw error;
  }
  return { json: JSON.stringify(document), blobs: encoder.blobs };
}

const UNDEFINED: TaggedNode = { $: 'undefined' };
/** A field of an error that cannot be encoded is left out, as `serializeError` leaves out what cannot be cloned. */
const DROPPED = Symbol('dropped');

/** Walks a value into its JSON document, collecting the bytes of views and tables as blobs (not copied yet). */
class Encoder {
  readonly blobs: Uint8Array[] = [];
  /** The containers on the path to the value being encoded, by depth: a container met again is a cycle. */
  private readonly path: object[] = [];

  encode(value: unknown, depth: number): unknown {
    switch (kindOf(value, depth)) {
      case 'primitive':
        return primitive(value);
      case 'callable':
        throw new PackFailure((where) => text.cannotEncode(where, value));
      case 'view':
        return this.view(value as ArrayBufferView);
      case 'table': {
        const { bytes, typed } = tableToArrow(value as ColumnTable);
        return { $: 'table', b: this.blob(bytes), typed };
      }
      case 'arrayBuffer':
        return { $: 'arraybuffer', b: this.blob(new Uint8Array(value as ArrayBuffer)) };
      case 'leaf':
        return this.leaf(value as object);
      case 'deep':
        throw tooDeep();
      case 'instance': {
        const className = classNameOf(value as object);
        throw new PackFailure((where) => text.classInstanceBytes(where, className));
      }
      case 'array':
        return convertItems(value as unknown[], this.enter(value as object, depth));
      case 'map':
        return { $: 'map', v: convertEntries(value as Map<unknown, unknown>, this.enter(value as object, depth)).entries };
      case 'set':
        return { $: 'set', v: convertSetItems(value as Set<unknown>, this.enter(value as object, depth)).items };
      case 'record': {
        const fields = convertFields(value as Record<string, unknown>, this.enter(value as object, depth));
        // A user's object with the tag key is wrapped, so its fields are not read as a tagged node.
        return Object.hasOwn(value as object, TAG) ? { $: 'object', v: fields } : fields;
      }
      case 'error':
        this.enter(value as object, depth);
        return { $: 'error', v: this.error(serializeError(value), depth + 1) };
    }
  }

  /** Puts a container on the path, unless it is already there (a cycle), and returns how to encode its items. */
  private enter(container: object, depth: number): (item: unknown) => unknown {
    for (let level = 0; level < depth; level++)
      if (this.path[level] === container) throw new PackFailure((where, at) => text.cycle(where, at(level)));
    this.path[depth] = container;
    return (item) => this.encode(item, depth + 1);
  }

  private view(view: ArrayBufferView): TaggedNode {
    const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    if (isNodeBuffer(view)) return { $: 'buffer', b: this.blob(bytes) };
    const type = tagOf(view).slice(8, -1);
    if (type === 'DataView') return { $: 'dataview', b: this.blob(bytes) };
    return { $: 'typed', type, b: this.blob(bytes, (view as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT) };
  }

  private leaf(object: object): TaggedNode {
    switch (tagOf(object)) {
      case '[object Date]': {
        const time = Date.prototype.getTime.call(object);
        return { $: 'date', v: Number.isNaN(time) ? null : time };
      }
      case '[object RegExp]': {
        const { source, flags } = object as RegExp;
        return { $: 'regexp', source, flags };
      }
      case '[object Number]':
        return { $: 'boxed', v: primitive(Number.prototype.valueOf.call(object)) };
      case '[object String]':
        return { $: 'boxed', v: String.prototype.valueOf.call(object) };
      case '[object Boolean]':
        return { $: 'boxed', v: Boolean.prototype.valueOf.call(object) };
      case '[object BigInt]':
        return { $: 'boxed', v: primitive(BigInt.prototype.valueOf.call(object)) };
      default:
        // SharedArrayBuffer, the last of LEAF_TAGS: its contents, no longer shared once decoded.
        return { $: 'sharedarraybuffer', b: this.blob(new Uint8Array(object as SharedArrayBuffer)) };
    }
  }

  /** The index of a new blob; multi-byte elements are stored little-endian whatever the host. */
  private blob(bytes: Uint8Array, elementSize = 1): number {
    let stored = bytes;
    if (!HOST_IS_LITTLE_ENDIAN && elementSize > 1) {
      stored = bytes.slice();
      swapBytes(stored, elementSize);
    }
    return this.blobs.push(stored) - 1;
  }

  /** `serializeError`'s description with its fields, thrown value and causes encoded; fields that cannot be, dropped. */
  private error(serialized: SerializedError, depth: number): Record<string, unknown> {
    const { fields, cause, errors, thrown, ...plain } = serialized;
    const out: Record<string, unknown> = { ...plain };
    if (fields) {
      const encoded: Record<string, unknown> = {};
      for (const key of Object.keys(fields)) {
        const field = this.lenient(fields[key], depth);
        if (field !== DROPPED) encoded[key] = field;
      }
      out.fields = encoded;
    }
    if (cause) out.cause = this.error(cause, depth);
    if (errors) out.errors = errors.map((error) => this.error(error, depth));
    if ('thrown' in serialized) {
      const encoded = this.lenient(thrown, depth);
      out.thrown = encoded === DROPPED ? UNDEFINED : encoded;
    }
    return out;
  }

  private lenient(value: unknown, depth: number): unknown {
    const blobCount = this.blobs.length;
    try {
      return this.encode(value, depth);
    } catch (error) {
      if (!(error instanceof PackFailure)) throw error;
      this.blobs.length = blobCount;
      return DROPPED;
    }
  }
}

/** A primitive as JSON, or as a tagged node where JSON has no such value. */
function primitive(value: unknown): unknown {
  switch (typeof value) {
    case 'number':
      if (Number.isFinite(value) && !Object.is(value, -0)) return value;
      return { $: 'number', v: Object.is(value, -0) ? '-0' : String(value) };
    case 'bigint':
      return { $: 'bigint', v: value.toString() };
    case 'undefined':
      return UNDEFINED;
    default:
      return value;
  }
}
