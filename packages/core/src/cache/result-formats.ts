import { type ColumnTable, table } from 'arquero';
import { decodeJson, decodeValue } from '../codec/bytes-decode.js';
import { encodeParts } from '../codec/bytes-encode.js';
import { writeLayout } from '../codec/bytes-format.js';
import { isNodeBuffer } from '../codec/kinds.js';
import { decodeTable, encodeTable, isTable } from '../codec/table-codec.js';
import type { NodeCacheSettings } from '../graph/types.js';
import type { ParquetCodec } from './parquet.js';

/** How a result file is written: Arrow IPC, JSON, Parquet, or the project's value codec for what mixes the two. */
export type StoredFormat = 'arrow' | 'json' | 'parquet' | 'bytes';

/** What a result file holds, beside its bytes: enough to give the value back with its types. */
export interface StoredShape {
  readonly format: StoredFormat;
  /** `table`, or `array` for a typed array kept as a one-column table. */
  readonly shape: 'table' | 'array' | 'value';
  /** Columns that were typed arrays, by constructor name (Arrow would give other types back). */
  readonly typed?: Readonly<Record<string, string>>;
}

/** A result ready for its file. */
export interface EncodedResult extends StoredShape {
  readonly bytes: Uint8Array | string;
}

/** The column a typed array is kept in. */
const COLUMN = 'value';

/** File name extensions by format. */
export const EXTENSIONS: Readonly<Record<StoredFormat, string>> = { arrow: 'arrow', json: 'json', parquet: 'parquet', bytes: 'htv' };

/**
 * The result as a file's bytes: tables and typed arrays as Arrow IPC (or Parquet when `@cache({ format })`
 * asks for it), values JSON can hold as JSON, anything else the codec can write (a record of typed arrays,
 * say) in the codec's bytes. Asking for JSON changes nothing for a table or typed array, which JSON cannot
 * hold. `undefined` when the value cannot be stored faithfully (a grouped table: its grouping would be
 * lost); throws when the codec cannot write it.
 */
export function encodeResult(
  value: unknown,
  wanted: NodeCacheSettings['format'],
  parquet: ParquetCodec | undefined,
): EncodedResult | undefined {
  if (isTable(value)) {
    if (value.isGrouped()) return undefined;
    return columnar('table', encodeTable(value.isFiltered() || value.isOrdered() ? value.reify() : value), wanted, parquet);
  }
  if (isTypedArray(value)) return columnar('array', encodeTable(table({ [COLUMN]: value })), wanted, parquet);
  const { json, blobs } = encodeParts(value);
  if (blobs.length === 0) return { format: 'json', shape: 'value', bytes: json };
  return { format: 'bytes', shape: 'value', bytes: writeLayout(json, blobs) };
}

/**
 * A result as the cache's writer takes it: a typed array whose encoding is left to the writer (it is the
 * costly part, and the shape of its file is known without it), or a file's bytes encoded at once. Same
 * contract as `encodeResult`, whose output it is for everything but typed arrays.
 */
export type PreparedResult = StoredShape & ({ readonly array: ArrayBufferView } | { readonly bytes: Uint8Array | string });

/** `encodeResult`, leaving a typed array (unless it goes to Parquet) unencoded: `bytesOf` encodes it later. */
export function prepareResult(
  value: unknown,
  wanted: NodeCacheSettings['format'],
  parquet: ParquetCodec | undefined,
): PreparedResult | undefined {
  if (isTypedArray(value) && !(wanted === 'parquet' && parquet))
    return { format: 'arrow', shape: 'array', typed: typedColumn(value.constructor.name), array: value };
  return encodeResult(value, wanted, parquet);
}

/** The `typed` record of a typed array result of type `type`: one per type, shared by every result of it (cheaper to keep and to send). */
const typedColumns = new Map<string, Readonly<Record<string, string>>>();

export function typedColumn(type: string): Readonly<Record<string, string>> {
  let typed = typedColumns.get(type);
  if (!typed) {
    typed = Object.freeze({ [COLUMN]: type });
    typedColumns.set(type, typed);
  }
  return typed;
}

/** The file's bytes of a prepared result: a typed array is encoded as `encodeResult` encodes it. */
export function bytesOf(prepared: PreparedResult): Uint8Array | string {
  return 'bytes' in prepared ? prepared.bytes : encodeResult(prepared.array, undefined, undefined)!.bytes;
}

/** The value of a prepared result: a typed array copied (the caller may change it), bytes decoded. */
export function preparedValue(prepared: PreparedResult, parquet: ParquetCodec | undefined): unknown {
  if ('array' in prepared) return (prepared.array as Float64Array).slice();
  const { bytes } = prepared;
  return decodeResult(typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, prepared, parquet);
}

function columnar(
  shape: 'table' | 'array',
  { bytes, typed }: ReturnType<typeof encodeTable>,
  wanted: NodeCacheSettings['format'],
  parquet: ParquetCodec | undefined,
): EncodedResult {
  if (wanted === 'parquet' && parquet) return { format: 'parquet', shape, bytes: parquet.fromArrow(bytes), typed };
  return { format: 'arrow', shape, bytes, typed };
}

/** The value back from its file's bytes. Throws on bytes that are not what the shape says. */
export function decodeResult(bytes: Uint8Array, stored: StoredShape, parquet: ParquetCodec | undefined): unknown {
  switch (stored.format) {
    case 'json':
      return decodeJson(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    case 'bytes':
      return decodeValue(bytes);
    default: {
      if (stored.format === 'parquet' && !parquet) throw new Error('reading Parquet needs the parquet-wasm package');
      const arrow = stored.format === 'parquet' ? parquet!.toArrow(bytes) : bytes;
      const decoded: ColumnTable = decodeTable({ '@hamilton-ts/codec': 'table', bytes: arrow, typed: stored.typed ?? {} });
      return stored.shape === 'array' ? decoded.column(COLUMN) : decoded;
    }
  }
}

/** Typed arrays other than Node Buffers (kept by the codec as Buffers) and DataViews. */
function isTypedArray(value: unknown): value is ArrayBufferView {
  return ArrayBuffer.isView(value) && !(value instanceof DataView) && !isNodeBuffer(value);
}
