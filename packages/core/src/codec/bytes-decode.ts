import { HamiltonError } from '@hamilton-ts/result-builders';
import { HOST_IS_LITTLE_ENDIAN, readLayout, swapBytes, TAG } from './bytes-format.js';
import { reviveError, type SerializedError } from './error-codec.js';
import { CODEC_KEY, TYPED_ARRAY_NAMES, tagOf, typedArrayType } from './kinds.js';
import { codecMessages as text } from './messages.js';
import { decodeTable } from './table-codec.js';

/**
 * The value `encodeValue` encoded, rebuilt in this process: typed arrays, Buffers, Maps, Sets, Dates,
 * tables and errors of this realm's classes, each typed array over its own, aligned ArrayBuffer.
 * Bytes that are not an encoding, of a newer format version, truncated or corrupted throw a
 * `HamiltonError` saying so.
 *
 * @example
 * const spend = decodeValue(await redis.getBuffer(key)) as Float64Array;
 */
export function decodeValue(bytes: Uint8Array): unknown {
  if (!ArrayBuffer.isView(bytes) || tagOf(bytes) !== '[object Uint8Array]') throw new HamiltonError(text.notBytes(bytes));
  // A Buffer may be a slice of a shared pool, and a Uint8Array may come from another realm: read the same memory as ours.
  const { json, blobs } = readLayout(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  try {
    return new Decoder(blobs).decode(JSON.parse(json));
  } catch (error) {
    // Only a document this code did not write (its checksum matched) can fail here, so any failure means corruption.
    if (error instanceof HamiltonError) throw error;
    throw new HamiltonError(text.corrupted(error instanceof Error ? error.message : String(error)));
  }
}

/**
 * The value `encodeJson` wrote. Text that is not JSON, or not a document `encodeJson` wrote, throws a
 * `HamiltonError` saying it is corrupted.
 *
 * @example
 * const value = decodeJson(readFileSync('result.json', 'utf8'));
 */
export function decodeJson(json: string): unknown {
  try {
    return new Decoder([]).decode(JSON.parse(json));
  } catch (error) {
    if (error instanceof HamiltonError) throw error;
    throw new HamiltonError(text.corrupted(error instanceof Error ? error.message : String(error)));
  }
}

const NUMBERS: Readonly<Record<string, number>> = {
  NaN: Number.NaN,
  Infinity: Number.POSITIVE_INFINITY,
  '-Infinity': Number.NEGATIVE_INFINITY,
  '-0': -0,
};

/** A document is JSON.parse's fresh output, so its arrays and objects are rebuilt in place. */
class Decoder {
  constructor(private readonly blobs: readonly Uint8Array[]) {}

  decode(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (Array.isArray(value)) return this.items(value);
    if (Object.hasOwn(value, TAG)) return this.node(value as Record<string, unknown>);
    return this.fields(value as Record<string, unknown>);
  }

  private items(items: unknown[]): unknown[] {
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (item !== null && typeof item === 'object') items[i] = this.decode(item);
    }
    return items;
  }

  private fields(record: Record<string, unknown>): Record<string, unknown> {
    // An own `__proto__` key (JSON.parse makes one) shadows the setter, so assigning to it stays a field.
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (item !== null && typeof item === 'object') record[key] = this.decode(item);
    }
    return record;
  }

  private node(node: Record<string, unknown>): unknown {
    const kind = node[TAG];
    switch (kind) {
      case 'undefined':
        return undefined;
      case 'number': {
        const number = NUMBERS[string(node.v)];
        if (number === undefined) throw corrupt(`a number node holds ${JSON.stringify(node.v)}`);
        return number;
      }
      case 'bigint':
        return BigInt(string(node.v));
      case 'date':
        return new Date(node.v === null ? Number.NaN : number(node.v));
      case 'regexp':
        return new RegExp(string(node.source), string(node.flags));
      case 'boxed': {
        const primitive = this.decode(node.v);
        if (!['number', 'string', 'boolean', 'bigint'].includes(typeof primitive)) throw corrupt('a boxed value that is not a primitive');
        return Object(primitive);
      }
      case 'typed':
        return this.typedArray(string(node.type), this.copy(node.b));
      case 'buffer': {
        const bytes = this.copy(node.b);
        return Buffer.from(bytes.buffer, 0, bytes.byteLength);
      }
      case 'arraybuffer':
        return this.copy(node.b).buffer;
      case 'sharedarraybuffer': {
        const blob = this.blob(node.b);
        const shared = new SharedArrayBuffer(blob.byteLength);
        new Uint8Array(shared).set(blob);
        return shared;
      }
      case 'dataview':
        return new DataView(this.copy(node.b).buffer);
      case 'map':
        return new Map(array(node.v).map((entry) => pair(this.items(array(entry)))));
      case 'set':
        return new Set(this.items(array(node.v)));
      case 'object':
        return this.fields(record(node.v));
      case 'table':
        return decodeTable({ [CODEC_KEY]: 'table', bytes: this.copy(node.b), typed: record(node.typed) as Record<string, string> });
      case 'error':
        return reviveError(this.error(record(node.v)));
      default:
        throw corrupt(`unknown node kind ${JSON.stringify(kind)}`);
    }
  }

  private typedArray(type: string, bytes: Uint8Array): ArrayBufferView {
    if (!TYPED_ARRAY_NAMES.has(type)) throw corrupt(`unknown typed array ${JSON.stringify(type)}`);
    const Typed = typedArrayType(type);
    if (!Typed) throw new HamiltonError(text.missingType(type));
    const size = Typed.BYTES_PER_ELEMENT;
    if (bytes.byteLength % size !== 0) throw corrupt(`a ${type} of ${bytes.byteLength} bytes`);
    if (!HOST_IS_LITTLE_ENDIAN) swapBytes(bytes, size);
    return new Typed(bytes.buffer as ArrayBuffer, 0, bytes.byteLength / size);
  }

  private error(encoded: Record<string, unknown>): SerializedError {
    const { fields, cause, errors, thrown, ...plain } = encoded;
    string(plain.name);
    string(plain.message);
    return {
      ...(plain as { name: string; message: string }),
      ...(fields !== undefined ? { fields: this.fields(record(fields)) } : {}),
      ...(cause !== undefined ? { cause: this.error(record(cause)) } : {}),
      ...(errors !== undefined ? { errors: array(errors).map((error) => this.error(record(error))) } : {}),
      ...(Object.hasOwn(encoded, 'thrown') ? { thrown: this.decode(thrown) } : {}),
    };
  }

  private blob(index: unknown): Uint8Array {
    const blob = typeof index === 'number' ? this.blobs[index] : undefined;
    if (!blob) throw corrupt(`a node refers to blob ${JSON.stringify(index)} of ${this.blobs.length}`);
    return blob;
  }

  /** The blob copied into an ArrayBuffer of its own: aligned for any element type, and not keeping the input alive. */
  private copy(index: unknown): Uint8Array {
    const blob = this.blob(index);
    // Neither zero-filled (every byte is overwritten) nor pooled (the ArrayBuffer is the value's alone).
    const bytes = new Uint8Array(Buffer.allocUnsafeSlow(blob.byteLength).buffer, 0, blob.byteLength);
    bytes.set(blob);
    return bytes;
  }
}

function corrupt(reason: string): HamiltonError {
  return new HamiltonError(text.corrupted(reason));
}

function string(value: unknown): string {
  if (typeof value !== 'string') throw corrupt(`a string was expected, not ${JSON.stringify(value)}`);
  return value;
}

function number(value: unknown): number {
  if (typeof value !== 'number') throw corrupt(`a number was expected, not ${JSON.stringify(value)}`);
  return value;
}

function array(value: unknown): unknown[] {
  if (!Array.isArray(value)) throw corrupt('an array was expected');
  return value;
}

function record(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw corrupt('an object was expected');
  return value as Record<string, unknown>;
}

function pair(entry: unknown[]): [unknown, unknown] {
  if (entry.length !== 2) throw corrupt('a Map entry was expected');
  return [entry[0], entry[1]];
}
