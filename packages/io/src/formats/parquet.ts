// Parquet through parquet-wasm (Rust's arrow-rs Parquet in WebAssembly), which speaks Arrow IPC: a
// table goes table → Arrow IPC → Parquet and back. Loaded on first use, so commands that never touch
// Parquet do not pay for compiling it.
import type { FileFormat } from '../format-registry.js';
import { ipcToTable, tableToIpc } from './table-arrow.js';
import { requireTable } from './tabular-value.js';

interface ParquetWasm {
  Table: { fromIPCStream(ipc: Uint8Array): unknown };
  writeParquet(table: unknown): Uint8Array;
  readParquet(bytes: Uint8Array): { intoIPCStream(): Uint8Array };
}

let loading: Promise<ParquetWasm> | undefined;

function parquetWasm(): Promise<ParquetWasm> {
  loading ??= import('parquet-wasm/node') as Promise<unknown> as Promise<ParquetWasm>;
  return loading;
}

/** Parquet files, read and written as arquero tables with their column types. */
export const parquetFormat: FileFormat = {
  name: 'parquet',
  load: async (bytes) => {
    const wasm = await parquetWasm();
    let ipc: Uint8Array;
    try {
      ipc = wasm.readParquet(bytes).intoIPCStream();
    } catch (error) {
      throw new Error(`malformed Parquet: ${error instanceof Error ? error.message : String(error)}`);
    }
    return ipcToTable(ipc);
  },
  save: async (value) => {
    const wasm = await parquetWasm();
    return wasm.writeParquet(wasm.Table.fromIPCStream(tableToIpc(requireTable(value, 'parquet'), 'stream')));
  },
  options: [],
};
