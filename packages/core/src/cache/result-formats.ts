import { type ColumnTable, table } from 'arquero';
import { decodeJson, decodeValue } from '../codec/bytes-decode.js';
import { encodeJson, encodeValue } from '../codec/bytes-encode.js';
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
 * The result in the format `@cache({ format })` asks for when it can hold the value, else by type:
 * tables and typed arrays as Arrow IPC, JSON values as JSON, anything else the codec can write (a
 * record of typed arrays, say) in the codec's bytes. `undefined` when the value cannot be stored faithfully
 * (a grouped table: its grouping would be lost); throws when the codec cannot write it.
 */
export function encodeResult(
  value: unknown,
  wanted: NodeCacheSettings['format'],
  parquet: ParquetCodec | undefined,
): EncodedResult | undefined {
  if (wanted === 'json') {
    const json = encodeJson(value);
    if (json !== undefined) return { format: 'json', shape: 'value', bytes: json };
  }
  if (isTable(value)) {
    if (value.isGrouped()) return undefined;
    const { bytes, typed } = encodeTable(value.isFiltered() || value.isOrdered() ? value.reify() : value);
    if (wanted === 'parquet' && parquet) return { format: 'parquet', shape: 'table', bytes: parquet.fromArrow(bytes), typed };
    return { format: 'arrow', shape: 'table', bytes, typed };
  }
  if (isTypedArray(value)) {
    const { bytes, typed } = encodeTable(table({ [COLUMN]: value }));
    if (wanted === 'parquet' && parquet) return { format: 'parquet', shape: 'array', bytes: parquet.fromArrow(bytes), typed };
    return { format: 'arrow', shape: 'array', bytes, typed };
  }
  const json = wanted === 'json' ? undefined : encodeJson(value);
  if (json !== undefined) return { format: 'json', shape: 'value', bytes: json };
  return { format: 'bytes', shape: 'value', bytes: encodeValue(value) };
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
