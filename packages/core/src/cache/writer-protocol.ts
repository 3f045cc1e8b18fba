import type { StoredEntry } from './metadata-store.js';
import type { PreparedResult } from './result-formats.js';
import type { RunManifest } from './run-manifest.js';
import type { WriteBatch } from './write-batch.js';

/** A result to store: its file first, then its metadata entry. */
export interface ResultWrite {
  readonly key: string;
  readonly entry: StoredEntry;
  readonly result: PreparedResult;
}

/** A run manifest to store once the results sent before it are stored. */
export interface ManifestWrite {
  readonly key: string;
  readonly manifest: RunManifest;
}

/** An entry whose file could not be read, removed unless it was replaced (in order with the writes around it). */
export interface ForgetWrite {
  readonly key: string;
  readonly forget: string;
}

export type WriteItem = ResultWrite | ManifestWrite | ForgetWrite;

/** Messages to the writer thread, answered in the order they were sent. */
export type WriterRequest =
  | { readonly kind: 'write'; readonly writer: number; readonly seq: number; readonly directory: string; readonly batch: WriteBatch }
  /** Closes the thread's stores of `directory` (the main thread is closing its own). */
  | { readonly kind: 'close'; readonly writer: number; readonly seq: number; readonly directory: string };

/** A result that could not be stored. */
export interface WriteFailure {
  readonly node: string;
  readonly path: string;
  readonly reason: string;
}

/** The answer to request `seq` of writer `writer`. */
export interface WriterReply {
  readonly writer: number;
  readonly seq: number;
  readonly failures: readonly WriteFailure[];
}
