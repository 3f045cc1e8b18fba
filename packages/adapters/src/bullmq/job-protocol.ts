// What the driver and a queue worker say to each other through BullMQ jobs: names and encoded
// values, never code. Values above the inline limit stay in Redis under the run's key prefix.
import type { RemoteNode } from '../remote/remote-runners.js';

/** An encoded value: base64 of `encodeValue`'s bytes inline, or the Redis key holding those bytes. */
export type ValueRef = { readonly inline: string } | { readonly key: string };

/** The data of one node's job. `modules` is left out: each worker runs the modules it loaded. */
export interface NodeJobData extends Omit<RemoteNode, 'modules'> {
  /** Format of this job's data, so a worker of another version refuses it clearly. */
  readonly protocol: 1;
  /** The run's own id (a UUID), the prefix of every key the run writes. */
  readonly run: string;
  /** The driver's config; the worker decodes it once per `configKey`. */
  readonly config: ValueRef;
  /** Dependency values by name. */
  readonly kwargs: Readonly<Record<string, ValueRef>>;
}

/** What the worker's job returns: the node's value, or why it could not be run or failed. */
export type NodeJobResult =
  | { readonly ok: true; readonly value: ValueRef }
  | { readonly ok: false; readonly error: import('@hamilton-ts/core').SerializedError; readonly thrownByNode: boolean };
