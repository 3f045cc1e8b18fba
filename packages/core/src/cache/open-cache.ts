import { resolve } from 'node:path';
import type { Graph } from '../graph/types.js';
import type { Behaviors } from './cache-options.js';
import { Fingerprinter } from './fingerprint.js';
import { type Hasher, loadHasher } from './hasher.js';
import { KnownNodes } from './known-nodes.js';
import { MetadataStore } from './metadata-store.js';
import { NodeKeys } from './node-keys.js';
import { loadParquet, type ParquetCodec } from './parquet.js';
import { ResultStore } from './result-store.js';
import { ResultWriter } from './result-writer.js';

/** The stores of one cache directory, shared by every driver of the process that uses it. */
export interface CacheStores {
  readonly metadata: MetadataStore;
  readonly results: ResultStore;
  /** Stores results in the background; holds those not written yet. */
  readonly writer: ResultWriter;
  /** Nodes with results stored or being stored. */
  readonly known: KnownNodes;
  /** Set once any driver of the process closes the directory: holders of these stores must reopen it. */
  closed: boolean;
}

/** What a cached run needs: the stores, the hash, and the driver's settings. */
export interface OpenCache extends Omit<CacheStores, 'closed'> {
  /** The stores themselves, whose `closed` flag says when they must be reopened. */
  readonly stores: CacheStores;
  readonly hasher: Hasher;
  readonly fingerprints: Fingerprinter;
  readonly behaviors: Behaviors;
  /** The driver's nodes' code versions and key digests. */
  readonly keys: NodeKeys;
  /** Nodes whose hits are read at once: a fan-out needs its items, a collect its gathered values. */
  readonly eager: ReadonlySet<string>;
  readonly parquet?: ParquetCodec;
}

const openStores = new Map<string, Promise<CacheStores>>();
/** Closes in progress, by directory: a reopen waits for them, since LMDB allows one environment per process and file. */
const closing = new Map<string, Promise<void>>();

/** The stores of `path`, opened once per process (LMDB wants one environment per process and file). */
export function storesAt(path: string): Promise<CacheStores> {
  const directory = resolve(path);
  let stores = openStores.get(directory);
  if (!stores) {
    const closed = closing.get(directory) ?? Promise.resolve();
    stores = closed
      .then(() => MetadataStore.open(directory))
      .then((metadata) => ({
        metadata,
        results: new ResultStore(directory),
        writer: new ResultWriter(directory),
        known: new KnownNodes(),
        closed: false,
      }));
    stores.catch(() => openStores.delete(directory));
    openStores.set(directory, stores);
  }
  return stores;
}

/** Waits for the writes pending in `path`, if its stores are open in this process. */
export async function flushStores(path: string): Promise<void> {
  const stores = await openStores.get(resolve(path))?.catch(() => undefined); // a failed open has nothing pending
  await stores?.writer.flush();
}

/** Finishes the writes pending in `path`, then closes its stores (later runs reopen them). */
export async function closeStores(path: string): Promise<void> {
  const directory = resolve(path);
  const stores = openStores.get(directory);
  if (!stores) return;
  openStores.delete(directory);
  const done = (async () => {
    const open = await stores;
    open.closed = true;
    await open.writer.close();
    await open.metadata.close();
  })();
  const settled = done.catch(() => undefined);
  closing.set(directory, settled);
  void settled.then(() => {
    if (closing.get(directory) === settled) closing.delete(directory);
  });
  await done;
}

/** Everything a cached run of `graph` needs. */
export async function openCache(path: string, graph: Graph, behaviors: Behaviors): Promise<OpenCache> {
  const [stores, hasher] = await Promise.all([storesAt(path), loadHasher()]);
  const wantsParquet = [...graph.nodes.values()].filter((n) => n.cache?.format === 'parquet').map((n) => n.name);
  const parquet = wantsParquet.length ? await loadParquet(wantsParquet) : undefined;
  return {
    ...stores,
    stores,
    hasher,
    fingerprints: new Fingerprinter(hasher),
    behaviors,
    keys: new NodeKeys(hasher, behaviors),
    eager: eagerNodes(graph),
    parquet,
  };
}

function eagerNodes(graph: Graph): Set<string> {
  const eager = new Set<string>();
  for (const node of graph.nodes.values()) if (node.parallelizable) eager.add(node.name);
  for (const block of graph.blocks?.values() ?? []) eager.add(block.gathered);
  return eager;
}
