import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type GraphAdapter, isThenable, type NodeExecuteContext } from '@hamilton-ts/core';
import { messages } from '../messages.js';
import { reasonOf } from '../run-store-error.js';
import { openRunStore } from '../store/open-store.js';
import type { RunProcess, TrackingEvent, ValueSummary } from '../store/records.js';
import type { RunStore } from '../store/run-store.js';
import { summarize } from '../summary/summarize.js';
import { BatchWriter } from './batch-writer.js';
import { HeartbeatTimer, heartbeatOf } from './heartbeat.js';
import { type NodeCall, nodeOutcome } from './node-outcome.js';
import { describePlannedNodes } from './planned-nodes.js';
import { recordError } from './recorded-error.js';
import { type ResolvedTrackingOptions, resolveTrackingOptions, type TrackingAdapterOptions } from './tracking-options.js';

/** A run in progress, under the driver's run id. */
interface TrackedRun {
  /** Our own id: a UUID, unique across processes (the driver's is unique in its process only). */
  readonly id: string;
  readonly startedAt: number;
  /** `performance.now()` at the start, for the duration. */
  readonly start: number;
  readonly planned: readonly string[];
  /** Nodes that reported at least once: planned ones that never did are skipped at the end. */
  readonly reported: Set<string>;
  /** Results so far: the order nodes finished in. */
  seq: number;
  /**
   * Calls started and not finished, by their `kwargs` object (the driver hands the same one to every
   * hook of a call). A Map dropped with the run, not a WeakMap: adding 10,000 keys per run to a
   * WeakMap costs more than the rest of the tracking together.
   */
  readonly calls: Map<object, NodeCall>;
}

type PreGraphEvent = Parameters<NonNullable<GraphAdapter['preGraphExecute']>>[0];
type PostGraphEvent = Parameters<NonNullable<GraphAdapter['postGraphExecute']>>[0];
type PreNodeEvent = Parameters<NonNullable<GraphAdapter['preNodeExecute']>>[0];
type PostNodeEvent = Parameters<NonNullable<GraphAdapter['postNodeExecute']>>[0];

/**
 * Records every run of the drivers it is given to in a run store, for `hamilton-ts ui` to show: per
 * run the project, outputs, inputs (as summaries), start, duration, status and error, and the planned
 * nodes (type, doc, tags, dependencies, code location); per node its status, start, duration, cache
 * status, error with stack, and a summary of its value (never the value: see `summarize`).
 *
 * Hooks only stamp times, summarise and queue events in memory; a timer writes them in batches, so the
 * store is never awaited by a run. A store that is down never fails a run: it is warned about once and
 * retried, with a bounded backlog. Call `flush()` to wait for the writes, `close()` when done.
 *
 * Each run records its process (pid, host name); every write, and an unref'd timer while runs are in
 * progress (`heartbeatIntervalMs`), tells the store it is alive and which nodes are running. A run that
 * stops reporting for `staleAfterMs` (its process was killed or crashed) reads as failed.
 *
 * Engines: works with the sequential Driver, AsyncDriver, worker threads and queues (hooks run where
 * the driver runs), concurrent runs (each run is told apart by its driver run id), and the cache (each
 * node's `cacheStatus`). A node of a Parallelizable block is one record: `executions` counts its runs,
 * its duration is their sum, its start the earliest, its summary the first item's, and it failed if any
 * item did. With GracefulErrorAdapter, list it before the tracker (`[graceful, tracker]`) so the tracker
 * records the errors it turns into its sentinel, with their stacks; nodes answered with the sentinel are
 * recorded as skipped. A run GracefulErrorAdapter carried through counts as a success.
 *
 * @example
 * const tracker = new TrackingAdapter({ project: 'marketing', store: 'sqlite:.hamilton/runs.db' });
 * const dr = new Driver({}, SpendFeatures, { adapter: [tracker] });
 * await dr.execute(['spendPerSignup'], { inputs: { spend, signups } });
 * await tracker.flush();
 */
export class TrackingAdapter implements GraphAdapter {
  /** The project runs are filed under. */
  readonly project: string;
  /** The store's URL as given (password masked), or the store's class name. */
  readonly storeUrl: string;
  private readonly options: ResolvedTrackingOptions;
  private readonly writer: BatchWriter;
  private readonly heartbeat: HeartbeatTimer;
  /** This process, as every run it tracks records it. */
  private readonly origin: RunProcess;
  private readonly runs = new Map<string, TrackedRun>();
  private store: Promise<RunStore> | undefined;
  private warnedInternal = false;

  /** Throws for bad options, and `RunStoreError` for a malformed store URL; never for a store that is down. */
  constructor(options: TrackingAdapterOptions) {
    this.options = resolveTrackingOptions(options);
    this.project = this.options.project;
    this.storeUrl = this.options.storeUrl;
    this.writer = new BatchWriter(() => this.openStore(), { ...this.options, url: this.storeUrl, heartbeats: () => this.heartbeats() });
    this.heartbeat = new HeartbeatTimer(this.options.heartbeatIntervalMs, () => this.writer.beat());
    this.origin = { pid: process.pid, hostname: hostname(), staleAfterMs: this.options.staleAfterMs };
  }

  /** Events waiting to be written. */
  get pendingEvents(): number {
    return this.writer.pending;
  }

  /** Events dropped because the store kept failing (or the tracker was closed before they were written). */
  get droppedEvents(): number {
    return this.writer.droppedEvents;
  }

