import { messages } from '../messages.js';
import { RunStoreError, reasonOf } from '../run-store-error.js';
import type { TrackingEvent } from '../store/records.js';
import type { RunStore } from '../store/run-store.js';

/** How a {@link BatchWriter} paces its writes. */
export interface BatchWriterOptions {
  /** The store's URL, for messages. */
  readonly url: string;
  readonly flushIntervalMs: number;
  /** Rows per write (an event is one row; a run's start, one per planned node). */
  readonly batchSize: number;
  /** Events kept while the store fails. */
  readonly maxBacklog: number;
  readonly warn: (message: string) => void;
  /** The heartbeats of the runs in progress: added to every write, so each write tells the store they are alive. */
  readonly heartbeats?: () => readonly TrackingEvent[];
}

/** Retries back off up to this. */
const MAX_RETRY_MS = 30_000;

/**
 * Writes tracking events to a store off the hot path: `push` only appends to memory and arms a timer;
 * the timer (or `flush`) writes batches, one at a time, in order. A store that fails is retried with
 * back-off and warned about once; meanwhile at most `maxBacklog` events wait and newer ones are
 * dropped (warned about once, when it first happens). Nothing here ever throws into a run.
 */
export class BatchWriter {
  private queue: TrackingEvent[] = [];
  /** Index of the first event not written yet: batches are read in place and dropped once written. */
  private head = 0;
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> | undefined;
  /**
   * Where the batch that failed ends: a retry sends exactly that batch again, so a store that did commit
   * it (and lost the answer) recognises it and keeps it once.
   */
  private retryEnd: number | undefined;
  private failures = 0;
  private warnedFailing = false;
  private warnedDropped = false;
  private dropped = 0;
  private closed = false;

  constructor(
    /** The store, opened on first use; a rejection counts as a failed write. */
    private readonly openStore: () => Promise<RunStore>,
    private readonly options: BatchWriterOptions,
  ) {}

  /** Events waiting to be written. */
  get pending(): number {
    return this.queue.length - this.head;
  }

  /** Events dropped so far (backlog full while the store failed, or the writer closed). */
  get droppedEvents(): number {
    return this.dropped;
  }

  /** Queues an event; O(1), never waits, never throws. */
  push(event: TrackingEvent): void {
    if (this.closed || (this.failures > 0 && this.pending >= this.options.maxBacklog)) {
      this.drop(1);
      return;
    }
    this.queue.push(event);
    if (this.timer === undefined && this.writing === undefined) this.schedule(this.options.flushIntervalMs, true);
  }

  /**
   * Writes the heartbeats of the runs in progress now, with whatever is queued, unless a write is under
   * way (it carries them) or the store is failing and a retry waits out its back-off. Never waits, never throws.
   */
  beat(): void {
    if (this.closed || this.writing !== undefined || (this.failures > 0 && this.timer !== undefined)) return;
    void this.start();
  }

  /** Writes everything queued now; resolves once written, or once an attempt failed (the events stay queued for the retry). */
  async flush(): Promise<void> {
    if (this.writing) await this.writing;
    if (this.pending > 0) await this.start();
  }

  /** Flushes, then refuses further events; events the store would not take are counted as dropped. */
  async close(): Promise<void> {
    await this.flush();
    this.closed = true;
    this.cancelTimer();
    if (this.pending > 0) {
      this.drop(this.pending);
      this.queue = [];
      this.head = 0;
      this.retryEnd = undefined;
    }
  }

  private schedule(delayMs: number, keepAlive: boolean): void {
    this.cancelTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.start();
    }, delayMs);
    // Events the run made keep the process alive until written; retries against a dead store do not.
    if (!keepAlive) this.timer.unref();
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private start(): Promise<void> {
    this.cancelTimer();
    this.writing ??= this.drain().finally(() => {
      this.writing = undefined;
      if (this.pending > 0 && !this.closed && this.timer === undefined)
        this.schedule(this.failures ? this.retryDelay() : this.options.flushIntervalMs, this.failures === 0);
    });
    return this.writing;
  }

  /** Writes batches until the queue is empty: at least one write when there are heartbeats to send. */
  private async drain(): Promise<void> {
    do {
      const end = this.retryEnd ?? this.batchEnd();
      const batch = this.queue.slice(this.head, end);
      const heartbeats = this.options.heartbeats?.() ?? [];
      if (batch.length === 0 && heartbeats.length === 0) return;
      try {
        const store = await this.openStore();
        await store.write(heartbeats.length ? batch.concat(heartbeats) : batch);
      } catch (error) {
        if (end > this.head) this.retryEnd = end;
        this.failed(error);
        return;
      }
      this.retryEnd = undefined;
      this.failures = 0;
      this.head = end;
      this.compact();
    } while (this.pending > 0);
  }

  /** Where the next batch ends: at least one event, about `batchSize` rows. */
  private batchEnd(): number {
    let rows = 0;
    let end = this.head;
    while (end < this.queue.length && (end === this.head || rows < this.options.batchSize)) {
      const event = this.queue[end++];
      rows += event.kind === 'run-started' ? 1 + event.nodes.length : 1;
    }
    return end;
  }

  private compact(): void {
    if (this.head === this.queue.length) {
      this.queue = [];
      this.head = 0;
    } else if (this.head > 4_096 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
  }

  private failed(error: unknown): void {
    this.failures++;
    if (this.warnedFailing) return;
    this.warnedFailing = true;
    // A RunStoreError's own message names the store again: its cause says what is wrong.
    const problem = error instanceof RunStoreError && error.cause !== undefined ? reasonOf(error.cause) : reasonOf(error);
    this.warn(messages.writesFailing(this.options.url, problem, this.options.maxBacklog, Math.round(MAX_RETRY_MS / 1000)));
  }

  private retryDelay(): number {
    return Math.min(MAX_RETRY_MS, this.options.flushIntervalMs * 2 ** Math.min(this.failures, 16));
  }

  private drop(count: number): void {
    this.dropped += count;
    if (this.warnedDropped) return;
    this.warnedDropped = true;
    this.warn(messages.eventsDropped(this.options.url));
  }

  private warn(message: string): void {
    try {
      this.options.warn(message);
    } catch {
      // a logger that throws must not fail a run either
    }
  }
}
