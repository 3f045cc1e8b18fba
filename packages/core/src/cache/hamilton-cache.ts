import type { Graph } from '../graph/types.js';
import type { Behaviors, CacheOptions } from './cache-options.js';
import { CacheRun } from './cache-run.js';
import { closeStores, flushStores, type OpenCache, openCache, storesAt } from './open-cache.js';
import type { CacheRunRecord } from './run-record.js';

/** The default cache directory, relative to the working directory. */
export const DEFAULT_CACHE_PATH = '.hamilton-cache';

/**
 * A driver's cache: `dr.cache`. Results are stored under `path` by key (node name, code version, data
 * versions of what the node received); drivers and processes may share the directory.
 *
 * Results are written in the background: a run ends once its values are computed, and runs of this
 * process see the results still being written. `flush()` waits for the writes; a process that ends
 * naturally finishes them first.
 *
 * @example
 * const dr = new Builder().withModules(Features).withCache({ path: '.hamilton-cache' }).build();
 * await dr.execute(['score'], { inputs });
 * dr.cache.lastRun.nodes.score.status; // 'hit' on the second run
 */
export class HamiltonCache {
  /** The cache directory. */
  readonly path: string;
  /** What the cache did in the latest finished run, per node. */
  lastRun: CacheRunRecord = { runId: '', nodes: {} };
  private opening: Promise<OpenCache> | undefined;

  constructor(
    private readonly graph: Graph,
    options: CacheOptions,
    private readonly behaviors: Behaviors,
  ) {
    this.path = options.path ?? DEFAULT_CACHE_PATH;
  }

  /** Starts a run's part of the cache; `lazy` when no adapter observes values. */
  async begin(runId: string, lazy: boolean): Promise<CacheRun> {
    const open = await this.opened();
    // Another driver of the process may have closed the directory since: open it again.
    if (open.stores.closed) {
      if (this.opening && (await this.opening) === open) this.opening = undefined;
      return this.begin(runId, lazy);
    }
    open.metadata.refresh();
    return new CacheRun(open, runId, lazy);
  }

  private opened(): Promise<OpenCache> {
    if (!this.opening) {
      const opening = openCache(this.path, this.graph, this.behaviors);
      // A failed open (a missing optional package, say) is tried again by the next run.
      opening.catch(() => {
        if (this.opening === opening) this.opening = undefined;
      });
      this.opening = opening;
    }
    return this.opening;
  }

  /** Records a finished run as `lastRun`. */
  finished(run: CacheRun): void {
    this.lastRun = run.recorder.finish();
  }

  /**
   * Waits until every result written in the background to this cache directory by this process (by any
   * of its drivers) is stored: on disk and in the metadata, where other processes find it. A write that
   * failed was reported through the logger by then.
   *
   * @example
   * await dr.execute(['score'], { inputs });
   * await dr.cache.flush(); // another process can now hit `score`
   */
  async flush(): Promise<void> {
    await flushStores(this.path);
  }

  /** Empties the cache directory: every stored result and key, for every driver using it. Writes still pending are dropped or undone. */
  async clear(): Promise<void> {
    const { metadata, results, writer, known } = await storesAt(this.path);
    known.forget();
    writer.discard();
    await writer.flush(); // what was already sent is written, then removed below
    await metadata.clear();
    results.clear();
  }

  /** Finishes the writes, then closes the metadata store of this directory (for every driver of the process using it; later runs reopen it). */
  async close(): Promise<void> {
    this.opening = undefined;
    await closeStores(this.path);
  }
}
