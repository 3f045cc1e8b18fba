import { getLogger } from '../logging/logger.js';
import type { StoredEntry } from './metadata-store.js';
import type { PreparedResult } from './result-formats.js';
import type { RunManifest } from './run-manifest.js';
import { type StagingArea, stagingArea } from './staging-area.js';
import { packWrites } from './write-batch.js';
import type { ManifestWrite, ResultWrite, WriteFailure, WriteItem, WriterReply } from './writer-protocol.js';
import { type WriterClient, type WriterThread, writerThread } from './writer-thread.js';

const MB = 1024 * 1024;
/** Writes per message: enough that a message costs little per result, few enough that writing starts early in a run. */
const BATCH_ITEMS = 256;
const BATCH_BYTES = 8 * MB;

/** A write queued or sent and not answered yet. */
interface PendingWrite<T extends WriteItem = WriteItem> {
  /**
   * What the thread gets. A typed array is copied when its node returns (a later change by a node or
   * the caller must not reach the file), into shared memory, which this process reads until the write is done.
   */
  readonly item: T;
  readonly size: number;
}

/**
 * Write-behind for one cache directory: runs queue their results and go on; the writer thread encodes
 * and stores them in the background, in batches. Until a write is done its entry, value and manifest
 * answer this process's lookups, so a run right after another hits what it computed.
 *
 * The bytes held pending are bounded (`maxPendingBytes`): past the bound, `add` gives the run a promise
 * to await. A failed write never fails a run: once the writer has nothing left in flight, it warns
 * once about what failed since it was last idle.
 */
export class ResultWriter implements WriterClient {
  /** Bytes held for unfinished writes past which a run waits for the writer. */
  maxPendingBytes = 256 * MB;
  private readonly id: number;
  /** By cache key. */
  private readonly entries = new Map<string, PendingWrite<ResultWrite>>();
  /** By data version. */
  private readonly values = new Map<string, PendingWrite<ResultWrite>>();
  /** By manifest key. */
  private readonly manifests = new Map<string, PendingWrite<ManifestWrite>>();
  private batch: PendingWrite[] = [];
  private batchBytes = 0;
  private readonly sent = new Map<number, PendingWrite[]>();
  private lastSent = 0;
  private lastAnswered = 0;
  private pendingBytes = 0;
  private scheduled = false;
  private flushes: { readonly seq: number; readonly resolve: () => void }[] = [];
  private rooms: (() => void)[] = [];
  private firstFailure: WriteFailure | undefined;
  private failures = 0;

  constructor(
    readonly directory: string,
    private readonly thread: WriterThread = writerThread,
    private readonly staging: StagingArea = stagingArea,
  ) {
    this.id = thread.register(this);
  }

  /** The entry of a result still being written under cache key `key`. */
  entry(key: string): StoredEntry | undefined {
    return this.entries.get(key)?.item.entry;
  }

  /** A result of data version `dataVersion` still being written (read it with `preparedValue`, which copies). */
  result(dataVersion: string): PreparedResult | undefined {
    return this.values.get(dataVersion)?.item.result;
  }

  /** A manifest still being written. */
  manifest(key: string): RunManifest | undefined {
    return this.manifests.get(key)?.item.manifest;
  }

  /** Queues a result; returns a promise to await when the bytes pending are past the bound. */
  add(key: string, entry: StoredEntry, result: PreparedResult): Promise<void> | undefined {
    const copy = 'array' in result ? { ...result, array: this.staging.copy(result.array) } : result;
    const pending: PendingWrite<ResultWrite> = { item: { key, entry, result: copy }, size: sizeOf(result) };
    this.entries.set(key, pending);
    this.values.set(entry.dataVersion, pending);
    this.queue(pending);
    if (this.pendingBytes <= this.maxPendingBytes) return undefined;
    this.send();
    return new Promise((resolve) => this.rooms.push(resolve));
  }

  /** Queues a run's manifest, stored after every result queued before it. */
  addManifest(key: string, manifest: RunManifest): void {
    const pending: PendingWrite<ManifestWrite> = { item: { key, manifest }, size: 0 };
    this.manifests.set(key, pending);
    this.queue(pending);
  }

  /**
   * Queues the removal of an entry whose file could not be read (unless it is replaced by then): in
   * order with the writes, so the recomputed result queued after it is not removed with it.
   */
  forget(key: string, dataVersion: string): void {
    this.queue({ item: { key, forget: dataVersion }, size: 0 });
  }

  /** Sends what is queued to the thread now (a run calls it as it finishes). */
  send(): void {
    if (this.batch.length === 0) return;
    const batch = this.batch;
    this.batch = [];
    this.batchBytes = 0;
    const seq = ++this.lastSent;
    this.sent.set(seq, batch);
    const items = batch.map((pending) => pending.item);
    this.thread.send({ kind: 'write', writer: this.id, seq, directory: this.directory, batch: packWrites(items) });
  }

