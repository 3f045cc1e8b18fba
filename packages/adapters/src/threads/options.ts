import { HamiltonError, type TagFilter } from '@hamilton-ts/core';
import { isTypeScriptUrl, moduleExists, moduleHref, typescriptInstalled } from '../remote/module-urls.js';
import { checkNodesOption } from '../remote/node-selection.js';
import { messages } from './messages.js';
import { ThreadPool } from './thread-pool.js';

/** Options of `new WorkerThreadsGraphAdapter(options)`. */
export interface WorkerThreadsGraphAdapterOptions {
  /**
   * The pipeline modules the worker threads import: `URL`s, `file:` URL strings or file paths
   * (`.ts` needs the `typescript` package). Every exported class with `@node` methods is found there.
   */
  readonly modules: readonly (URL | string)[];
  /** Threads of the adapter's own pool; default `os.availableParallelism()`. Not with `pool`. */
  readonly maxThreads?: number;
  /** The nodes that run in threads: names, or a tag filter as `listAvailableVariables({ tagFilter })` takes; default all. */
  readonly nodes?: readonly string[] | TagFilter;
  /** A pool shared with other adapters; the adapter's `close()` leaves it open. */
  readonly pool?: ThreadPool;
}

/** The checked options. */
export interface ThreadOptions {
  readonly modules: readonly string[];
  readonly nodes: readonly string[] | TagFilter | undefined;
  readonly pool: ThreadPool;
  readonly ownsPool: boolean;
}

const KNOWN = ['modules', 'maxThreads', 'nodes', 'pool'];
const ADAPTER = 'WorkerThreadsGraphAdapter';

/** Checks every option (JavaScript callers can pass anything) and throws a `HamiltonError` naming the first wrong one. */
export function checkOptions(options: unknown): ThreadOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options))
    throw new HamiltonError(messages.notAnOptionsObject(ADAPTER, options, "{ modules: [new URL('./features.ts', import.meta.url)] }"));
  const given = options as Partial<Record<string, unknown>>;
  for (const key of Object.keys(given)) if (!KNOWN.includes(key)) throw new HamiltonError(messages.unknownOption(ADAPTER, key, KNOWN));
  const modules = checkModules(given.modules);
  const nodes = checkNodesOption(given.nodes, messages);
  if (given.pool !== undefined && !(given.pool instanceof ThreadPool)) throw new HamiltonError(messages.badPool(given.pool));
  if (given.pool && given.maxThreads !== undefined)
    throw new HamiltonError(messages.poolAndMaxThreads(given.maxThreads, (given.pool as ThreadPool).maxThreads));
  const max = given.maxThreads;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1))
    throw new HamiltonError(messages.badMaxThreads(ADAPTER, max));
  const pool = (given.pool as ThreadPool | undefined) ?? new ThreadPool(max === undefined ? {} : { maxThreads: max as number });
  return { modules, nodes, pool, ownsPool: given.pool === undefined };
}

function checkModules(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) throw new HamiltonError(messages.noModules(value));
  return value.map((entry, index) => {
    const href = moduleHref(entry);
    if (href === undefined) throw new HamiltonError(messages.badModule(index, entry));
    if (!moduleExists(href)) throw new HamiltonError(messages.missingModule(index, href));
    if (isTypeScriptUrl(href) && !typescriptInstalled()) throw new HamiltonError(messages.typescriptMissing(href));
    return href;
  });
}
