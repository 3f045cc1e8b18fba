import { MetadataStore } from './metadata-store.js';
import { bytesOf } from './result-formats.js';
import { ResultStore } from './result-store.js';
import { unpackWrites } from './write-batch.js';
import type { WriteFailure, WriteItem, WriterReply, WriterRequest } from './writer-protocol.js';

interface Stores {
  readonly metadata: MetadataStore;
  readonly results: ResultStore;
}

/** What writing one request's files left to wait for: its metadata puts. */
interface FilesWritten {
  readonly failures: WriteFailure[];
  readonly committed: Promise<unknown>;
}

const noop = () => undefined;

/**
 * Carries out the requests of the cache's writer thread, in the order they come. Per result the file
 * is written and renamed into place before its metadata entry is put, so a crash can lose an entry but
 * never leave one naming a missing or partial file; a manifest is put after the entries sent before it.
 * The next request's files are written while the previous one's entries commit, and each answer
 * waits for its entries, in order. The promises never reject: failures are part of the answer.
 */
export class WriteHandler {
  private readonly stores = new Map<string, Promise<Stores>>();
  private filesWritten: Promise<unknown> = Promise.resolve();
  private answered: Promise<unknown> = Promise.resolve();

  handle(request: WriterRequest): Promise<WriterReply> {
    const { writer, seq } = request;
    if (request.kind === 'close') {
      const closed = this.answered.then(() => this.close(request.directory)).then(() => ({ writer, seq, failures: [] }));
      this.filesWritten = this.answered = closed;
      return closed;
    }
    const written = this.filesWritten.then(() => this.write(request.directory, unpackWrites(request.batch)));
    this.filesWritten = written;
    const answer = Promise.all([written, this.answered]).then(async ([{ failures, committed }]) => {
      await committed;
      return { writer, seq, failures };
    });
    this.answered = answer;
    return answer;
  }

  private async write(directory: string, items: readonly WriteItem[]): Promise<FilesWritten> {
    const failures: WriteFailure[] = [];
    let stores: Stores;
    try {
      stores = await this.storesOf(directory);
    } catch (error) {
      for (const item of items) if ('entry' in item) failures.push({ node: item.entry.node, path: directory, reason: reasonOf(error) });
      return { failures, committed: Promise.resolve() };
    }
    const { metadata, results } = stores;
    const puts: Promise<unknown>[] = [];
    for (const item of items) {
      if ('forget' in item) {
        puts.push(attempt(() => metadata.forget(item.key, item.forget)).catch(noop)); // an entry left in place fails its reads again
        continue;
      }
      if ('manifest' in item) {
        // A manifest that is not stored only costs the next run its walk.
        puts.push(attempt(() => metadata.putManifest(item.key, item.manifest)).catch(noop));
        continue;
      }
      const { entry, result } = item;
      const path = results.pathOf(entry.dataVersion, entry.format);
      const fail = (error: unknown) => failures.push({ node: entry.node, path, reason: reasonOf(error) });
      try {
        results.save(entry.dataVersion, entry.format, () => bytesOf(result));
      } catch (error) {
        fail(error);
        continue;
      }
      puts.push(attempt(() => metadata.put(item.key, entry)).catch(fail));
    }
    return { failures, committed: Promise.all(puts) };
  }

  private storesOf(directory: string): Promise<Stores> {
    let stores = this.stores.get(directory);
    if (!stores) {
      stores = MetadataStore.open(directory).then((metadata) => ({ metadata, results: new ResultStore(directory) }));
      stores.catch(() => this.stores.delete(directory)); // tried again by the next request
      this.stores.set(directory, stores);
    }
    return stores;
  }

  private async close(directory: string): Promise<void> {
    const stores = this.stores.get(directory);
    this.stores.delete(directory);
    await stores?.then((s) => s.metadata.close(), noop);
  }
}

/** The promise `put` returns, or a rejected one when it throws (a closed store throws at once). */
function attempt(put: () => Promise<unknown>): Promise<unknown> {
  try {
    return put();
  } catch (error) {
    return Promise.reject(error);
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
