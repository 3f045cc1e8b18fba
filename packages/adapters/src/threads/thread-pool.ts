import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { HamiltonError } from '@hamilton-ts/core';
import { Piscina } from 'piscina';
import { isTypeScriptUrl } from '../remote/module-urls.js';
import { messages } from './messages.js';
import type { ThreadResponse, ThreadTask, ThreadWorkerData } from './protocol.js';

/** Options of `new ThreadPool(options)`. */
export interface ThreadPoolOptions {
  /** How many worker threads run nodes at once; default `os.availableParallelism()`. */
  readonly maxThreads?: number;
}

/** Plain JavaScript, so Node starts it without a loader; it loads the worker module (TypeScript from source). */
const ENTRY = new URL('./thread-entry.js', import.meta.url);
const FROM_SOURCE = isTypeScriptUrl(import.meta.url);
const WORKER_DATA: ThreadWorkerData = {
  workerModule: new URL(`./thread-worker.${FROM_SOURCE ? 'ts' : 'js'}`, import.meta.url).href,
  // From source, the worker resolves @hamilton-ts/* packages to their src, as the tests and scripts do.
  conditions: FROM_SOURCE ? ['@hamilton-ts/source'] : [],
};

/**
 * Worker threads that run nodes for `WorkerThreadsGraphAdapter`s. No thread starts before the first
 * node is sent; `close()` stops them all, and a later node starts them again. Several adapters may
 * share one pool (each worker caches the modules and graphs it was asked for); an adapter given a
 * pool never closes it.
 *
 * @example
 * const pool = new ThreadPool({ maxThreads: 4 });
 * const a = new WorkerThreadsGraphAdapter({ modules: [featuresUrl], pool });
 * const b = new WorkerThreadsGraphAdapter({ modules: [reportsUrl], pool });
 * // ... runs ...
 * await pool.close();
 */
export class ThreadPool {
  readonly maxThreads: number;
  private piscina: Piscina | undefined;

  constructor(options: ThreadPoolOptions = {}) {
    if (options === null || typeof options !== 'object' || Array.isArray(options))
      throw new HamiltonError(messages.notAnOptionsObject('ThreadPool', options, '{ maxThreads: 4 }'));
    for (const key of Object.keys(options))
      if (key !== 'maxThreads') throw new HamiltonError(messages.unknownOption('ThreadPool', key, ['maxThreads']));
    const { maxThreads = availableParallelism() } = options;
    if (!Number.isInteger(maxThreads) || maxThreads < 1) throw new HamiltonError(messages.badMaxThreads('ThreadPool', maxThreads));
    this.maxThreads = maxThreads;
  }

  /** True while worker threads are up (from the first node sent until `close()`). */
  get started(): boolean {
    return this.piscina !== undefined;
  }

  /** Runs one node in a worker thread; `transfer` lists the buffers to move there. Used by the adapter. */
  runTask(task: ThreadTask, transfer: ArrayBuffer[]): Promise<ThreadResponse> {
    this.piscina ??= new Piscina({
      filename: fileURLToPath(ENTRY),
      workerData: WORKER_DATA,
      // Every thread starts with the first node (none before), loading the worker in parallel, and stays until close().
      maxThreads: this.maxThreads,
      minThreads: this.maxThreads,
    });
    return this.piscina.run(task, { transferList: transfer });
  }

  /** Stops every worker thread (nodes still running fail); the pool starts again on the next node. */
  async close(): Promise<void> {
    const piscina = this.piscina;
    this.piscina = undefined;
    await piscina?.destroy();
  }
}
