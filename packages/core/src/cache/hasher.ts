import { createXXHash128, type IHasher } from 'hash-wasm';

/**
 * Hashes bytes and text to 32 hex digits (XXH3-128). Chosen by measurement: hash-wasm's XXH3-128 hashes
 * a 1M-double Float64Array at ~3 GB/s here, with 128 bits against collisions between cache keys (64-bit
 * xxhash-wasm was faster, native and crypto hashes slower: bench/README.md has the table).
 */
export interface Hasher {
  /** The digest of `parts` hashed as one stream, in order. */
  digest(...parts: ReadonlyArray<string | Uint8Array>): string;
}

let loading: Promise<Hasher> | undefined;

/** The process's hasher; the WebAssembly module compiles once, on first use. */
export function loadHasher(): Promise<Hasher> {
  loading ??= createXXHash128().then(wrap);
  return loading;
}

function wrap(hasher: IHasher): Hasher {
  return {
    digest(...parts) {
      hasher.init();
      for (const part of parts) hasher.update(part);
      return hasher.digest('hex');
    },
  };
}
