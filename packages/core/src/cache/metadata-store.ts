import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HamiltonError } from '@hamilton-ts/result-builders';
import type { RootDatabase } from 'lmdb';
import type { StoredShape } from './result-formats.js';
import { isRunManifest, type RunManifest } from './run-manifest.js';

const GENERATION = 'generation';
const MANIFEST = 'manifest:';
/** A marker per node with stored results (`KnownNodes` reads them), and their count, which moves when one is added. */
const NODE = 'node:';
const NODE_END = 'node;';
const NODES = 'nodes';

/** What the metadata store keeps per cache key: where the result is and how to read it back. */
export interface StoredEntry extends StoredShape {
  /** The result's data version (its content fingerprint); also its file's name. */
  readonly dataVersion: string;
  readonly node: string;
  readonly codeVersion: string;
  /** When it was stored (ms since the epoch). */
  readonly storedAt: number;
}

/**
 * Cache keys → stored results, in LMDB: an embedded store whose binaries come in the npm package, safe
 * for several processes (and threads) reading and writing one directory at once. Reads are synchronous
 * (memory-mapped); writes are batched into transactions off the main thread.
 */
export class MetadataStore {
  private constructor(private readonly db: RootDatabase<StoredEntry | RunManifest | number, string>) {}

  static async open(directory: string): Promise<MetadataStore> {
    let lmdb: typeof import('lmdb');
    try {
      lmdb = await import('lmdb');
    } catch (error) {
      throw new HamiltonError(
        `the cache needs the lmdb package, which could not be loaded (${error instanceof Error ? error.message : String(error)}); reinstall @hamilton-ts/core's dependencies with \`npm install\``,
      );
    }
    mkdirSync(directory, { recursive: true });
    const store = new MetadataStore(lmdb.open({ path: join(directory, 'metadata.lmdb'), compression: false }));
    if (store.db.get(NODES) === undefined) await store.markNodes();
    return store;
  }

  get(key: string): StoredEntry | undefined {
    return this.db.get(key) as StoredEntry | undefined;
  }

  /**
   * Makes reads see every commit so far. lmdb reads from one snapshot until a timer of its own renews
   * it, so a run started right after a flush (answered before that timer) would miss what was just written.
   */
  refresh(): void {
    this.db.resetReadTxn();
  }

  /**
   * Stores an entry. Replacing one with another data version (a recompute of a node that does not give
   * the same value twice) moves the generation, which retires every manifest.
   */
  put(key: string, entry: StoredEntry): Promise<unknown> {
    return this.db.transaction(() => {
      const before = this.get(key);
      if (before && before.dataVersion !== entry.dataVersion) this.bump();
      if (this.db.get(NODE + entry.node) === undefined) {
        this.db.putSync(NODE + entry.node, 1);
        this.db.putSync(NODES, this.nodeCount() + 1);
      }
      return this.db.putSync(key, entry);
    });
  }

  /** Moves whenever a node gets its first stored result, or the cache is cleared. */
  nodeStamp(): string {
    return `${this.generation()}:${this.nodeCount()}`;
  }

  /** The nodes with stored results. */
  nodeNames(): string[] {
    const names: string[] = [];
    for (const key of this.db.getKeys({ start: NODE, end: NODE_END })) names.push((key as string).slice(NODE.length));
    return names;
  }

  private nodeCount(): number {
    return (this.db.get(NODES) as number | undefined) ?? 0;
  }

  /** Marks the nodes of a store written before markers existed (or a new one), once. */
  private markNodes(): Promise<unknown> {
    return this.db.transaction(() => {
      if (this.db.get(NODES) !== undefined) return;
      const names = new Set<string>();
      for (const { key, value } of this.db.getRange())
        if (typeof key === 'string' && !key.startsWith(MANIFEST) && typeof (value as StoredEntry | undefined)?.node === 'string')
          names.add((value as StoredEntry).node);
      for (const name of names) this.db.putSync(NODE + name, 1);
      this.db.putSync(NODES, names.size);
    });
  }

  /** Drops an entry whose result could not be read, unless another process already replaced it. */
  forget(key: string, dataVersion: string): Promise<unknown> {
    return this.db.transaction(() => {
      if (this.get(key)?.dataVersion !== dataVersion) return false;
      this.bump();
      return this.db.removeSync(key);
    });
  }

  /** Moves on every replacement or removal of an entry. */
  generation(): number {
    return (this.db.get(GENERATION) as number | undefined) ?? 0;
  }

  /** The manifest stored under `key`; one in a form this version does not read counts as none. */
  manifest(key: string): RunManifest | undefined {
    const manifest = this.db.get(MANIFEST + key);
    return isRunManifest(manifest) ? manifest : undefined;
  }

  putManifest(key: string, manifest: RunManifest): Promise<boolean> {
    return this.db.put(MANIFEST + key, manifest);
  }

  private bump(): void {
    this.db.putSync(GENERATION, this.generation() + 1);
  }

  /** Removes everything; the generation moves on, so a run that began before retires what it records. */
  async clear(): Promise<void> {
    const generation = this.generation();
    await this.db.clearAsync();
    await this.db.transaction(() => {
      this.db.putSync(GENERATION, generation + 1);
      this.db.putSync(NODES, 0);
    });
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
