import { getLogger } from '../logging/logger.js';
import { type DeferredResults, DONE, deferredResultWrite, MAPPED, QUEUED } from './deferred-results.js';
import type { StoredEntry } from './metadata-store.js';
import type { PreparedResult } from './result-formats.js';
import { type ManifestRecord, type RunManifest, runManifest } from './run-manifest.js';
import { type StagingArea, stagingArea } from './staging-area.js';
import { type DeferredRange, extendRanges, OutgoingBatch, type QueuedManifest } from './write-batch.js';
import { DIGEST_LENGTH, type ResultWrite, type WriteFailure, type WriteItem, type WriterReply } from './writer-protocol.js';
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
  /** For a deferred result mapped for lookups, its log and index (the log holds its copy and bytes). */
  readonly log?: DeferredResults;
  readonly index?: number;
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
  /** Where results are copied for the thread; a run copies deferred results into it itself. */
  readonly staging: StagingArea;
  /** By cache key. */
  private readonly entries = new Map<string, PendingWrite<ResultWrite>>();
  /** By data version. */
  private readonly values = new Map<string, PendingWrite<ResultWrite>>();
  /** By manifest key. */
  private readonly manifests = new Map<string, PendingWrite<QueuedManifest>>();
  private batch = new OutgoingBatch<PendingWrite>();
  private readonly sent = new Map<number, OutgoingBatch<PendingWrite>>();
  /** Deferred results queued and not mapped for lookups yet, in order (some may be done since). */
  private unmapped: DeferredRange[] = [];
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
    staging: StagingArea = stagingArea,
  ) {
    this.staging = staging;
    this.id = thread.register(this);
  }

  /**
   * The entry of a result still being written under cache key `key`. `deferred`: the node may have deferred
   * results pending (its results were queued by this process), whose keys are worked out here first.
   */
  entry(key: string, deferred: boolean): StoredEntry | undefined {
    if (deferred) this.mapDeferred();
    return this.entries.get(key)?.item.entry;
  }

  /**
   * A result of data version `dataVersion` still being written (read it with `preparedValue`, which copies).
   * A deferred one is found once `entry` mapped it; after its write, its file is there instead.
   */
  result(dataVersion: string): PreparedResult | undefined {
    return this.values.get(dataVersion)?.item.result;
  }

  /** A manifest still being written, in the form a stored one is read in. */
  manifest(key: string): RunManifest | undefined {
    const pending = this.manifests.get(key);
    if (!pending) return undefined;
    const { manifest, results: log } = pending.item;
    const records = manifest.records.map(
      (r): ManifestRecord => (typeof r === 'number' ? [log!.key(r), log!.version(r), log!.codeVersions[r]] : r),
    );
    return runManifest(manifest.generation, records);
  }

  /** Queues a result; returns a promise to await when the bytes pending are past the bound. */
  add(key: string, entry: StoredEntry, result: PreparedResult): Promise<void> | undefined {
    const copy = 'array' in result ? { ...result, array: this.staging.copy(result.array) } : result;
    const pending: PendingWrite<ResultWrite> = { item: { key, entry, result: copy }, size: sizeOf(result) };
    this.entries.set(key, pending);
    this.values.set(entry.dataVersion, pending);
    this.queue(pending);
    return this.room();
  }

  /**
   * Queues result `index` of `log`, whose copy the log holds: the thread works out its data version and
   * key. Returns a promise to await when the bytes pending are past the bound.
   */
  addDeferred(log: DeferredResults, index: number): Promise<void> | undefined {
    const size = log.lengths[index];
    this.batch.addDeferred(log, index, size);
    this.pendingBytes += size;
    extendRanges(this.unmapped, log, index);
    this.queued();
    return this.room();
  }

  /** Queues a run's manifest, stored after every result queued before it; numbered records are results of `log`. */
  addManifest(key: string, manifest: QueuedManifest['manifest'], log?: DeferredResults): void {
    const pending: PendingWrite<QueuedManifest> = { item: log ? { key, manifest, results: log } : { key, manifest }, size: 0 };
    this.manifests.set(key, pending);
    this.queue(pending);
  }

  /** Tells the thread that no write refers to `log` after those queued: it can forget the log. */
  endLog(log: DeferredResults): void {
    if (log.size > 0) this.queue({ item: { end: log.id }, size: 0 });
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
    this.batch = new OutgoingBatch();
    const seq = ++this.lastSent;
    this.sent.set(seq, batch);
    this.thread.send({ kind: 'write', writer: this.id, seq, directory: this.directory, batch: batch.pack() });
  }

  /** Resolves once every write queued so far is done: stored, or failed and reported. */
  flush(): Promise<void> {
    this.send();
    return this.answeredUpTo(this.lastSent);
  }

  /** Stops answering lookups from pending writes and drops those not sent yet (the cache is being cleared). */
  discard(): void {
    const dropped = this.batch;
    this.batch = new OutgoingBatch();
    this.release(dropped, undefined, (pending) => {
      // The thread still forgets the logs of runs that wrote before.
      if ('end' in pending.item) this.queue(pending);
    });
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
      this.sent.set(seq, new OutgoingBatch());
      this.thread.send({ kind: 'close', writer: this.id, seq, directory: this.directory });
      await this.answeredUpTo(seq);
    }
    this.thread.unregister(this.id);
  }

  answered(reply: WriterReply): void {
    this.settle(reply.seq, reply.failures, reply.resolved);
  }

  lost(reason: string): void {
    for (const [seq, batch] of [...this.sent]) {
      const failures: WriteFailure[] = [];
      const fail = (node: string) => failures.push({ node, path: this.directory, reason: `the cache's writer thread stopped: ${reason}` });
      for (const { item } of batch.writes()) if ('entry' in item) fail(item.entry.node);
      for (const { log, from, to } of batch.ranges()) for (let index = from; index < to; index++) fail(log.nodes[index]);
      this.settle(seq, failures, '');
    }
  }

  private queue(pending: PendingWrite): void {
    this.batch.add(pending);
    this.pendingBytes += pending.size;
    this.queued();
  }

  /** Sends a full batch, or makes sure a batch that is not full is sent soon. */
  private queued(): void {
    if (this.batch.length >= BATCH_ITEMS || this.batch.bytes >= BATCH_BYTES) this.send();
    else if (!this.scheduled) {
      // A run that ends without finishing (or a caller that never sends) still gets its writes sent.
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.send();
      });
    }
  }

  /** A promise to await when the bytes pending are past the bound. */
  private room(): Promise<void> | undefined {
    if (this.pendingBytes <= this.maxPendingBytes) return undefined;
    this.send();
    return new Promise((resolve) => this.rooms.push(resolve));
  }

  /**
   * Works out, on this thread, the keys and versions of the deferred results still being written, and
   * enters them with the other pending writes: a lookup must find them before the thread answers.
   */
  private mapDeferred(): void {
    if (this.unmapped.length === 0) return;
    for (const { log, from, to } of this.unmapped)
      for (let index = from; index < to; index++) {
        if (log.states[index] !== QUEUED) continue;
        const write = deferredResultWrite(
          log.key(index),
          log.version(index),
          log.nodes[index],
          log.codeVersions[index],
          log.types[index],
          log.copyOf(index),
        );
        const pending: PendingWrite<ResultWrite> = { item: write, size: 0, log, index };
        this.entries.set(write.key, pending);
        this.values.set(write.entry.dataVersion, pending);
        log.states[index] = MAPPED;
      }
    this.unmapped = [];
  }

  /** Drops done results from the front of the unmapped queue, so a long run of cold writes does not keep them. */
  private trimUnmapped(): void {
    let first = 0;
    for (; first < this.unmapped.length; first++) {
      const range = this.unmapped[first];
      let from = range.from;
      while (from < range.to && range.log.states[from] === DONE) from++;
      if (from < range.to) {
        if (from > range.from) this.unmapped[first] = { log: range.log, from, to: range.to };
        break;
      }
    }
    if (first > 0) this.unmapped = this.unmapped.slice(first);
  }

  private answeredUpTo(seq: number): Promise<void> {
    if (this.lastAnswered >= seq) return Promise.resolve();
    return new Promise((resolve) => this.flushes.push({ seq, resolve }));
  }

  private settle(seq: number, failures: readonly WriteFailure[], resolved: string): void {
    const batch = this.sent.get(seq);
    if (!batch) return;
    this.sent.delete(seq);
    this.release(batch, resolved, (pending) => this.forgetWritten(pending));
    this.trimUnmapped();
    this.lastAnswered = Math.max(this.lastAnswered, seq);
    if (failures.length) {
      this.firstFailure ??= failures[0];
      this.failures += failures.length;
    }
    if (this.sent.size === 0) this.reportFailures();
    this.wake();
  }

  /**
   * Gives back what the writes of a batch held: bytes against the bound, and copies. A deferred result
   * takes its key and version from the thread's answer (`resolved`), or works them out here first when
   * there is none (the thread stopped, or the batch was never sent), so its log can always answer.
   */
  private release(batch: OutgoingBatch<PendingWrite>, resolved: string | undefined, each: (pending: PendingWrite) => void): void {
    for (const pending of batch.writes()) {
      this.pendingBytes -= pending.size;
      const { item } = pending;
      if ('result' in item && 'array' in item.result) this.staging.done(item.result.array.buffer);
      each(pending);
    }
    let d = 0;
    for (const { log, from, to } of batch.ranges())
      for (let index = from; index < to; index++, d++) {
        const at = 2 * DIGEST_LENGTH * d;
        const answer = resolved?.slice(at, at + 2 * DIGEST_LENGTH) ?? '';
        if (answer.length === 2 * DIGEST_LENGTH && answer[0] !== '-')
          log.settle(index, answer.slice(0, DIGEST_LENGTH), answer.slice(DIGEST_LENGTH));
        else {
          log.key(index);
          log.version(index);
        }
        if (log.states[index] === MAPPED) {
          const key = log.key(index);
          const version = log.version(index);
          const mapped = (pending: PendingWrite | undefined) => pending?.log === log && pending.index === index;
          if (mapped(this.entries.get(key))) this.entries.delete(key);
          if (mapped(this.values.get(version))) this.values.delete(version);
        }
        this.pendingBytes -= log.lengths[index];
        this.staging.done(log.chunks[index]);
        log.done(index);
      }
  }

  /** Forgets a finished write, unless a later write replaced it (a recompute of the same key, or equal content). */
  private forgetWritten(pending: PendingWrite): void {
    const { item } = pending;
    if ('forget' in item || 'end' in item || 'deferred' in item) return;
    if ('manifest' in item) {
      if (this.manifests.get(item.key) === pending) this.manifests.delete(item.key);
      return;
    }
    if (this.entries.get(item.key) === pending) this.entries.delete(item.key);
    if (this.values.get(item.entry.dataVersion) === pending) this.values.delete(item.entry.dataVersion);
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
