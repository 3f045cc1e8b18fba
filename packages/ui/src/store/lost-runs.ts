// A lost run: still `running` in the store, but its last report is older than the threshold its tracker
// gave (the process was killed or crashed). It is judged when read, never written back, with the store's
// own clock (Postgres: the server's, which every machine shares), so a run whose process reports again (the
// store was down, a laptop slept) reads as running again.
import { type LostProcess, messages } from '../messages.js';
import { parseJson } from './parse-json.js';
import { type NodeFinishedEvent, type PlannedNode, PROCESS_LOST, type RecordedError } from './records.js';

/** The store's clock, ms since the epoch, as SQL of each engine. */
export const STORE_CLOCK = {
  sqlite: "((julianday('now') - 2440587.5) * 86400000.0)",
  postgres: '(EXTRACT(EPOCH FROM statement_timestamp()) * 1000)::float8',
} as const;

/** SQL that is true for a lost run, and never NULL (so `NOT` of it is safe); `clock` is a STORE_CLOCK. */
export function lostRunSql(clock: string): string {
  return `(status = 'running' AND stale_after_ms IS NOT NULL AND last_seen_at IS NOT NULL AND last_seen_at + stale_after_ms < ${clock})`;
}

/** What a lost run's row holds about its process; `lost` is lostRunSql's answer (0/1 in SQLite). */
export interface ProcessColumns {
  readonly id: string;
  readonly started_at: number;
  readonly pid?: number | null;
  readonly hostname?: string | null;
  readonly stale_after_ms?: number | null;
  readonly last_seen_at?: number | null;
  readonly in_flight?: string | null;
  readonly lost?: boolean | number;
}

/** Whether the store judged the row's run lost. */
export const isLost = (row: ProcessColumns): boolean => Boolean(row.lost);

/** A lost run's duration: from its start to its last report. */
export const lostDuration = (row: ProcessColumns): number => Math.max(0, Number(row.last_seen_at) - Number(row.started_at));

/** The error of a lost run: which process stopped reporting, when it last did, what that means. */
export function lostRunError(row: ProcessColumns): RecordedError {
  return { type: PROCESS_LOST, message: messages.processLost(describeProcess(row), Number(row.stale_after_ms)) };
}

/**
 * A lost run's nodes, as a failed run's would be: the nodes running at its last report failed (also one
 * of a Parallelizable block whose other items had finished), the planned ones that never started are
 * skipped. No node claims a success it did not finish.
 */
export function settleLostNodes(
  row: ProcessColumns,
  planned: readonly PlannedNode[],
  results: readonly NodeFinishedEvent[],
): NodeFinishedEvent[] {
  const inFlight = parseJson<{ name: string; startedAt: number }[]>(row.in_flight);
  const running = new Map((Array.isArray(inFlight) ? inFlight : []).map((n) => [n.name, Number(n.startedAt)]));
  const error: RecordedError = { type: PROCESS_LOST, message: messages.nodeLost(describeProcess(row)) };
  const lastSeen = Number(row.last_seen_at);
  const settled = results.map((r) => (running.has(r.name) && r.status !== 'failure' ? { ...r, status: 'failure' as const, error } : r));
  let seq = results.reduce((max, r) => Math.max(max, r.seq ?? 0), 0);
  const recorded = new Set(results.map((r) => r.name));
  for (const [name, startedAt] of running)
    if (!recorded.has(name))
      settled.push({
        ...notFinished(row.id, name, startedAt),
        status: 'failure',
        durationMs: Math.max(0, lastSeen - startedAt),
        error,
        seq: ++seq,
      });
  for (const node of planned)
    if (!node.isInput && !recorded.has(node.name) && !running.has(node.name))
      settled.push(notFinished(row.id, node.name, Number(row.started_at)));
  return settled;
}

/** A node that never finished, as a failed run records the ones it skipped. */
function notFinished(runId: string, name: string, startedAt: number): NodeFinishedEvent {
  return { kind: 'node-finished', runId, name, status: 'skipped', startedAt, durationMs: 0, executions: 0 };
}

function describeProcess(row: ProcessColumns): LostProcess {
  const lastSeen = new Date(Number(row.last_seen_at));
  return {
    pid: row.pid ?? undefined,
    hostname: row.hostname ?? undefined,
    lastSeen: Number.isNaN(lastSeen.getTime()) ? 'never' : lastSeen.toISOString(),
  };
}
