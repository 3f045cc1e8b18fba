import { forEachBuffer } from '@hamilton-ts/core';

/**
 * The buffers this engine received from worker threads, which it may move to a worker again instead of
 * copying them: no one else in this thread can hold them, unless a node running here was handed them
 * since (it might keep a view), so those are forgotten.
 */
export class ReceivedBuffers {
  private readonly buffers = new WeakSet<ArrayBuffer>();
  private received = false;

  /** For `packForTransfer`: a buffer may move when it came from a worker and was not seen by a local node since. */
  readonly movable = (buffer: ArrayBuffer): boolean => this.buffers.has(buffer);

  /** Records the buffers of a value that arrived from a worker; one held by two views of it is left out. */
  remember(value: unknown): void {
    const seen = new Map<ArrayBuffer, number>();
    forEachBuffer(value, (buffer) => void seen.set(buffer, (seen.get(buffer) ?? 0) + 1));
    for (const [buffer, count] of seen)
      if (count === 1 && buffer.byteLength > 0) {
        this.buffers.add(buffer);
        this.received = true;
      }
  }

  /** Forgets the buffers of values handed to a node that runs in this thread. */
  forget(values: unknown): void {
    if (this.received) forEachBuffer(values, (buffer) => void this.buffers.delete(buffer));
  }
}