  preGraphExecute(event: PreGraphEvent): void {
    try {
      const start = performance.now();
      const run: TrackedRun = {
        id: randomUUID(),
        startedAt: performance.timeOrigin + start,
        start,
        planned: event.plannedNodes,
        reported: new Set(),
        seq: 0,
        calls: new Map(),
      };
      const nodes = describePlannedNodes(event.graph, event.plannedNodes, event);
      const inputs = this.summarizeFeeds(event);
      // Registered only once its start is recorded: a run that could not be described records nothing.
      this.runs.set(event.runId, run);
      this.writer.push({
        kind: 'run-started',
        runId: run.id,
        project: this.project,
        startedAt: run.startedAt,
        outputs: [...event.outputs],
        inputs,
        nodes,
        process: this.origin,
      });
      this.heartbeat.start();
    } catch (error) {
      this.internalError(error);
    }
  }

  preNodeExecute(event: PreNodeEvent): void {
    this.runs.get(event.runId)?.calls.set(event.kwargs, { name: event.node.name, start: performance.now(), ran: false, thrown: undefined });
  }

  /** Marks the call as reached and notes an error passing through (see the class doc on GracefulErrorAdapter). */
  doNodeExecute(ctx: NodeExecuteContext, next: (ctx: NodeExecuteContext) => unknown): unknown {
    const call = this.runs.get(ctx.runId)?.calls.get(ctx.kwargs);
    if (call === undefined) return next(ctx);
    call.ran = true;
    let result: unknown;
    try {
      result = next(ctx);
    } catch (error) {
      call.thrown = { error };
      throw error;
    }
    if (!isThenable(result)) return result;
    return Promise.resolve(result).then(undefined, (error: unknown) => {
      call.thrown = { error };
      throw error;
    });
  }

  postNodeExecute(event: PostNodeEvent): void {
    const end = performance.now();
    const run = this.runs.get(event.runId);
    if (run === undefined) return;
    try {
      const call = run.calls.get(event.kwargs);
      run.calls.delete(event.kwargs);
      const start = call === undefined ? end : call.start;
      const outcome = nodeOutcome(event, call);
      const name = event.node.name;
      run.reported.add(name);
      // One shape for every result (absent fields undefined): V8 keeps a single hidden class.
      this.writer.push({
        kind: 'node-finished',
        runId: run.id,
        name,
        status: outcome.status,
        startedAt: performance.timeOrigin + start,
        durationMs: end - start,
        summary: outcome.status === 'success' && this.options.limits ? summarize(event.result, this.options.limits) : undefined,
        error: outcome.error,
        cacheStatus: event.cache?.status,
        executions: 1,
        seq: ++run.seq,
      });
    } catch (error) {
      this.internalError(error);
    }
  }

  postGraphExecute(event: PostGraphEvent): void {
    const run = this.runs.get(event.runId);
    if (run === undefined) return;
    this.runs.delete(event.runId);
    if (this.runs.size === 0) this.heartbeat.stop();
    try {
      const durationMs = performance.now() - run.start;
      for (const name of run.planned) {
        if (run.reported.has(name)) continue;
        this.writer.push({
          kind: 'node-finished',
          runId: run.id,
          name,
          status: 'skipped',
          startedAt: run.startedAt,
          durationMs: 0,
          summary: undefined,
          error: undefined,
          cacheStatus: undefined,
          executions: 0,
          seq: ++run.seq,
        });
      }
      this.writer.push({
        kind: 'run-finished',
        runId: run.id,
        status: event.success ? 'success' : 'failure',
        durationMs,
        ...(event.success ? {} : { error: recordError(event.error) }),
      });
    } catch (error) {
      this.internalError(error);
    }
  }

  /** Writes every event queued so far; resolves when written, or when the store failed (they are retried later). Never rejects. */
  flush(): Promise<void> {
    return this.writer.flush();
  }

  /**
   * Flushes, then closes the store if the tracker opened it from a URL (a store passed in stays open).
   * Events the store still refuses are dropped, with a warning. Never rejects.
   */
  async close(): Promise<void> {
    this.heartbeat.stop();
    await this.writer.close();
    if (typeof this.options.store !== 'string' || !this.store) return;
    const store = await this.store.catch(() => undefined);
    await store?.close().catch(() => undefined);
  }

  /** The store, opened (and migrated) once; a failure is forgotten so the next write tries again. */
  private openStore(): Promise<RunStore> {
    if (!this.store) {
      const given = this.options.store;
      this.store = typeof given === 'string' ? openRunStore(given) : given.migrate().then(() => given);
      this.store.catch(() => {
        this.store = undefined;
      });
    }
    return this.store;
  }

  /** The heartbeats of the runs in progress; never throws into the writer. */
  private heartbeats(): TrackingEvent[] {
    try {
      return Array.from(this.runs.values(), (run) => heartbeatOf(run.id, run.calls.values()));
    } catch (error) {
      this.internalError(error);
      return [];
    }
  }

  /** Inputs and overrides, summarised. */
  private summarizeFeeds(event: PreGraphEvent): Record<string, ValueSummary> {
    const summaries: Record<string, ValueSummary> = {};
    if (!this.options.limits) return summaries;
    for (const feeds of [event.inputs, event.overrides])
      for (const name of Object.keys(feeds)) if (feeds[name] !== undefined) summaries[name] = summarize(feeds[name], this.options.limits);
    return summaries;
  }

  private internalError(error: unknown): void {
    if (this.warnedInternal) return;
    this.warnedInternal = true;
    try {
      this.options.warn(messages.internalError(reasonOf(error)));
    } catch {
      // nothing more to do: the run must go on
    }
  }
}
