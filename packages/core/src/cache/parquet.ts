import { HamiltonError } from '@hamilton-ts/result-builders';

/** Parquet through parquet-wasm (an optional peer): to and from Arrow IPC stream bytes. */
export interface ParquetCodec {
  fromArrow(ipc: Uint8Array): Uint8Array;
  toArrow(parquet: Uint8Array): Uint8Array;
}

interface ParquetWasm {
  Table: { fromIPCStream(ipc: Uint8Array): unknown };
  writeParquet(table: unknown): Uint8Array;
  readParquet(bytes: Uint8Array): { intoIPCStream(): Uint8Array };
}

/** Loads parquet-wasm; a clear error names the package when it is not installed. */
export async function loadParquet(nodes: readonly string[]): Promise<ParquetCodec> {
  let wasm: ParquetWasm;
  try {
    const specifier = 'parquet-wasm/node';
    wasm = (await import(specifier)) as ParquetWasm;
  } catch (error) {
    throw new HamiltonError(
      `@cache({ format: 'parquet' }) on ${nodes.map((n) => `"${n}"`).join(', ')} needs the parquet-wasm package, which could not be loaded ` +
        `(${error instanceof Error ? error.message : String(error)}); install it with \`npm install parquet-wasm\`, or use format 'arrow'`,
    );
  }
  return {
    fromArrow: (ipc) => wasm.writeParquet(wasm.Table.fromIPCStream(ipc)),
    toArrow: (bytes) => wasm.readParquet(bytes).intoIPCStream(),
  };
}
