import type { StoredEntry } from './metadata-store.js';
import type { PreparedResult } from './result-formats.js';
import type { ManifestRecord } from './run-manifest.js';
import type { WriteBatch } from './write-batch.js';

/** A result to store: its file first, then its metadata entry. */
export interface ResultWrite {
  readonly key: string;
  readonly entry: StoredEntry;
  readonly result: PreparedResult;
}

/**
 * A run manifest to store once the results sent before it are stored. A record may be the index of a
 * deferred result of log `log` that this thread had not worked out when it was sent: the writer fills it in.
 */
export interface ManifestWrite {
  readonly key: string;
  readonly manifest: { readonly generation: number; readonly records: readonly (ManifestRecord | number)[] };
  readonly log?: number;
}

/** An entry whose file could not be read, removed unless it was replaced (in order with the writes around it). */
export interface ForgetWrite {
  readonly key: string;
  readonly forget: string;
}

/**
 * A typed array result whose data version and key the writer works out (see `DeferredResults`): from its
 * node's digest, its copy, and its dependencies' data versions or indices of earlier results of its log.
 */
export interface DeferredWrite {
  readonly log: number;
  readonly index: number;
  readonly node: string;
  readonly digest: string;
  readonly codeVersion: string;
  readonly type: string;
  readonly array: ArrayBufferView;
  readonly refs: readonly (string | number)[];
}

/** The last write of a run's log: the writer forgets the log's versions after it. */
export interface EndWrite {
  readonly end: number;
}

export type WriteItem = ResultWrite | ManifestWrite | ForgetWrite | { readonly deferred: DeferredWrite } | EndWrite;

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

/** Hex digits per cache key, and per data version, in `WriterReply.resolved`. */
export const DIGEST_LENGTH = 32;

/** The answer to request `seq` of writer `writer`. */
export interface WriterReply {
  readonly writer: number;
  readonly seq: number;
  readonly failures: readonly WriteFailure[];
  /** Per deferred write of the request, in order: its cache key then its data version (empty when they could not be worked out). */
  readonly resolved: string;
}
