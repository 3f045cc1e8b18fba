import type { MetadataStore } from './metadata-store.js';
import type { StepTable } from './step-table.js';

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
  /** Runs whose deferred steps are not in `queued` yet: added when next asked, not at the end of each run. */
  private unfolded: StepTable[] = [];

  /** Rereads the stored names if the store changed since they were read. */
  refresh(metadata: MetadataStore): void {
    const stamp = metadata.nodeStamp();
    if (stamp === this.stamp) return;
    this.names = new Set(metadata.nodeNames());
    for (const name of this.queued) this.names.add(name);
    this.stamp = stamp;
  }

  has(name: string): boolean {
    if (this.unfolded.length) this.fold();
    return this.names.has(name);
  }

  /** Whether this process queued results of `name` (some may still be being written). */
  queuedHere(name: string): boolean {
    if (this.unfolded.length) this.fold();
    return this.queued.has(name);
  }

  /** The steps of a run whose results were deferred: their nodes are being written by this process. */
  addSteps(steps: StepTable): void {
    this.unfolded.push(steps);
  }

  /** A result of `name` is being written by this process. */
  add(name: string): void {
    this.queued.add(name);
    this.names.add(name);
  }

  /** The cache was cleared: what this process wrote is gone. */
  forget(): void {
    this.unfolded = [];
    this.queued.clear();
    this.names = new Set();
    this.stamp = undefined;
  }

  private fold(): void {
    const tables = this.unfolded;
    this.unfolded = [];
    for (const steps of tables)
      for (let index = 0; index < steps.deferredOfStep.length; index++)
        if (steps.deferredOfStep[index] >= 0) this.add(steps.plan.steps[index].node.name);
  }
}