  /** Resolves once every write queued so far is done: stored, or failed and reported. */
  flush(): Promise<void> {
    this.send();
    return this.answeredUpTo(this.lastSent);
  }

  /** Stops answering lookups from pending writes and drops those not sent yet (the cache is being cleared). */
  discard(): void {
    for (const pending of this.batch) this.unhold(pending);
    this.batch = [];
    this.batchBytes = 0;
    this.entries.clear();
    this.values.clear();
    this.manifests.clear();
    this.wake();
  }

  /** Flushes, then closes the thread's stores of this directory. */
  async close(): Promise<void> {
    await this.flush();
    if (this.thread.running) {
      const seq = ++this.lastSent;
      this.sent.set(seq, []);
      this.thread.send({ kind: 'close', writer: this.id, seq, directory: this.directory });
      await this.answeredUpTo(seq);
    }
    this.thread.unregister(this.id);
  }

  answered(reply: WriterReply): void {
    this.settle(reply.seq, reply.failures);
  }

  lost(reason: string): void {
    for (const [seq, batch] of [...this.sent]) {
      const failures: WriteFailure[] = [];
      for (const { item } of batch)
        if ('entry' in item)
          failures.push({ node: item.entry.node, path: this.directory, reason: `the cache's writer thread stopped: ${reason}` });
      this.settle(seq, failures);
    }
  }

  private queue(pending: PendingWrite): void {
    this.batch.push(pending);
    this.batchBytes += pending.size;
    this.pendingBytes += pending.size;
    if (this.batch.length >= BATCH_ITEMS || this.batchBytes >= BATCH_BYTES) this.send();
    else if (!this.scheduled) {
      // A run that ends without finishing (or a caller that never sends) still gets its writes sent.
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.send();
      });
    }
  }

  private answeredUpTo(seq: number): Promise<void> {
    if (this.lastAnswered >= seq) return Promise.resolve();
    return new Promise((resolve) => this.flushes.push({ seq, resolve }));
  }

  private settle(seq: number, failures: readonly WriteFailure[]): void {
    const batch = this.sent.get(seq);
    if (!batch) return;
    this.sent.delete(seq);
    for (const pending of batch) this.release(pending);
    this.lastAnswered = Math.max(this.lastAnswered, seq);
    if (failures.length) {
      this.firstFailure ??= failures[0];
      this.failures += failures.length;
    }
    if (this.sent.size === 0) this.reportFailures();
    this.wake();
  }

  /** Forgets a finished write, unless a later write replaced it (a recompute of the same key, or equal content). */
  private release(pending: PendingWrite): void {
    this.unhold(pending);
    const { item } = pending;
    if ('forget' in item) return;
    if ('manifest' in item) {
      if (this.manifests.get(item.key) === pending) this.manifests.delete(item.key);
      return;
    }
    if (this.entries.get(item.key) === pending) this.entries.delete(item.key);
    if (this.values.get(item.entry.dataVersion) === pending) this.values.delete(item.entry.dataVersion);
  }

  /** Gives back what a pending write held: its bytes against the bound, and its copy. */
  private unhold(pending: PendingWrite): void {
    this.pendingBytes -= pending.size;
    const { item } = pending;
    if ('result' in item && 'array' in item.result) this.staging.done(item.result.array);
  }

  private wake(): void {
    if (this.flushes.length) {
      const done = this.flushes.filter((f) => f.seq <= this.lastAnswered);
      this.flushes = this.flushes.filter((f) => f.seq > this.lastAnswered);
      for (const f of done) f.resolve();
    }
    if (this.rooms.length && this.pendingBytes <= this.maxPendingBytes) {
      const rooms = this.rooms;
      this.rooms = [];
      for (const resolve of rooms) resolve();
    }
  }

  /** One warning for every failure since the writer was last idle: it names the first, and counts the others. */
  private reportFailures(): void {
    const first = this.firstFailure;
    if (!first) return;
    const others = this.failures - 1;
    this.firstFailure = undefined;
    this.failures = 0;
    getLogger().warn(
      `hamilton-ts cache: storing the result of node "${first.node}" in ${first.path} failed (${first.reason})` +
        `${others ? `, and ${others} more results could not be stored in ${this.directory}` : ''}; they will be computed again when next needed`,
      { node: first.node, path: first.path },
    );
  }
}

function sizeOf(result: PreparedResult): number {
  if ('array' in result) return result.array.byteLength;
  return typeof result.bytes === 'string' ? result.bytes.length : result.bytes.byteLength;
}
