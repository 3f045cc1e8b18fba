// Parquet through parquet-wasm (Rust's arrow-rs Parquet in WebAssembly), which speaks Arrow IPC: a
// table goes table → Arrow IPC → Parquet and back. Loaded on first use, so commands that never touch
// Parquet do not pay for compiling it.
import type { FileFormat } from '../format-registry.js';
import { ipcToTable, tableToIpc } from './table-arrow.js';
import { requireTable } from './tabular-value.js';

interface ParquetWasm {
  Table: { fromIPCStream(ipc: Uint8Array): unknown };
  writeParquet(table: unknown, properties?: unknown): Uint8Array;
  readParquet(bytes: Uint8Array, options?: { batchSize?: number }): { intoIPCStream(): Uint8Array };
  Compression: Record<'UNCOMPRESSED' | 'SNAPPY' | 'ZSTD', number>;
  WriterPropertiesBuilder: new () => { setCompression(codec: number): { build(): unknown } };
}

/** The codecs `compression` may name. */
const CODECS = ['snappy', 'zstd', 'uncompressed'] as const;
// Rows per Arrow batch when reading: parquet-wasm's default of 1,024 makes a million-row file cost
// about a thousand batches, and twice the time of one large batch.
const READ_BATCH_ROWS = 1 << 20;

let loading: Promise<ParquetWasm> | undefined;

function parquetWasm(): Promise<ParquetWasm> {
  loading ??= import('parquet-wasm/node') as Promise<unknown> as Promise<ParquetWasm>;
  return loading;
}

/** Parquet files, read and written as arquero tables with their column types; `compression` (default Snappy) when writing. */
export const parquetFormat: FileFormat = {
  name: 'parquet',
  load: async (bytes) => {
    const wasm = await parquetWasm();
    let ipc: Uint8Array;
    try {
      ipc = wasm.readParquet(bytes, { batchSize: READ_BATCH_ROWS }).intoIPCStream();
    } catch (error) {
      throw new Error(`malformed Parquet: ${error instanceof Error ? error.message : String(error)}`);
    }
    return ipcToTable(ipc);
  },
  save: async (value, options) => {
    const codec = options.compression ?? 'snappy';
    if (!CODECS.includes(codec as (typeof CODECS)[number]))
      throw new Error(`compression ${JSON.stringify(codec)} is not a codec; give ${CODECS.map((c) => `'${c}'`).join(', ')}`);
    const wasm = await parquetWasm();
    const ipc = tableToIpc(requireTable(value, 'parquet'), 'stream');
    // parquet-wasm writes uncompressed unless told; Snappy is what other Parquet writers default to.
    const properties = new wasm.WriterPropertiesBuilder()
      .setCompression(wasm.Compression[(codec as string).toUpperCase() as 'SNAPPY'])
      .build();
    return wasm.writeParquet(wasm.Table.fromIPCStream(ipc), properties);
  },
  options: ['compression'],
};
