import { copyVersion, deferredResultWrite, type Keying } from './deferred-results.js';
import { Fingerprinter } from './fingerprint.js';
import { loadHasher } from './hasher.js';
import { MetadataStore } from './metadata-store.js';
import { cacheKeyOf, FRESH } from './node-keys.js';
import { bytesOf } from './result-formats.js';
import { ResultStore } from './result-store.js';
import { type ManifestRecord, type RunManifest, runManifest } from './run-manifest.js';
import { unpackWrites } from './write-batch.js';
import {
  type DeferredWrite,
  DIGEST_LENGTH,
  type ManifestWrite,
  type ResultWrite,
  type WriteFailure,
  type WriteItem,
  type WriterReply,
  type WriterRequest,
} from './writer-protocol.js';

interface Stores {
  readonly metadata: MetadataStore;
  readonly results: ResultStore;
}

/** What writing one request's files left to wait for: its metadata puts. */
interface FilesWritten {
  readonly failures: WriteFailure[];
  readonly committed: Promise<unknown>;
  readonly resolved: string;
}

/** What this thread worked out for the deferred results of a run still going: later ones refer to them. */
interface LogVersions {
  readonly keys: string[];
  readonly versions: string[];
  readonly codeVersions: string[];
}

/** Stands for a deferred result's key and version in a reply when they could not be worked out. */
const UNRESOLVED = '-'.repeat(2 * DIGEST_LENGTH);

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
  private readonly logs = new Map<number, LogVersions>();
  private keying: Promise<Keying> | undefined;
  private filesWritten: Promise<unknown> = Promise.resolve();
  private answered: Promise<unknown> = Promise.resolve();

  handle(request: WriterRequest): Promise<WriterReply> {
    const { writer, seq } = request;
    if (request.kind === 'close') {
      const closed = this.answered.then(() => this.close(request.directory)).then(() => ({ writer, seq, failures: [], resolved: '' }));
      this.filesWritten = this.answered = closed;
      return closed;
    }
    const written = this.filesWritten.then(() => this.write(request.directory, unpackWrites(request.batch)));
    this.filesWritten = written;
    const answer = Promise.all([written, this.answered]).then(async ([{ failures, committed, resolved }]) => {
      await committed;
      return { writer, seq, failures, resolved };
    });
    this.answered = answer;
    return answer;
  }

  private async write(directory: string, items: readonly WriteItem[]): Promise<FilesWritten> {
    const failures: WriteFailure[] = [];
    let stores: Stores;
    let keying: Keying | undefined;
    try {
      keying = await this.keyingOf();
      stores = await this.storesOf(directory);
    } catch (error) {
      let resolved = '';
      for (const item of items) {
        const node = 'entry' in item ? item.entry.node : 'deferred' in item ? item.deferred.node : undefined;
        if (node !== undefined) failures.push({ node, path: directory, reason: reasonOf(error) });
        if ('deferred' in item) resolved += keying ? (this.resolve(keying, item.deferred)?.resolved ?? UNRESOLVED) : UNRESOLVED;
      }
      return { failures, committed: Promise.resolve(), resolved };
    }
    const { metadata, results } = stores;
    const puts: Promise<unknown>[] = [];
    let resolved = '';
    for (let item of items) {
      if ('end' in item) {
        this.logs.delete(item.end);
        continue;
      }
      if ('deferred' in item) {
        const result = this.resolve(keying, item.deferred);
        resolved += result?.resolved ?? UNRESOLVED;
        if (!result) {
          failures.push({ node: item.deferred.node, path: directory, reason: 'a result it was keyed by was never sent' });
          continue;
        }
        if (result.write.key.startsWith(FRESH)) continue;
        item = result.write;
      }
      if ('forget' in item) {
        puts.push(attempt(() => metadata.forget(item.key, item.forget)).catch(noop)); // an entry left in place fails its reads again
        continue;
      }
      if ('manifest' in item) {
        // A manifest that is not stored only costs the next run its walk.
        const manifest = this.completed(item);
        if (manifest) puts.push(attempt(() => metadata.putManifest(item.key, manifest)).catch(noop));
        continue;
      }
      const { key, entry, result } = item;
      const path = results.pathOf(entry.dataVersion, entry.format);
      const fail = (error: unknown) => failures.push({ node: entry.node, path, reason: reasonOf(error) });
      try {
        results.save(entry.dataVersion, entry.format, () => bytesOf(result));
      } catch (error) {
        fail(error);
        continue;
      }
      puts.push(attempt(() => metadata.put(key, entry)).catch(fail));
    }
    return { failures, committed: Promise.all(puts), resolved };
  }

  /**
   * The data version and key of a deferred result, as the main thread would work them out, and the write
   * that stores it; `undefined` when a result it refers to is unknown here.
   */
  private resolve(keying: Keying, deferred: DeferredWrite): { write: ResultWrite; resolved: string } | undefined {
    let log = this.logs.get(deferred.log);
    if (!log) {
      log = { keys: [], versions: [], codeVersions: [] };
      this.logs.set(deferred.log, log);
    }
    const versions: string[] = [];
    for (const ref of deferred.refs) {
      const version = typeof ref === 'string' ? ref : log.versions[ref];
      if (version === undefined) return undefined;
      versions.push(version);
    }
    const { array, type, index, node, codeVersion } = deferred;
    const dataVersion = copyVersion(keying, type, array);
    const key = cacheKeyOf(keying.hasher, deferred.digest, versions);
    log.versions[index] = dataVersion;
    log.keys[index] = key;
    log.codeVersions[index] = codeVersion;
    return { write: deferredResultWrite(key, dataVersion, node, codeVersion, type, array), resolved: key + dataVersion };
  }

  /**
   * A manifest with its numbered records filled in from their log, as stored; `undefined` when one is
   * unknown here, or a field is not a digest.
   */
  private completed(item: ManifestWrite): RunManifest | undefined {
    const { manifest, log: id } = item;
    const log = id === undefined ? undefined : this.logs.get(id);
    const records: ManifestRecord[] = [];
    for (const record of manifest.records) {
      if (typeof record !== 'number') records.push(record);
      else if (log?.keys[record] === undefined) return undefined;
      else records.push([log.keys[record], log.versions[record], log.codeVersions[record]]);
    }
    return runManifest(manifest.generation, records);
  }

  private keyingOf(): Promise<Keying> {
    this.keying ??= loadHasher().then((hasher) => ({ hasher, fingerprints: new Fingerprinter(hasher) }));
    return this.keying;
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
