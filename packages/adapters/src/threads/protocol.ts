// What the driver's thread and a worker thread say to each other: names and values, never code.
import type { SerializedError } from '@hamilton-ts/core';
import type { RemoteNode } from '../remote/remote-runners.js';

/** One node to run in a worker thread. */
export interface ThreadTask extends RemoteNode {
  /** The driver's config, packed by the codec. */
  readonly config: unknown;
  /** Dependency values by name, each packed by the codec. */
  readonly kwargs: Readonly<Record<string, unknown>>;
}

/** A worker's answer: the packed value, or an error. */
export type ThreadResponse =
  | { readonly ok: true; readonly value: unknown }
  | {
      readonly ok: false;
      readonly error: SerializedError;
      /** True when the node itself threw; false when the task could not be run (unknown node, a value that cannot travel). */
      readonly thrownByNode: boolean;
    };

/** What every worker thread is started with. */
export interface ThreadWorkerData {
  /** URL of the worker module (thread-worker.ts from source, .js when built). */
  readonly workerModule: string;
  /** Resolve conditions for the TypeScript loader (`@hamilton-ts/source` when running from source). */
  readonly conditions: readonly string[];
}
