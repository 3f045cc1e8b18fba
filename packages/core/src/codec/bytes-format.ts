// The byte layout of encodeValue, shared by its writer and reader. All integers are little-endian.
//
//   0   4      magic 0x89 'H' 'T' 'V' (the non-ASCII first byte rejects text, and text-mangled bytes, at once)
//   4   4      format version (u32), FORMAT_VERSION: read before anything else, so it stays here in every version
//   8   4      CRC-32 of bytes 12 to the end of the JSON document
//  12   4      length of the JSON document in bytes (u32)
//  16   8      total length of the encoding in bytes (u64)
//  24   4      number of blobs, N (u32)
//  28   4      zero
//  32   16·N   blob table: offset from byte 0 (u64), length (u64) of each blob
//  ..   J      the JSON document (UTF-8): the value, with tagged nodes for what JSON cannot hold
//  ..          the blobs, each at a multiple of 8, zeros in between
//
// The checksum covers the structure (what says how to read the rest) but not the blobs: hashing an 8 MB
// Float64Array would cost more than copying it, and the transports (TCP, Redis) already check their bytes.
import { crc32 } from 'node:zlib';
import { HamiltonError } from '@hamilton-ts/result-builders';
import { codecMessages as text } from './messages.js';

/** The format this code writes, and the newest it reads. */
export const FORMAT_VERSION = 1;

/**
 * The key of a tagged node in the document. Short, since a value may hold many tagged items (an array
 * of Dates); a user's object that has this key is itself wrapped in an `object` node.
 */
export const TAG = '$';

/** A tagged node: what JSON cannot hold. `b` is an index into the blob table. */
export type TaggedNode =
  | { readonly $: 'undefined' }
  | { readonly $: 'number'; readonly v: 'NaN' | 'Infinity' | '-Infinity' | '-0' }
  | { readonly $: 'bigint'; readonly v: string }
  | { readonly $: 'date'; readonly v: number | null }
  | { readonly $: 'regexp'; readonly source: string; readonly flags: string }
  | { readonly $: 'boxed'; readonly v: unknown }
  | { readonly $: 'typed'; readonly type: string; readonly b: number }
  | { readonly $: 'buffer' | 'arraybuffer' | 'sharedarraybuffer' | 'dataview'; readonly b: number }
  | { readonly $: 'map'; readonly v: ReadonlyArray<readonly [unknown, unknown]> }
  | { readonly $: 'set'; readonly v: readonly unknown[] }
  | { readonly $: 'object'; readonly v: Readonly<Record<string, unknown>> }
  | { readonly $: 'table'; readonly b: number; readonly typed: Readonly<Record<string, string>> }
  | { readonly $: 'error'; readonly v: Readonly<Record<string, unknown>> };

const MAGIC = [0x89, 0x48, 0x54, 0x56];
const HEADER_SIZE = 32;
const BLOB_ENTRY_SIZE = 16;
const CRC_AT = 8;
const U32 = 2 ** 32;

/** Typed arrays' bytes are little-endian in the blobs; only a big-endian host swaps them. */
export const HOST_IS_LITTLE_ENDIAN = new Uint8Array(Uint16Array.of(1).buffer)[0] === 1;

/** Reverses the byte order of each `size`-byte element, in place. */
export function swapBytes(bytes: Uint8Array, size: number): void {
  for (let start = 0; start + size <= bytes.length; start += size) {
    for (let low = start, high = start + size - 1; low < high; low++, high--) {
      const byte = bytes[low]!;
      bytes[low] = bytes[high]!;
      bytes[high] = byte;
    }
  }
}

const align = (offset: number): number => Math.ceil(offset / 8) * 8;

/**
 * The encoding of a document (already JSON) and the blobs it refers to, as one Node Buffer (which Redis
 * clients store as binary; a plain Uint8Array may be stored as its text). Like `Buffer.from`'s, a small
 * one is a slice of Node's shared pool: read it through `byteOffset` and `byteLength`.
 *
 * @example
 * writeLayout('{"$":"typed","type":"Float64Array","b":0}', [new Uint8Array(f64.buffer)]);
 */
