import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { HamiltonError } from '@hamilton-ts/result-builders';
import type { RootDatabase } from 'lmdb';
import type { StoredShape } from './result-formats.js';

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
  private constructor(private readonly db: RootDatabase<StoredEntry, string>) {}

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
    return new MetadataStore(lmdb.open<StoredEntry, string>({ path: join(directory, 'metadata.lmdb'), compression: false }));
  }

  get(key: string): StoredEntry | undefined {
    return this.db.get(key);
  }

  put(key: string, entry: StoredEntry): Promise<boolean> {
    return this.db.put(key, entry);
  }

  /** Drops an entry whose result could not be read, unless another process already replaced it. */
  forget(key: string, dataVersion: string): Promise<boolean> {
    return this.db.transaction(() => (this.db.get(key)?.dataVersion === dataVersion ? this.db.removeSync(key) : false));
  }

  /** Every stored entry. */
  *entries(): Iterable<{ key: string; value: StoredEntry }> {
    yield* this.db.getRange();
  }

  clear(): Promise<void> {
    return this.db.clearAsync();
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
