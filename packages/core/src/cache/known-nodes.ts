import type { MetadataStore } from './metadata-store.js';

/**
 * The names of the nodes a cache directory holds results of, so a run skips the key and the lookup of a
 * node that was never stored: its result's fingerprint and key are then left to the writer thread.
 *
 * Names come from the metadata store (reloaded when its stamp moves: another process stored a new
 * node, or the cache was cleared) and from this process's queued writes. A name missed because another
 * process is storing it right now costs a recompute, never a wrong value.
 */
export class KnownNodes {
  private stamp: string | undefined;
  /** Stored names and queued ones: one lookup per node. */
  private names = new Set<string>();
  private readonly queued = new Set<string>();

  /** Rereads the stored names if the store changed since they were read. */
  refresh(metadata: MetadataStore): void {
    const stamp = metadata.nodeStamp();
    if (stamp === this.stamp) return;
    this.names = new Set(metadata.nodeNames());
    for (const name of this.queued) this.names.add(name);
    this.stamp = stamp;
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  /** Whether this process queued results of `name` (some may still be being written). */
  queuedHere(name: string): boolean {
    return this.queued.has(name);
  }

  /** A result of `name` is being written by this process. */
  add(name: string): void {
    this.queued.add(name);
    this.names.add(name);
  }

  /** The cache was cleared: what this process wrote is gone. */
  forget(): void {
    this.queued.clear();
    this.names = new Set();
    this.stamp = undefined;
  }
}
