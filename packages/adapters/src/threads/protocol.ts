// What the driver's thread and a worker thread say to each other: names and values, never code.
import type { SerializedError } from '@hamilton-ts/core';

/** One node to run in a worker thread. */
export interface ThreadTask {
  /** File URLs of the pipeline modules the worker imports. */
  readonly modules: readonly string[];
  /** Classes the driver's graph takes its nodes from; `null`: every exported class with `@node` methods. */
  readonly classes: readonly string[] | null;
  /** Identifies the driver's config, so each worker builds one graph per driver. */
  readonly configId: number;
  /** The driver's config, packed by the codec. */
  readonly config: unknown;
  readonly node: string;
  /** `Class.method` that defines the node in the driver, if known. */
  readonly origin: string | undefined;
  /** The node's dependency names in parameter order, as the driver's graph has them. */
  readonly dependencies: readonly string[];
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