export function writeLayout(json: string, blobs: readonly Uint8Array[]): Uint8Array {
  const jsonLength = Buffer.byteLength(json, 'utf8');
  const jsonStart = HEADER_SIZE + BLOB_ENTRY_SIZE * blobs.length;
  const structureEnd = jsonStart + jsonLength;
  const offsets: number[] = [];
  let end = structureEnd;
  for (const blob of blobs) {
    const offset = align(end);
    offsets.push(offset);
    end = offset + blob.byteLength;
  }
  // Not zero-filled, since every byte is written below; pooled when small (a fresh backing store costs 0.4 µs).
  const out = Buffer.allocUnsafe(end);
  const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
  out.set(MAGIC, 0);
  view.setUint32(4, FORMAT_VERSION, true);
  view.setUint32(12, jsonLength, true);
  writeU64(view, 16, end);
  view.setUint32(24, blobs.length, true);
  view.setUint32(28, 0, true);
  let previousEnd = out.write(json, jsonStart, 'utf8') + jsonStart;
  for (let i = 0; i < blobs.length; i++) {
    const blob = blobs[i]!;
    const offset = offsets[i]!;
    writeU64(view, HEADER_SIZE + BLOB_ENTRY_SIZE * i, offset);
    writeU64(view, HEADER_SIZE + BLOB_ENTRY_SIZE * i + 8, blob.byteLength);
    out.fill(0, previousEnd, offset);
    out.set(blob, offset);
    previousEnd = offset + blob.byteLength;
  }
  view.setUint32(CRC_AT, structureCrc(out, structureEnd), true);
  return out;
}

/** An encoding taken apart: the JSON document, and its blobs as views over the input (to be copied). */
export interface Layout {
  readonly json: string;
  readonly blobs: readonly Uint8Array[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Checks and splits bytes that `writeLayout` made: throws a `HamiltonError` for other bytes, a newer
 * version, truncated or corrupted ones.
 *
 * @example
 * const { json, blobs } = readLayout(bytes);
 */
export function readLayout(bytes: Uint8Array): Layout {
  const length = bytes.byteLength;
  const magicSeen = Math.min(length, MAGIC.length);
  for (let i = 0; i < magicSeen; i++) if (bytes[i] !== MAGIC[i]) throw new HamiltonError(text.notEncoded(length));
  if (length < HEADER_SIZE) throw new HamiltonError(text.truncated(length, `at least ${HEADER_SIZE}`));
  const view = new DataView(bytes.buffer, bytes.byteOffset, length);
  const version = view.getUint32(4, true);
  if (version > FORMAT_VERSION) throw new HamiltonError(text.newerVersion(version, FORMAT_VERSION));
  if (version === 0) throw new HamiltonError(text.corrupted('format version 0'));
  const jsonLength = view.getUint32(12, true);
  const total = readU64(view, 16);
  const count = view.getUint32(24, true);
  const jsonStart = HEADER_SIZE + BLOB_ENTRY_SIZE * count;
  const structureEnd = jsonStart + jsonLength;
  if (structureEnd > length) {
    if (total > length) throw new HamiltonError(text.truncated(length, String(total)));
    throw new HamiltonError(text.corrupted(`its header announces ${structureEnd} bytes of structure in ${length} bytes`));
  }
  if (view.getUint32(CRC_AT, true) !== structureCrc(bytes, structureEnd))
    throw new HamiltonError(text.corrupted('the checksum of its header and document does not match'));
  if (total > length) throw new HamiltonError(text.truncated(length, String(total)));
  if (total < length) throw new HamiltonError(text.corrupted(`${length - total} bytes follow the end of the encoding`));
  const blobs: Uint8Array[] = [];
  let previousEnd = structureEnd;
  for (let i = 0; i < count; i++) {
    const offset = readU64(view, HEADER_SIZE + BLOB_ENTRY_SIZE * i);
    const blobLength = readU64(view, HEADER_SIZE + BLOB_ENTRY_SIZE * i + 8);
    if (offset % 8 !== 0 || offset < previousEnd || offset + blobLength > total)
      throw new HamiltonError(text.corrupted(`blob ${i} lies outside the blob section`));
    // The padding is outside the checksum; requiring zeros there leaves no byte whose change goes unseen but the blobs'.
    for (let at = previousEnd; at < offset; at++) if (bytes[at] !== 0) throw new HamiltonError(text.corrupted(`padding before blob ${i}`));
    blobs.push(bytes.subarray(offset, offset + blobLength));
    previousEnd = offset + blobLength;
  }
  let json: string;
  try {
    json = utf8.decode(bytes.subarray(jsonStart, structureEnd));
  } catch {
    throw new HamiltonError(text.corrupted('its document is not UTF-8'));
  }
  return { json, blobs };
}

/** The checksum of the structure after the checksum itself (magic and version are checked on their own). */
function structureCrc(bytes: Uint8Array, structureEnd: number): number {
  return crc32(bytes.subarray(CRC_AT + 4, structureEnd));
}

// u64 as two u32: offsets stay Numbers (exact below 2^53) without a BigInt per blob.
function writeU64(view: DataView, at: number, value: number): void {
  view.setUint32(at, value % U32, true);
  view.setUint32(at + 4, Math.floor(value / U32), true);
}

function readU64(view: DataView, at: number): number {
  const high = view.getUint32(at + 4, true);
  if (high >= 2 ** 21) throw new HamiltonError(text.corrupted(`a length of ${high} · 2^32 bytes`));
  return high * U32 + view.getUint32(at, true);
}
