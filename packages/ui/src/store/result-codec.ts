import type { NodeFinishedEvent, NodeStatus, RecordedError, ValueSummary } from './records.js';

/**
 * A node result as stored: a JSON array rather than an object, so a batch of 10,000 results is a
 * third the text to write and parse. Absent values are `null`.
 */
export type EncodedResult = [
  name: string,
  status: NodeStatus,
  startedAt: number,
  durationMs: number,
  summary: ValueSummary | null,
  error: RecordedError | null,
  cacheStatus: string | null,
  executions: number,
  seq: number | null,
];

export function encodeResult(event: NodeFinishedEvent): EncodedResult {
  return [
    event.name,
    event.status,
    toMicroseconds(event.startedAt),
    toMicroseconds(event.durationMs),
    event.summary ?? null,
    event.error ?? null,
    event.cacheStatus ?? null,
    event.executions ?? 1,
    event.seq ?? null,
  ];
}

/** A stored result back as an event; `undefined` for anything that is not one (never throws). */
export function decodeResult(runId: string, value: unknown): NodeFinishedEvent | undefined {
  if (!Array.isArray(value) || typeof value[0] !== 'string' || typeof value[1] !== 'string') return undefined;
  const [name, status, startedAt, durationMs, summary, error, cacheStatus, executions, seq] = value as EncodedResult;
  return {
    kind: 'node-finished',
    runId,
    name,
    status,
    startedAt: Number(startedAt),
    durationMs: Number(durationMs) || 0,
    ...(summary ? { summary } : {}),
    ...(error ? { error } : {}),
    ...(cacheStatus ? { cacheStatus } : {}),
    executions: typeof executions === 'number' ? executions : 1,
    ...(typeof seq === 'number' ? { seq } : {}),
  };
}

/** Milliseconds kept to the microsecond: finer digits are timer noise, and would double the text of a batch. */
function toMicroseconds(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
