import { graphRecord } from './graph-record.js';
import type { NodeFinishedEvent, RunFinishedEvent, RunHeartbeatEvent, RunStartedEvent, TrackingEvent } from './records.js';
import { encodeResult } from './result-codec.js';

/** A run's node results of one batch, as one stored row. */
export interface ResultChunk {
  readonly runId: string;
  /** Names the chunk so a batch written twice lands once: its first `seq`, or a random key when results carry none. */
  readonly chunk: string;
  readonly firstSeq: number | null;
  /** JSON array of encoded results. */
  readonly results: string;
}

/**
 * A batch of events as a store writes it, in this order: runs started (with their graphs), node results
 * as one chunk per run, runs finished, heartbeats (the last of each run; a finished run's changes
 * nothing). Each run's own events keep their order. Results of one node in the batch (a node run once
 * per item) are merged into one.
 */
export interface WritePlan {
  readonly started: readonly RunStartedEvent[];
  readonly chunks: readonly ResultChunk[];
  readonly finished: readonly RunFinishedEvent[];
  readonly heartbeats: readonly RunHeartbeatEvent[];
}

/** Splits, merges and encodes a batch; see {@link WritePlan}. */
export function planWrite(events: readonly TrackingEvent[]): WritePlan {
  const started: RunStartedEvent[] = [];
  const finished: RunFinishedEvent[] = [];
  const heartbeats = new Map<string, RunHeartbeatEvent>();
  const byRun = new Map<string, { results: NodeFinishedEvent[]; index: Map<string, number> }>();
  for (const event of events) {
    if (event.kind === 'run-started') started.push(event);
    else if (event.kind === 'run-finished') finished.push(event);
    else if (event.kind === 'heartbeat') heartbeats.set(event.runId, event);
    else {
      let run = byRun.get(event.runId);
      if (!run) {
        run = { results: [], index: new Map() };
        byRun.set(event.runId, run);
      }
      const at = run.index.get(event.name);
      if (at === undefined) {
        run.index.set(event.name, run.results.length);
        run.results.push(event);
      } else run.results[at] = mergeResults(run.results[at], event);
    }
  }
  const chunks = [...byRun].map(([runId, { results }]) => toChunk(runId, results));
  return { started, chunks, finished, heartbeats: [...heartbeats.values()] };
}

function toChunk(runId: string, results: readonly NodeFinishedEvent[]): ResultChunk {
  let firstSeq: number | null = null;
  for (const r of results) {
    if (r.seq === undefined) {
      firstSeq = null;
      break;
    }
    if (firstSeq === null || r.seq < firstSeq) firstSeq = r.seq;
  }
  const chunk = firstSeq === null ? `t${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}` : String(firstSeq);
  return { runId, chunk, firstSeq, results: JSON.stringify(results.map(encodeResult)) };
}

/** The graph rows a batch needs: each planned graph once. */
export function graphsOf(started: readonly RunStartedEvent[]) {
  return [...new Map(started.map((run) => [graphRecord(run.nodes).id, graphRecord(run.nodes)])).values()];
}

/**
 * Two results of one node of one run, as one: the worst status (failure, then success, then skipped),
 * the earliest start, durations and executions summed, the first summary and error, the cache status
 * they share (`miss` when they differ, as the cache itself reports a block's node), the latest `seq`.
 */
export function mergeResults(a: NodeFinishedEvent, b: NodeFinishedEvent): NodeFinishedEvent {
  return {
    kind: 'node-finished',
    runId: a.runId,
    name: a.name,
    status: worseStatus(a.status, b.status),
    startedAt: Math.min(a.startedAt, b.startedAt),
    durationMs: a.durationMs + b.durationMs,
    summary: a.summary ?? b.summary,
    error: a.error ?? b.error,
    cacheStatus:
      a.cacheStatus === undefined ? b.cacheStatus : b.cacheStatus === undefined || a.cacheStatus === b.cacheStatus ? a.cacheStatus : 'miss',
    executions: (a.executions ?? 1) + (b.executions ?? 1),
    seq: maxDefined(a.seq, b.seq),
  };
}

const RANK = { skipped: 0, success: 1, failure: 2 } as const;

function worseStatus(a: NodeFinishedEvent['status'], b: NodeFinishedEvent['status']): NodeFinishedEvent['status'] {
  return RANK[b] > RANK[a] ? b : a;
}

function maxDefined(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  return b === undefined ? a : Math.max(a, b);
}
